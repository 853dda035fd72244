import Foundation

/// The cache file's format and a fast, dependency-free codec for it (Foundation's JSON coders take hundreds of
/// milliseconds for a few thousand entries on Linux; this takes a few).
///
/// ```
/// {"version":1,"entries":[
/// {"key":"…","request":"pods","command":"kubectl get pods","created":"2026-11-25T04:02:57.123Z",…},
/// …
/// ]}
/// ```
/// One entry per line. Dates are UTC ISO 8601 with milliseconds. An entry with a missing or mistyped field is skipped;
/// a file cut off after its entries began keeps the complete entries (``decodeLeniently(_:)``); anything that is not
/// such an object at all makes the whole file unreadable. A newer version or unknown fields mark a newer k1's file.
enum AnswerCacheFile {
    static let version = 1

    // MARK: - Encoding

    /// Encodes entries, sorted by key so that the file is stable.
    static func encode(_ entries: [AnswerCacheEntry]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 320 + 64)
        out += "{\"version\":\(version),\"entries\":[".utf8
        for (index, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
            out += (index == 0 ? "\n{" : ",\n{").utf8
            appendField("key", entry.key, to: &out, first: true)
            appendField("request", entry.request, to: &out)
            appendField("command", entry.command, to: &out)
            out += ",\"created\":\"".utf8
            out += dateBytes(entry.created)
            out += "\",\"lastUsed\":\"".utf8
            out += dateBytes(entry.lastUsed)
            out.append(UInt8(ascii: "\""))
            out += ",\"uses\":\(entry.uses)".utf8
            appendField("model", entry.model, to: &out)
            appendField("promptVersion", entry.promptVersion, to: &out)
            appendField("source", entry.source.rawValue, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += "\n]}\n".utf8
        return Data(out)
    }

    private static func appendField(_ name: String, _ value: String, to out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out += name.utf8
        out += "\":".utf8
        appendString(value, to: &out)
    }

    /// Appends `value` as a JSON string literal (UTF-8).
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: - Decoding

    /// Decodes a file's bytes; nil when they are not a complete cache file.
    static func decode(_ data: Data) -> [AnswerCacheEntry]? {
        guard let decoded = decodeLeniently(data), !decoded.damaged else { return nil }
        return decoded.entries
    }

    /// What a lenient read of a cache file found.
    struct Decoded: Equatable {
        /// The complete, valid entries.
        var entries: [AnswerCacheEntry] = []
        /// The file ended or broke off after its entry list began (a truncated file): `entries` holds those before.
        var damaged = false
        /// The format version when it is newer than this k1's, or the file has fields this k1 does not know: the
        /// file comes from a newer k1 and must not be rewritten (that would drop what this k1 cannot keep).
        var newerFormat: String?
    }

    /// Decodes a file's bytes, keeping every complete entry of a damaged file; nil when nothing of a cache file is
    /// there (not JSON, no entry list).
    static func decodeLeniently(_ data: Data) -> Decoded? {
        if data.isEmpty { return Decoded() }
        return data.withUnsafeBytes { raw -> Decoded? in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            var decoded = Decoded()
            do {
                try reader.readFile(into: &decoded)
                return decoded
            } catch {
                guard reader.sawEntries else { return nil }
                decoded.damaged = true
                return decoded
            }
        }
    }

    // MARK: - Dates

    /// `2026-11-25T04:02:57.123Z` (UTC, milliseconds).
    static func formatDate(_ date: Date) -> String {
        String(decoding: dateBytes(date), as: UTF8.self)
    }

    /// The 24 UTF-8 bytes of ``formatDate(_:)``.
    static func dateBytes(_ date: Date) -> [UInt8] {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int64, at offset: Int, width: Int) {
            var rest = max(0, value)
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(year, at: 0, width: 4)
        put(month, at: 5, width: 2)
        put(day, at: 8, width: 2)
        put(inDay / 3_600_000, at: 11, width: 2)
        put(inDay / 60_000 % 60, at: 14, width: 2)
        put(inDay / 1000 % 60, at: 17, width: 2)
        put(inDay % 1000, at: 20, width: 3)
        bytes[4] = 0x2D; bytes[7] = 0x2D; bytes[10] = 0x54; bytes[13] = 0x3A; bytes[16] = 0x3A; bytes[19] = 0x2E
        bytes[23] = 0x5A
        return bytes
    }

    /// Parses what ``formatDate(_:)`` writes, and other ISO 8601 forms through Foundation.
    static func parseDate(_ text: String) -> Date? {
        var text = text
        if let date = text.withUTF8({ fastParseDate($0) }) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: .iso8601)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` only.
    private static func fastParseDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        if bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
           bytes[19] == 0x2E, bytes[23] == 0x5A,
           let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
           let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3),
           (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 {
            // Days since 1970-01-01 from a civil date (Howard Hinnant's algorithm).
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            let milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
        return nil
    }
}

/// A small JSON reader over UTF-8 bytes, shaped for the cache file: it reads the known fields and skips the rest.
struct JSONReader {
    struct Malformed: Error {}

    /// A scalar value of an entry field.
    enum Scalar {
        case string(String)
        case number(Double)
        case other
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether the entry list has begun (set while reading, so a reader that threw still tells).
    private(set) var sawEntries = false
    /// Whether an entry had a field this k1 does not know.
    private(set) var sawUnknownField = false

    mutating func readFile() throws -> [AnswerCacheEntry] {
        var decoded = AnswerCacheFile.Decoded()
        try readFile(into: &decoded)
        return decoded.entries
    }

    /// Reads the whole file; entries are added to `decoded` as they complete, so a caller keeps them when it throws.
    mutating func readFile(into decoded: inout AnswerCacheFile.Decoded) throws {
        var version: Double?
        var unknownTopLevel: [String] = []
        try readObject { reader, key in
            if key == "entries" {
                reader.sawEntries = true
                try reader.readArray { reader in
                    if let entry = try reader.readEntry() { decoded.entries.append(entry) }
                }
            } else if key == "version" {
                if case .number(let number) = try reader.readScalar() { version = number }
            } else {
                unknownTopLevel.append(key)
                try reader.skipValue()
            }
        }
        skipWhitespace()
        guard index == bytes.count, sawEntries else { throw Malformed() }
        if let version, version > Double(AnswerCacheFile.version) {
            decoded.newerFormat = "format \(Int(version))"
        } else if sawUnknownField || !unknownTopLevel.isEmpty {
            decoded.newerFormat = "fields this k1 does not know"
        }
    }

    /// One entry, or nil when a field is missing or mistyped (the value is consumed either way).
    mutating func readEntry() throws -> AnswerCacheEntry? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { try skipValue(); return nil }
        var key: String?, request: String?, command: String?, created: String?, lastUsed: String?
        var model: String?, promptVersion: String?, source: String?
        var uses: Double?
        var valid = true
        try readObject { reader, field in
            let value = try reader.readScalar()
            switch (field, value) {
            case ("key", .string(let text)): key = text
            case ("request", .string(let text)): request = text
            case ("command", .string(let text)): command = text
            case ("created", .string(let text)): created = text
            case ("lastUsed", .string(let text)): lastUsed = text
            case ("model", .string(let text)): model = text
            case ("promptVersion", .string(let text)): promptVersion = text
            case ("source", .string(let text)): source = text
            case ("uses", .number(let number)): uses = number
            case ("key", _), ("request", _), ("command", _), ("created", _), ("lastUsed", _), ("model", _),
                 ("promptVersion", _), ("source", _), ("uses", _):
                valid = false
            default: reader.sawUnknownField = true
            }
        }
        guard valid, let key, let request, let command, let created = created.flatMap(AnswerCacheFile.parseDate),
              let lastUsed = lastUsed.flatMap(AnswerCacheFile.parseDate), let model, let promptVersion,
              let source = source.flatMap(AnswerCacheEntry.Source.init(rawValue:)),
              let uses, uses >= 0, uses < 1e15 else { return nil }
        return AnswerCacheEntry(key: key, request: request, command: command, created: created, lastUsed: lastUsed,
                                uses: Int(uses), model: model, promptVersion: promptVersion, source: source)
    }

    // MARK: - Structure

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard peek() == byte else { throw Malformed() }
        index += 1
    }

    /// Reads `{ "key": value, … }`, handing each key to `field`, which must consume the value.
    private mutating func readObject(_ field: (inout JSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
            skipWhitespace()
            guard let next = peek() else { throw Malformed() }
            index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw Malformed() }
        }
    }

    /// Reads `[ value, … ]`, handing each element to `element`, which must consume it.
    private mutating func readArray(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            skipWhitespace()
            guard let next = peek() else { throw Malformed() }
            index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw Malformed() }
        }
    }

    private mutating func readScalar() throws -> Scalar {
        skipWhitespace()
        guard let byte = peek() else { throw Malformed() }
        switch byte {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default:
            try skipValue()
            return .other
        }
    }

    private mutating func skipValue() throws {
        skipWhitespace()
        guard let byte = peek() else { throw Malformed() }
        switch byte {
        case UInt8(ascii: "{"): try readObject { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        default:
            for literal in ["true", "false", "null"] where matches(literal) {
                index += literal.utf8.count
                return
            }
            throw Malformed()
        }
    }

    private func matches(_ literal: String) -> Bool {
        let utf8 = literal.utf8
        guard index + utf8.count <= bytes.count else { return false }
        return zip(bytes[index..<(index + utf8.count)], utf8).allSatisfy { $0 == $1 }
    }

    private mutating func readNumber() throws -> Double {
        let start = index
        while index < bytes.count, let byte = peek(),
              (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45 {
            index += 1
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) else {
            throw Malformed()
        }
        return value
    }

    private mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C {
            guard bytes[index] >= 0x20 else { throw Malformed() }
            index += 1
        }
        guard index < bytes.count else { throw Malformed() }
        if bytes[index] == 0x22 {
            defer { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22:
                return String(decoding: buffer, as: UTF8.self)
            case 0x5C:
                guard let escaped = peek() else { throw Malformed() }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if (0xD800..<0xDC00).contains(scalar), matches("\\u") {
                        index += 2
                        let low = try readHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    buffer.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                default: throw Malformed()
                }
            default:
                guard byte >= 0x20 else { throw Malformed() }
                buffer.append(byte)
            }
        }
        throw Malformed()
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Malformed() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Malformed()
            }
            value = value * 16 + digit
        }
        return value
    }
}
