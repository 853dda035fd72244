/// An HTTP/1.1 answer that does not follow the protocol (a bad status line, a bad chunk size, a head too long, …).
/// `LoopbackHTTPTransfer` reports it the way URLSession reports an unparsable answer.
struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, for logs and tests.
    let reason: String

    /// Creates a parse error.
    init(_ reason: String) { self.reason = reason }

    /// The reason.
    var description: String { reason }
}
