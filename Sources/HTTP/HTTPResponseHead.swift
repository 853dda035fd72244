import Foundation

/// The status line and header fields of an HTTP/1.x answer.
struct HTTPResponseHead: Sendable, Equatable {
    /// One header field as it arrived.
    struct Field: Sendable, Equatable {
        /// The field name, as the server spelled it.
        var name: String
        /// The value, without surrounding whitespace.
        var value: String
    }

    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// The status code.
    var status: Int
    /// The reason phrase (may be empty).
    var reason: String
    /// The header fields, in order.
    var fields: [Field]

    /// Creates a head.
    init(version: String = "HTTP/1.1", status: Int, reason: String = "", fields: [Field] = []) {
        self.version = version
        self.status = status
        self.reason = reason
        self.fields = fields
    }

    /// Whether the status is 2xx.
    var isSuccess: Bool { (200..<300).contains(status) }

    /// Whether this is an interim answer (1xx other than 101) that the real answer follows.
    var isInterim: Bool { (100..<200).contains(status) && status != 101 }

    /// Every value of the field `name` (case-insensitive), in order.
    func values(for name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// The first value of the field `name` (case-insensitive).
    func value(for name: String) -> String? { values(for: name).first }

    /// How the body is delimited (RFC 9112 §6.3).
    /// - Parameter requestMethod: the request's method (a `HEAD` answer has no body).
    /// - Throws: `HTTPParseError` for an invalid or conflicting `Content-Length`.
    func bodyFraming(requestMethod: String) throws(HTTPParseError) -> HTTPBodyFraming {
        if requestMethod.uppercased() == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304 {
            return .length(0)
        }
        let codings = values(for: "Transfer-Encoding")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        if let last = codings.last {
            // A body whose last coding is not chunked can only end with the connection.
            return last == "chunked" ? .chunked : .untilClose
        }
        let lengths = values(for: "Content-Length")
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lengths.first else { return .untilClose }
        guard first.utf8.allSatisfy({ (0x30...0x39).contains($0) }), first.utf8.count <= 18, let length = Int(first),
              lengths.allSatisfy({ $0 == first }) else {
            throw HTTPParseError("bad Content-Length: \(lengths.joined(separator: ", "))")
        }
        return .length(length)
    }

    /// Parses a head: the status line and the field lines, each ending in `\n` (`\r\n` tolerated), without the
    /// empty line that ends the head.
    /// - Throws: `HTTPParseError` when the status line or a field line is malformed.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(HTTPParseError) -> HTTPResponseHead {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> String in
            var slice = line[...]
            if slice.last == 0x0D { slice = slice.dropLast() }
            // Latin-1, as HTTP field values are bytes; ASCII is the same either way.
            return String(slice.map { Character(Unicode.Scalar($0)) })
        }
        while lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw HTTPParseError("empty answer head") }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
              parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }), let status = Int(parts[1]) else {
            throw HTTPParseError("bad status line: \(statusLine.prefix(80))")
        }
        var fields: [Field] = []
        for line in lines {
            if line.first == " " || line.first == "\t" {
                // An obsolete folded line continues the previous value.
                guard !fields.isEmpty else { throw HTTPParseError("folded line before any header field") }
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw HTTPParseError("bad header line: \(line.prefix(80))")
            }
            let name = String(line[..<colon])
            guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else {
                throw HTTPParseError("bad header name: \(name.prefix(80))")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append(Field(name: name, value: value))
        }
        return HTTPResponseHead(version: String(parts[0]), status: status,
                                reason: parts.count > 2 ? String(parts[2]) : "", fields: fields)
    }
}
