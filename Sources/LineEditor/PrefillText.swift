/// Turns text for the edit line (such as a generated kubectl command) into keystrokes that are safe
/// to feed to libedit.
///
/// Prefill text is fed to libedit as if typed, so every character goes through the key map:
/// a tab would trigger completion and be swallowed, a newline would submit the line at once,
/// and other control characters would run editing commands.
enum PrefillText {
    /// Trims leading and trailing whitespace, turns tabs and line breaks (including `\r\n`) into
    /// single spaces, and drops every other control character (C0, DEL, C1).
    static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for character in trimmed(text) {
            if character == "\t" || character.isNewline {
                out.append(" ")
                continue
            }
            for scalar in character.unicodeScalars where !isControl(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The sanitised text as the Unicode scalar values libedit receives as keys.
    static func keystrokes(for text: String) -> [Int32] {
        sanitized(text).unicodeScalars.map { Int32(bitPattern: $0.value) }
    }

    /// Keystrokes that type a line back exactly as libedit held it (after Alt-e): spaces kept where they were, tabs
    /// and line breaks as spaces, other control characters dropped. Its length is the line's length in characters,
    /// so a cursor offset into the line stays valid.
    static func exactKeystrokes(for text: String) -> [Int32] {
        var keys: [Int32] = []
        for character in text {
            if character == "\t" || character.isNewline {
                keys.append(0x20)
            } else if character.unicodeScalars.allSatisfy(isControl) {
                keys.append(0x20)
            } else {
                keys += character.unicodeScalars.filter { !isControl($0) }.map { Int32(bitPattern: $0.value) }
            }
        }
        return keys
    }

    private static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0.unicodeScalars.allSatisfy(isControl) }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
