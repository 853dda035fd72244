/// One of a child's output streams.
public enum ProcessStream: Sendable, Equatable {
    /// Standard output.
    case standardOutput
    /// Standard error.
    case standardError
}

/// What an output observer sends back to the child's standard input (used with ``ProcessInput/replies``).
public enum ProcessReply: Sendable, Equatable {
    /// Nothing.
    case nothing
    /// These bytes.
    case send([UInt8])
    /// These bytes, then the end of standard input.
    case sendAndClose([UInt8])
}

/// Called with each chunk of output as it arrives, in order per stream, before the capture limit is applied.
public typealias ProcessOutputObserver = @Sendable (ProcessStream, [UInt8]) -> ProcessReply
