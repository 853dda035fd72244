/// Collects the bytes of a bracketed paste up to its end marker, byte by byte.
struct PasteCollector {
    /// The pasted bytes so far (a partial end marker is held back until it completes or breaks).
    private(set) var text: [UInt8] = []
    private var matched = 0

    /// Feeds one byte; returns true when it completed the end marker (the paste is over).
    mutating func feed(_ byte: UInt8) -> Bool {
        let marker = BracketedPaste.endMarker
        if byte == marker[matched] {
            matched += 1
            if matched == marker.count {
                matched = 0
                return true
            }
            return false
        }
        // The held-back bytes were text after all; the byte may start a new marker.
        text.append(contentsOf: marker[0..<matched])
        matched = 0
        if byte == marker[0] {
            matched = 1
        } else {
            text.append(byte)
        }
        return false
    }
}
