/// Why a child process could not be run. Each case's ``message`` is one line saying what to do.
public enum ProcessRunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command was empty.
    case emptyCommand
    /// No program of this name on `PATH`, or the path is not an executable file.
    case executableNotFound(String)
    /// The working directory does not exist or cannot be entered.
    case workingDirectoryUnavailable(String)
    /// The system refused to start the program (the reason as the system gave it).
    case launchFailed(executable: String, reason: String)
    /// Reading from or writing to the child failed after it started.
    case communicationFailed(executable: String, reason: String)

    /// One line for the user.
    public var message: String {
        switch self {
        case .emptyCommand:
            "empty command: give a program to run"
        case .executableNotFound(let name):
            "\(name): command not found"
        case .workingDirectoryUnavailable(let directory):
            "cannot run in \(directory): the directory does not exist or cannot be entered"
        case .launchFailed(let executable, let reason):
            "\(executable): cannot start (\(reason)): check that it is an executable file"
        case .communicationFailed(let executable, let reason):
            "\(executable): lost its output (\(reason)); run it again"
        }
    }

    public var description: String { message }
}
