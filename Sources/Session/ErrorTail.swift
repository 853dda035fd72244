/// The last few lines of a command's standard error as the session keeps them: blank lines dropped, each line
/// trimmed and cut to a readable length, and lines that may hold a secret never kept. Pure.
public enum ErrorTail {
    /// Most lines kept.
    public static let maxLines = 4
    /// Most characters kept of one line.
    public static let maxLineLength = 240

    /// The lines of `text` worth keeping, oldest first, at most `maxLines` of them.
    public static func lines(_ text: String, maxLines: Int = ErrorTail.maxLines) -> [String] {
        let kept = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { raw -> String? in
            let line = String(raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            guard !line.isEmpty, !holdsSecret(line) else { return nil }
            return line.count > maxLineLength ? String(line.prefix(maxLineLength)) + "…" : line
        }
        return Array(kept.suffix(max(0, maxLines)))
    }

    /// Words whose value is a secret when a `=` or `:` follows them.
    static let secretWords = ["token", "password", "passwd", "secret", "apikey", "api-key", "api_key", "bearer",
                              "authorization", "client-key", "private-key"]

    /// Whether a line may carry a secret: a secret word followed by `=`/`:` (after optional quotes and spaces),
    /// `Bearer …`, or a word of 40 or more token characters (a JWT, a base64 key).
    public static func holdsSecret(_ line: String) -> Bool {
        let lower = line.lowercased()
        if lower.contains("bearer ") { return true }
        for word in secretWords {
            var search = lower[...]
            while let range = search.firstRange(of: word) {
                let rest = search[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " || $0 == "s" }
                if let next = rest.first, next == "=" || next == ":" { return true }
                search = search[range.upperBound...]
            }
        }
        var run = 0
        for character in line {
            if character.isLetter || character.isNumber || "+/=_-.".contains(character) {
                run += 1
                if run >= 40 { return true }
            } else {
                run = 0
            }
        }
        return false
    }
}
