/// Polling with a deadline: the tests wait for what they can observe, never for a fixed time.
enum Poll {
    /// Calls `probe` every 50 ms until it returns a value, and returns that value.
    /// - Parameters:
    ///   - description: what is awaited, for the error.
    ///   - context: what was last seen, for the error (a screen, a process list).
    /// - Throws: `E2EError.timedOut` when `timeout` passes first, or what `probe` throws.
    @discardableResult
    static func until<T>(_ description: String, timeout: Duration, context: () -> String = { "" },
                         _ probe: () throws -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let value = try probe() { return value }
            if ContinuousClock.now >= deadline {
                throw E2EError.timedOut(waitingFor: description, after: timeout, screen: context())
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
