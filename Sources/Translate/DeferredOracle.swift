import Synchronization

/// A ``CommandOracle`` made on its first check, so that building it (``SyntaxOracle`` asks kubectl for its version)
/// costs nothing at start-up and nothing at all in a session that never asks the model.
public final class DeferredOracle: CommandOracle {
    private let make: @Sendable () -> (any CommandOracle)?
    private let made = Mutex<(done: Bool, oracle: (any CommandOracle)?)>((false, nil))

    /// Creates an oracle that calls `make` once, on the first check; nil from `make` means no checks.
    public init(_ make: @escaping @Sendable () -> (any CommandOracle)?) {
        self.make = make
    }

    /// The made oracle's issues, or none when it could not be made.
    public func check(_ command: String) async -> [ValidationIssue] {
        let oracle = made.withLock { state -> (any CommandOracle)? in
            if !state.done { state = (true, make()) }
            return state.oracle
        }
        return await oracle?.check(command) ?? []
    }
}
