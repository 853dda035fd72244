/// Decodes a stream of UTF-8 bytes, one byte at a time, into whole Unicode scalars.
///
/// libedit stores what the getc function returns straight into a `wchar_t`, so a multi-byte
/// character must be handed over as one scalar, never byte by byte (that would show `Ã©` for `é`).
/// Invalid input never stalls the stream: each maximal invalid subpart becomes U+FFFD, and a byte
/// that interrupts a sequence is decoded afresh after the replacement character.
struct UTF8ScalarDecoder {
    /// The replacement character emitted for invalid input.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    private var partial: UInt32 = 0
    private var remaining = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF

    /// True while bytes of an incomplete multi-byte sequence are buffered.
    var isInsideSequence: Bool { remaining > 0 }

    /// Feeds one byte and returns the scalars it completes: none while a sequence is incomplete,
    /// one for a finished or invalid sequence, two when `byte` breaks off a sequence and is itself
    /// a complete scalar.
    mutating func feed(_ byte: UInt8) -> [Unicode.Scalar] {
        if remaining > 0 {
            if byte >= nextLow && byte <= nextHigh {
                partial = (partial << 6) | UInt32(byte & 0x3F)
                remaining -= 1
                nextLow = 0x80
                nextHigh = 0xBF
                if remaining == 0 {
                    return [Unicode.Scalar(partial) ?? Self.replacement]
                }
                return []
            }
            remaining = 0
            return [Self.replacement] + start(byte)
        }
        return start(byte)
    }

    /// Drops any incomplete sequence (used when input ends or an edit is cancelled).
    mutating func reset() {
        remaining = 0
        partial = 0
    }

    private mutating func start(_ byte: UInt8) -> [Unicode.Scalar] {
        nextLow = 0x80
        nextHigh = 0xBF
        switch byte {
        case 0x00...0x7F:
            return [Unicode.Scalar(byte)]
        case 0xC2...0xDF:
            partial = UInt32(byte & 0x1F)
            remaining = 1
        case 0xE0...0xEF:
            partial = UInt32(byte & 0x0F)
            remaining = 2
            if byte == 0xE0 { nextLow = 0xA0 }      // no overlong forms
            if byte == 0xED { nextHigh = 0x9F }     // no surrogates
        case 0xF0...0xF4:
            partial = UInt32(byte & 0x07)
            remaining = 3
            if byte == 0xF0 { nextLow = 0x90 }      // no overlong forms
            if byte == 0xF4 { nextHigh = 0x8F }     // nothing above U+10FFFF
        default:
            return [Self.replacement]               // stray continuation byte, C0, C1, F5–FF
        }
        return []
    }
}
