/// The last command that failed: what ran, its exit status and the end of its standard error (secrets dropped).
/// Kept so that `?fix it`, `?why did that fail` and `?try again in staging` can refer to it.
public struct FailedCommand: Sendable, Equatable, Codable {
    /// The command line as run (with the `-n`/`--context` k1 added).
    public var command: String
    /// Its exit status.
    public var exitStatus: Int32
    /// The last lines of its standard error, trimmed, without lines that hold secrets (``ErrorTail``).
    public var errorLines: [String]

    /// Creates a failed command.
    public init(command: String, exitStatus: Int32, errorLines: [String] = []) {
        self.command = command
        self.exitStatus = exitStatus
        self.errorLines = errorLines
    }
}
