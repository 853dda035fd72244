/// What a finished child process left behind.
struct ProcessOutput: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended it (as shells report it).
    let status: Int32
    /// Everything it wrote to standard output.
    let stdout: String
    /// Everything it wrote to standard error.
    let stderr: String
}
