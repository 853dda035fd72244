import Foundation
import LLM
import Synchronization
@testable import Translate

/// Counts how often a backend provider is called.
final class ProviderCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(days: Double = 0, seconds: Double = 0) {
        current.withLock { $0 = $0.addingTimeInterval(days * 86_400 + seconds) }
    }
}

/// Collects warnings.
final class WarningLog: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}
