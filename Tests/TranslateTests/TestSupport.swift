import Foundation
import LLM
import Synchronization
@testable import Translate

/// A backend that replays canned raw model outputs (to exercise k1's plumbing, not a model) and counts calls.
final class ScriptedBackend: LLMBackend {
    let kind = "scripted"
    let modelName: String
    private let outputs: [String]
    private let finishReason: String
    private let counter = Mutex(0)
    private let lastRequest = Mutex<GenerationRequest?>(nil)

    init(modelName: String = "test-model", outputs: [String], finishReason: String = "stop") {
        self.modelName = modelName
        self.outputs = outputs
        self.finishReason = finishReason
    }

    /// How many generations were asked for.
    var calls: Int { counter.withLock { $0 } }
    /// The last request received.
    var lastGeneration: GenerationRequest? { lastRequest.withLock { $0 } }

    func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let index = counter.withLock { count -> Int in
            defer { count += 1 }
            return count
        }
        lastRequest.withLock { $0 = request }
        let text = outputs.isEmpty ? "" : outputs[min(index, outputs.count - 1)]
        return AsyncThrowingStream { continuation in
            // Stream in small pieces, as a server would.
            var rest = Substring(text)
            while !rest.isEmpty {
                continuation.yield(.token(String(rest.prefix(4))))
                rest = rest.dropFirst(4)
            }
            continuation.yield(.done(GenerationStats(promptTokens: 12, cachedPromptTokens: 900, generatedTokens: 8,
                                                     promptMilliseconds: 140, generationMilliseconds: 260,
                                                     finishReason: finishReason)))
            continuation.finish()
        }
    }
}

/// Counts how often a backend provider is called.
final class ProviderCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("k1-translate-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
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
