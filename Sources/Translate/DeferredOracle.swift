import Synchronization

/// A ``CommandOracle`` made on its first check, so that building it (``SyntaxOracle`` asks kubectl for its version)
/// costs nothing at start-up and nothing at all in a session that never asks the model.
public final class DeferredOracle: CommandOracle {
    private let make: @Sendable () async -> (any CommandOracle)?
    private let made = Mutex<Task<(any CommandOracle)?, Never>?>(nil)

    /// Creates an oracle that calls `make` once, on the first check; nil from `make` means no checks.
    public init(_ make: @escaping @Sendable () async -> (any CommandOracle)?) {
        self.make = make
    }

    /// The made oracle's issues, or none when it could not be made.
    public func check(_ command: String) async -> [ValidationIssue] {
        let making = made.withLock { task in
            if let task { return task }
            let make = self.make
            let started = Task { await make() }
            task = started
            return started
        }
        return await making.value?.check(command) ?? []
    }
}
