import Subprocess

extension ProcessRunError {
    /// The error for swift-subprocess's `error`, met while running `executable`, by its error code.
    public init(_ error: SubprocessError, executable: String, workingDirectory: String? = nil) {
        switch error.code {
        case .executableNotFound:
            self = .executableNotFound(executable)
        case .failedToChangeWorkingDirectory:
            self = .workingDirectoryUnavailable(workingDirectory ?? "the working directory")
        case .spawnFailed, .failedToMonitorProcess:
            self = .launchFailed(executable: executable, reason: error.underlyingError.map { "\($0)" } ?? "spawn failed")
        default:
            self = .communicationFailed(executable: executable,
                                        reason: error.underlyingError.map { "\($0)" } ?? "I/O failed")
        }
    }
}
