import Foundation

/// Collects the bytes of an HTTP/1.x answer head, whatever the read boundaries, until the empty line that ends it.
/// Interim answers (`100 Continue`, `103 Early Hints`) are skipped: the head returned is the final one.
struct HTTPResponseHeadParser: Sendable {
    /// The longest head accepted (status line, fields and line ends).
    static let headLimit = 64 * 1024

    private var buffer: [UInt8] = []
    /// Where the scan for line ends resumes.
    private var scanned = 0
    /// Where the line being scanned starts.
    private var lineStart = 0

    /// Creates an empty parser.
    init() {}

    /// Adds bytes read from the connection.
    /// - Returns: the final head and the bytes after it (the start of the body) once the head is complete, else nil.
    /// - Throws: `HTTPParseError` for a malformed head or one longer than `headLimit`.
    mutating func push<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(HTTPParseError) -> (head: HTTPResponseHead, rest: [UInt8])? {
        buffer.append(contentsOf: bytes)
        while true {
            guard let end = scanForEnd() else {
                if buffer.count > Self.headLimit { throw HTTPParseError("answer head longer than \(Self.headLimit / 1024) KiB") }
                return nil
            }
            let head = try HTTPResponseHead.parse(buffer[..<end.head])
            let rest = Array(buffer[end.body...])
            if head.isInterim {
                self = HTTPResponseHeadParser()
                buffer = rest
                continue
            }
            return (head, rest)
        }
    }

    /// Finds the empty line ending the head: where the head's lines end and where the body starts.
    private mutating func scanForEnd() -> (head: Int, body: Int)? {
        while scanned < buffer.count {
            let index = scanned
            scanned += 1
            guard buffer[index] == 0x0A else { continue }
            var end = index
            if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
            if end == lineStart {
                if lineStart == 0 {
                    // Empty lines before the status line are tolerated (RFC 9112 §2.2).
                    buffer.removeFirst(index + 1)
                    scanned = 0
                    continue
                }
                return (lineStart, index + 1)
            }
            lineStart = index + 1
        }
        return nil
    }
}
