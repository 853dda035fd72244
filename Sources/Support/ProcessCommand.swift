import Foundation

/// A child process to run with ``ProcessRunner``: the program, its arguments, environment, working directory and
/// standard input, how much output to keep, and how long it may run.
public struct ProcessCommand: Sendable {
    /// The program: a path, or a name looked up in the `PATH` the child gets.
    public var executable: String
    /// Its arguments (without the program).
    public var arguments: [String]
    /// Its environment.
    public var environment: ProcessEnvironment
    /// Its working directory; nil: k1's own.
    public var workingDirectory: URL?
    /// Its standard input.
    public var input: ProcessInput
    /// How much standard output is kept.
    public var outputLimit: ProcessCaptureLimit
    /// How much standard error is kept.
    public var errorLimit: ProcessCaptureLimit
    /// How long it may run before it gets SIGTERM; nil: no limit.
    public var deadline: Duration?
    /// How long after SIGTERM it gets SIGKILL.
    public var grace: Duration
    /// Sees each chunk of output as it arrives; its replies go to standard input (with ``ProcessInput/replies``).
    public var observer: ProcessOutputObserver?
    /// Called with the child's process id once it has started (it leads a process group of that id).
    public var onStart: (@Sendable (Int32) -> Void)?

    /// The default limit of each output stream: 1 MiB.
    public static let defaultLimit = ProcessCaptureLimit(bytes: 1 << 20)

    /// Creates a command.
    public init(_ executable: String, arguments: [String] = [], environment: ProcessEnvironment = .inherit,
                workingDirectory: URL? = nil, input: ProcessInput = .none,
                outputLimit: ProcessCaptureLimit = ProcessCommand.defaultLimit,
                errorLimit: ProcessCaptureLimit = ProcessCommand.defaultLimit,
                deadline: Duration? = nil, grace: Duration = .seconds(1), observer: ProcessOutputObserver? = nil,
                onStart: (@Sendable (Int32) -> Void)? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.input = input
        self.outputLimit = outputLimit
        self.errorLimit = errorLimit
        self.deadline = deadline
        self.grace = grace
        self.observer = observer
        self.onStart = onStart
    }
}
