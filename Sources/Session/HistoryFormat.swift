import Foundation

/// The on-disk format of the REPL history, as pure functions (no I/O).
///
/// ```
/// #k1-history v1
/// get pods -n shop
/// ?why is web-1 crashing
/// echo a\\b\nsecond line
/// ```
///
/// The first line is the header. Every following line is one entry, with `\` written as `\\`,
/// a newline as `\n` and a carriage return as `\r`; any other `\x` is read back as typed.
/// Empty lines are ignored. A file that is not UTF-8, holds a NUL byte or lacks the header is corrupt.
enum HistoryFormat {
    /// The first line of every history file.
    static let header = "#k1-history v1"

    /// Why a history file could not be read.
    enum Corruption: Error, Equatable, CustomStringConvertible {
        /// The bytes are not UTF-8 text.
        case notUTF8
        /// The file holds NUL bytes.
        case binary
        /// The first line is not `#k1-history v1` (the line found, shortened).
        case badHeader(String)

        var description: String {
            switch self {
            case .notUTF8: "is not UTF-8 text"
            case .binary: "holds binary data"
            case .badHeader(let found): "does not start with '\(HistoryFormat.header)' (found '\(found)')"
            }
        }
    }

    /// Escapes one entry so it fits on one line.
    static func escape(_ entry: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(entry.unicodeScalars.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": out.unicodeScalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.unicodeScalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.unicodeScalars.append(contentsOf: "\\r".unicodeScalars)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Reverses `escape(_:)`. Unknown escapes and a trailing lone `\` are kept as written.
    static func unescape(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        var iterator = line.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else { out.append(scalar); continue }
            switch iterator.next() {
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case let other?: out.append("\\"); out.append(other)
            case nil: out.append("\\")
            }
        }
        return String(out)
    }

    /// The whole file for `entries`: the header, then one escaped entry per line, ending with a newline.
    static func encode(_ entries: [String]) -> String {
        var text = header + "\n"
        for entry in entries { text += escape(entry) + "\n" }
        return text
    }

    /// Reads a history file's bytes. An empty file is an empty history.
    static func decode(_ data: Data) throws(Corruption) -> [String] {
        if data.isEmpty { return [] }
        if data.contains(0) { throw .binary }
        guard let text = String(validating: data, as: UTF8.self) else { throw .notUTF8 }
        var lines = splitLines(text)
        let first = lines.isEmpty ? "" : lines.removeFirst()
        guard first == header else { throw .badHeader(String(first.prefix(40))) }
        return lines.filter { !$0.isEmpty }.map(unescape)
    }

    /// The header of a file a newer k1 wrote (`#k1-history v2` and later), or nil. Such a file is never rewritten.
    static func newerHeader(_ data: Data) -> String? {
        let first = data.prefix { $0 != 0x0A }
        guard let line = String(validating: first, as: UTF8.self)?.trimmingCharacters(in: .whitespacesAndNewlines),
              line.hasPrefix("#k1-history v"), let version = Int(line.dropFirst("#k1-history v".count)),
              version > 1 else { return nil }
        return line
    }

    /// Reads what can be read of a damaged file whose header is intact: every line that is UTF-8 without NUL bytes
    /// is kept, the others are counted. Nil when the header itself is not there.
    static func salvage(_ data: Data) -> (entries: [String], dropped: Int)? {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first else { return nil }
        lines.removeFirst()
        var headerBytes = Array(first)
        if headerBytes.last == 0x0D { headerBytes.removeLast() }
        guard headerBytes == Array(header.utf8) else { return nil }
        var entries: [String] = []
        var dropped = 0
        for line in lines {
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.isEmpty { continue }
            guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
                dropped += 1
                continue
            }
            entries.append(unescape(text))
        }
        return (entries, dropped)
    }

    /// Adds `new` after `existing`, skipping empty entries and an entry equal to the one before it,
    /// dropping NUL characters, then keeps the newest `limit` entries.
    static func merge(_ existing: [String], _ new: [String], limit: Int) -> [String] {
        var result = existing
        for entry in new {
            let clean = entry.contains("\u{0}") ? entry.replacingOccurrences(of: "\u{0}", with: "") : entry
            if clean.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            if result.last == clean { continue }
            result.append(clean)
        }
        let keep = max(0, limit)
        if result.count > keep { result.removeFirst(result.count - keep) }
        return result
    }

    /// Splits on line feeds only (a `\r\n` pair loses its `\r`), keeping empty lines.
    static func splitLines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { slice in
            var line = String(String.UnicodeScalarView(slice))
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            return line
        }
    }
}
