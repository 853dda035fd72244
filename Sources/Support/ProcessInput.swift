/// What a child process reads on its standard input.
public enum ProcessInput: Sendable, Equatable {
    /// Nothing: standard input is at its end from the start.
    case none
    /// These bytes, then the end.
    case bytes([UInt8])
    /// Kept open for the replies of ``ProcessCommand/observer`` until one of them closes it or the child exits.
    case replies
}
