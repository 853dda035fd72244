/// Classifies terminal input bytes into cancel keys, telling a lone Esc apart from the ESC that
/// starts an arrow-key or Alt sequence.
///
/// A terminal sends arrow keys as `ESC [ A` (or `ESC O A`) in one burst, and Alt+key as `ESC key`.
/// A lone Esc is an ESC that no other byte follows within a short timeout. The scanner holds that
/// decision open: after an ESC, `isAwaitingEscapeFollowUp` is true; the caller waits up to the
/// timeout for more input and then either feeds the next byte or calls `escapeTimedOut()`.
struct CancelKeyScanner {
    static let controlCByte: UInt8 = 0x03
    static let escapeByte: UInt8 = 0x1B

    /// True after an ESC with no following byte yet: the caller should wait for more input.
    private(set) var isAwaitingEscapeFollowUp = false

    /// Feeds one byte read from the terminal. Returns `.controlC` for Ctrl-C. An ESC returns nil and
    /// sets `isAwaitingEscapeFollowUp`; any byte that follows an ESC (other than another ESC or
    /// Ctrl-C) marks it as the start of a key sequence, not a cancel.
    mutating func feed(_ byte: UInt8) -> CancelKey? {
        switch byte {
        case Self.controlCByte:
            isAwaitingEscapeFollowUp = false
            return .controlC
        case Self.escapeByte:
            // A second ESC restarts the wait: Esc pressed twice quickly still cancels.
            isAwaitingEscapeFollowUp = true
            return nil
        default:
            isAwaitingEscapeFollowUp = false
            return nil
        }
    }

    /// Reports that no byte followed an ESC within the timeout. Returns `.escape` when an ESC was
    /// pending, nil otherwise.
    mutating func escapeTimedOut() -> CancelKey? {
        guard isAwaitingEscapeFollowUp else { return nil }
        isAwaitingEscapeFollowUp = false
        return .escape
    }

    /// Scans a chunk of bytes read at once. Returns the first cancel key found; an ESC at the very
    /// end of the chunk is left pending (`isAwaitingEscapeFollowUp`).
    mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> CancelKey? where Bytes.Element == UInt8 {
        for byte in bytes {
            if let key = feed(byte) { return key }
        }
        return nil
    }
}
