/// Bracketed paste: with mode 2004 on, a terminal wraps pasted text in `ESC [ 200 ~` … `ESC [ 201 ~`, so the
/// editor can tell a pasted newline from an Enter. k1 inserts pasted text on the edit line and never runs it.
enum BracketedPaste {
    /// Turns the mode on (sent when a line is read).
    static let enable = "\u{1B}[?2004h"
    /// Turns the mode off (sent when the read ends, so children and the shell after exit see plain keys).
    static let disable = "\u{1B}[?2004l"
    /// What the terminal sends before pasted text.
    static let startMarker: [UInt8] = Array("\u{1B}[200~".utf8)
    /// What the terminal sends after pasted text.
    static let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)

    /// The keys that insert `bytes` (the pasted text, markers excluded) literally: UTF-8 decoded (invalid bytes
    /// become U+FFFD), each line break (`\r\n`, `\r`, `\n`) and tab a single space, every other control character
    /// dropped, so no pasted byte can act as Enter, Tab or an editing command.
    static func keystrokes(forPasted bytes: [UInt8]) -> [Int32] {
        var decoder = UTF8ScalarDecoder()
        var scalars: [Unicode.Scalar] = []
        for byte in bytes { scalars.append(contentsOf: decoder.feed(byte)) }
        if decoder.isInsideSequence { scalars.append(UTF8ScalarDecoder.replacement) }
        var keys: [Int32] = []
        var previous: Unicode.Scalar?
        for scalar in scalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }
            if scalar == "\r" || scalar == "\n" || scalar == "\t" {
                keys.append(0x20)
            } else if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) {
                keys.append(Int32(bitPattern: scalar.value))
            }
        }
        return keys
    }
}
