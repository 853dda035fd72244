/// A key that cancels the current edit or the current long-running operation.
public enum CancelKey: Sendable, Equatable {
    /// Ctrl-C (byte 0x03), read as a key rather than as SIGINT.
    case controlC
    /// A lone Esc: an ESC byte that no other byte follows within the escape timeout.
    case escape
}
