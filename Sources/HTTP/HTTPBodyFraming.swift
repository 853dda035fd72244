/// How the end of an HTTP/1.1 answer body is known.
enum HTTPBodyFraming: Sendable, Equatable {
    /// Exactly this many bytes (`Content-Length`; 0 for answers without a body).
    case length(Int)
    /// `Transfer-Encoding: chunked`: chunks until the zero-size chunk and its trailers.
    case chunked
    /// Everything until the server closes the connection.
    case untilClose
}
