import Foundation

/// Renders session files in the format documented on `SessionFile`; `SessionFileParser` reads the result back
/// to the same entries (line numbers aside). Pure: no I/O.
public enum SessionFileWriter {
    /// The whole file: the header, then each entry.
    public static func render(_ file: SessionFile) -> String {
        var text = SessionFile.header + "\n"
        for entry in file.entries { text += render(entry) }
        return text
    }

    /// One entry: its input line, then `answer`, `ran`, `exit`, `skipped` and `note` annotations, each ending with a newline.
    ///
    /// Line breaks inside values become spaces and surrounding whitespace is dropped, as the parser would.
    /// An input that is blank or starts with `#` cannot be an input line: it is written as a comment,
    /// without its annotations, so the file stays valid.
    public static func render(_ entry: SessionEntry) -> String {
        let input = oneLine(entry.input)
        if input.isEmpty { return "" }
        if input.hasPrefix("#") {
            return (input.hasPrefix("#>") ? "# " + input : input) + "\n"
        }
        var text = input + "\n"
        if let answer = entry.answer { text += annotation("answer", answer) }
        if let ran = entry.ran { text += annotation("ran", ran) }
        if let status = entry.exitStatus { text += annotation("exit", String(status)) }
        if let skipped = entry.skipped { text += annotation("skipped", skipped) }
        for note in entry.notes { text += annotation("note", note) }
        return text
    }

    private static func annotation(_ key: String, _ value: String) -> String {
        let value = oneLine(value)
        return value.isEmpty ? "#> \(key):\n" : "#> \(key): \(value)\n"
    }

    /// Joins lines with spaces, drops NULs and trims spaces and tabs.
    static func oneLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": scalars.append(" ")
            case "\u{0}": continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }
}
