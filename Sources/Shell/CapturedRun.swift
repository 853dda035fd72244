/// The result of a command run with its output captured, not shown.
public struct CapturedRun: Sendable, Equatable {
    /// How it ended.
    public var status: ExitStatus
    /// Its standard output.
    public var output: String
    /// Its standard error.
    public var error: String

    /// Creates a result.
    public init(status: ExitStatus, output: String = "", error: String = "") {
        self.status = status
        self.output = output
        self.error = error
    }
}
