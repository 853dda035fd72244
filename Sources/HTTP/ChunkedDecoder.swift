import Foundation

/// Decodes an HTTP/1.1 `Transfer-Encoding: chunked` body incrementally, whatever the read boundaries: chunk
/// extensions are ignored, trailer fields are read and dropped, bytes after the last chunk are ignored.
struct ChunkedDecoder: Sendable {
    /// The longest size or trailer line accepted.
    static let lineLimit = 8 * 1024

    private enum State: Sendable, Equatable {
        /// Reading a chunk-size line (`1a;ext=1`).
        case size
        /// Inside chunk data: this many bytes to go.
        case data(Int)
        /// Reading the line end after chunk data.
        case dataEnd
        /// Reading trailer lines after the zero-size chunk, until the empty line.
        case trailer
        /// The body is complete.
        case done
    }

    private var state = State.size
    private var line: [UInt8] = []

    /// Creates a decoder at the start of a body.
    init() {}

    /// Whether the last chunk and the trailers have been read.
    var isComplete: Bool { state == .done }

    /// Decodes more of the body.
    /// - Returns: the chunk data these bytes carried (may be empty).
    /// - Throws: `HTTPParseError` for a bad chunk size, missing line end after chunk data, or an overlong line.
    mutating func push<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(HTTPParseError) -> Data {
        var output = Data()
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch state {
            case .done:
                return output
            case .data(let remaining):
                let available = bytes.distance(from: index, to: bytes.endIndex)
                let take = min(remaining, available)
                let end = bytes.index(index, offsetBy: take)
                output.append(contentsOf: bytes[index..<end])
                index = end
                state = take == remaining ? .dataEnd : .data(remaining - take)
            case .size, .dataEnd, .trailer:
                let byte = bytes[index]
                index = bytes.index(after: index)
                guard byte == 0x0A else {
                    line.append(byte)
                    if line.count > Self.lineLimit { throw HTTPParseError("chunk line longer than \(Self.lineLimit) bytes") }
                    continue
                }
                if line.last == 0x0D { line.removeLast() }
                defer { line.removeAll(keepingCapacity: true) }
                try endLine()
            }
        }
        return output
    }

    /// Acts on a complete line (without its line end) in the current state.
    private mutating func endLine() throws(HTTPParseError) {
        switch state {
        case .size:
            let size = try Self.chunkSize(line)
            state = size == 0 ? .trailer : .data(size)
        case .dataEnd:
            guard line.isEmpty else { throw HTTPParseError("chunk data longer than its size") }
            state = .size
        case .trailer:
            if line.isEmpty { state = .done }
        case .data, .done:
            break
        }
    }

    /// The size in a chunk-size line: hex digits, then optional whitespace and `;extensions`.
    static func chunkSize(_ line: [UInt8]) throws(HTTPParseError) -> Int {
        var digits = line[...]
        if let semicolon = digits.firstIndex(of: 0x3B) { digits = digits[..<semicolon] }
        while let last = digits.last, last == 0x20 || last == 0x09 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 15 else {
            throw HTTPParseError("bad chunk size: \(String(decoding: line.prefix(40), as: UTF8.self))")
        }
        var size = 0
        for digit in digits {
            let value: Int
            switch digit {
            case 0x30...0x39: value = Int(digit) - 0x30
            case 0x41...0x46: value = Int(digit) - 0x41 + 10
            case 0x61...0x66: value = Int(digit) - 0x61 + 10
            default: throw HTTPParseError("bad chunk size: \(String(decoding: line.prefix(40), as: UTF8.self))")
            }
            size = size * 16 + value
        }
        return size
    }
}
