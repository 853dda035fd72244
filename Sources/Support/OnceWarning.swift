import Synchronization

/// A warning printed once per process however often its cause repeats (a history file that cannot be written fails
/// on every line; saying so once is enough).
public final class OnceWarning: Sendable {
    private let printed = Mutex(false)
    private let sink: @Sendable (String) -> Void

    /// Creates a warning that goes to `sink` (standard error by default).
    public init(sink: @escaping @Sendable (String) -> Void = { printError($0) }) {
        self.sink = sink
    }

    /// Prints `message` the first time only. Returns whether it was printed.
    @discardableResult
    public func report(_ message: String) -> Bool {
        let first = printed.withLock { printed -> Bool in
            defer { printed = true }
            return !printed
        }
        if first { sink(message) }
        return first
    }
}
