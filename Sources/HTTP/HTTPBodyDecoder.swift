import Foundation

/// Turns the bytes after an answer head into body data according to its `HTTPBodyFraming`, and says when the body
/// is complete. Pure logic; the socket I/O is `LoopbackHTTPTransfer`'s.
struct HTTPBodyDecoder: Sendable {
    /// How this body ends.
    let framing: HTTPBodyFraming
    private var chunked = ChunkedDecoder()
    private var remaining: Int

    /// Creates a decoder for a body framed as `framing`.
    init(framing: HTTPBodyFraming) {
        self.framing = framing
        if case .length(let length) = framing { remaining = length } else { remaining = 0 }
    }

    /// Whether the whole body has arrived (never true for `.untilClose`, which ends with the connection).
    var isComplete: Bool {
        switch framing {
        case .length: remaining == 0
        case .chunked: chunked.isComplete
        case .untilClose: false
        }
    }

    /// Whether the connection closing now ends the body properly (else the answer was cut short).
    var endsAtClose: Bool { framing == .untilClose || isComplete }

    /// Decodes more bytes from the connection.
    /// - Returns: the body data they carried (bytes past the end of the body are dropped).
    /// - Throws: `HTTPParseError` for a malformed chunked body.
    mutating func push<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(HTTPParseError) -> Data {
        switch framing {
        case .chunked:
            return try chunked.push(bytes)
        case .length:
            let take = min(remaining, bytes.count)
            remaining -= take
            return Data(bytes.prefix(take))
        case .untilClose:
            return Data(bytes)
        }
    }
}
