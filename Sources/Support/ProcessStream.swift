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

/// Called with each chunk of output as it arrives, before the capture limit is applied: in order within a stream, while
/// the calls for standard output and standard error may overlap (keep shared state behind a lock).
public typealias ProcessOutputObserver = @Sendable (ProcessStream, [UInt8]) -> ProcessReply
