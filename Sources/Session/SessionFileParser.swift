import Foundation

/// Parses the session file format documented on `SessionFile`. Pure: no I/O.
public enum SessionFileParser {
    /// Parses session text.
    /// - Parameter source: the file name used in errors.
    /// - Throws: `SessionFileError` with the 1-based line of the first problem.
    public static func parse(_ text: String, source: String) throws(SessionFileError) -> SessionFile {
        var entries: [SessionEntry] = []
        var seenContent = false
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        for (index, raw) in HistoryFormat.splitLines(String(body)).enumerated() {
            let number = index + 1
            if raw.unicodeScalars.contains("\u{0}") {
                throw SessionFileError(source: source, line: number, reason: .nulByte)
            }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            defer { seenContent = true }
            if line.hasPrefix("#>") {
                let (key, value) = try annotation(line, source: source, number: number)
                guard var entry = entries.popLast() else {
                    throw SessionFileError(source: source, line: number, reason: .annotationBeforeInput(key))
                }
                try apply(key: key, value: value, to: &entry, source: source, number: number)
                entries.append(entry)
            } else if line.hasPrefix("#") {
                if !seenContent, let version = headerVersion(line), version != "v\(SessionFile.version)" {
                    throw SessionFileError(source: source, line: number, reason: .unsupportedVersion(version))
                }
            } else {
                entries.append(SessionEntry(lineNumber: number, input: line))
            }
        }
        return SessionFile(entries: entries)
    }

    /// Parses session bytes, reporting the first line that is not UTF-8.
    public static func parse(_ data: Data, source: String) throws(SessionFileError) -> SessionFile {
        guard let text = String(validating: data, as: UTF8.self) else {
            var number = 1
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                if String(validating: line, as: UTF8.self) == nil { break }
                number += 1
            }
            throw SessionFileError(source: source, line: number, reason: .invalidUTF8)
        }
        return try parse(text, source: source)
    }

    /// `v1` from `# k1 session v1`, or nil when the comment is not a header.
    static func headerVersion(_ line: String) -> String? {
        let words = line.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 3, words[0] == "k1", words[1] == "session" else { return nil }
        return String(words[2])
    }

    /// Splits `#> key: value` into its trimmed key and value.
    static func annotation(_ line: String, source: String, number: Int) throws(SessionFileError) -> (String, String) {
        let body = line.dropFirst(2)
        guard let colon = body.firstIndex(of: ":") else {
            throw SessionFileError(source: source, line: number, reason: .malformedAnnotation)
        }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces)
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw SessionFileError(source: source, line: number, reason: .malformedAnnotation)
        }
        return (key, value)
    }

    private static func apply(key: String, value: String, to entry: inout SessionEntry,
                              source: String, number: Int) throws(SessionFileError) {
        func once(_ current: (some Any)?) throws(SessionFileError) {
            if current != nil {
                throw SessionFileError(source: source, line: number, reason: .duplicateKey(key, inputLine: entry.lineNumber))
            }
        }
        switch key {
        case "ran":
            try once(entry.ran)
            entry.ran = value
        case "exit":
            try once(entry.exitStatus)
            guard let status = Int32(value) else {
                throw SessionFileError(source: source, line: number, reason: .invalidExitStatus(value))
            }
            entry.exitStatus = status
        case "answer":
            try once(entry.answer)
            entry.answer = value
        case "skipped":
            try once(entry.skipped)
            entry.skipped = value
        case "note":
            entry.notes.append(value)
        default:
            throw SessionFileError(source: source, line: number, reason: .unknownKey(key))
        }
    }
}
