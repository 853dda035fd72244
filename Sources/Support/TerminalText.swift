/// Makes text that came from outside k1 (a server's error body, a model's answer, streamed tokens, a cache or
/// session file) safe to print on a terminal: control characters could otherwise change the window title (OSC),
/// clear the screen, move the cursor or ring the bell. Pure.
public enum TerminalText {
    /// `text` with every C0 control, DEL and C1 control made visible in caret or hex notation (`ESC` → `^[`,
    /// BEL → `^G`, DEL → `^?`, CSI U+009B → `<9b>`); tabs become spaces; line breaks are kept when `keepNewlines`
    /// is true (a carriage return never is).
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard containsControl(text, allowingNewlines: keepNewlines) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines:
                out.unicodeScalars.append(scalar)
            case 0x09:
                out += " "
            case 0x00..<0x20:
                out += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                out += "^?"
            case 0x80...0x9F:
                out += "<" + String(scalar.value, radix: 16) + ">"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `text` holds a control character (C0, DEL or C1); newlines do not count when `allowingNewlines`.
    public static func containsControl(_ text: String, allowingNewlines: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowingNewlines && scalar == "\n" { return false }
            return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
    }
}
