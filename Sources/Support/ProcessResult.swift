/// What a finished child process left: how it ended, what it wrote (within the capture limits), and whether the
/// deadline ended it.
public struct ProcessResult: Sendable, Equatable {
    /// How it ended.
    public var termination: ProcessTermination
    /// Its standard output, within the limit.
    public var standardOutput: [UInt8]
    /// Its standard error, within the limit.
    public var standardError: [UInt8]
    /// Whether standard output was longer than the limit (the excess was dropped).
    public var standardOutputTruncated: Bool
    /// Whether standard error was longer than the limit (the excess was dropped).
    public var standardErrorTruncated: Bool
    /// Whether the deadline passed and the runner stopped the child.
    public var timedOut: Bool
    /// The child's process id (already reaped when the result exists).
    public var processIdentifier: Int32

    /// Creates a result.
    public init(termination: ProcessTermination, standardOutput: [UInt8] = [], standardError: [UInt8] = [],
                standardOutputTruncated: Bool = false, standardErrorTruncated: Bool = false, timedOut: Bool = false,
                processIdentifier: Int32 = 0) {
        self.termination = termination
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardOutputTruncated = standardOutputTruncated
        self.standardErrorTruncated = standardErrorTruncated
        self.timedOut = timedOut
        self.processIdentifier = processIdentifier
    }

    /// Standard output as UTF-8 text (invalid bytes replaced).
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as UTF-8 text (invalid bytes replaced).
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
    /// Whether it exited with code 0 before the deadline.
    public var succeeded: Bool { termination.succeeded && !timedOut }
}
