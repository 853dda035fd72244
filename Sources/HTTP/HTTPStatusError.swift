import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A non-2xx answer: the status, the start of the body, and where a refused redirect pointed.
/// `ServerEndpoint` turns it into an `LLMError`.
public struct HTTPStatusError: Error, Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The body (at most the first 64 KiB).
    public var body: Data
    /// The request URL.
    public var url: URL
    /// The `Location` of a 3xx answer (k1 never follows redirects).
    public var location: String?

    /// Creates a status error.
    public init(status: Int, body: Data, url: URL, location: String? = nil) {
        self.status = status
        self.body = body
        self.url = url
        self.location = location
    }

    /// The error the body carries, if it has a known shape.
    public var serverError: ServerErrorBody? { ServerErrorBody.parse(body) }

    /// The server's message, or a summary of the body, or the status text.
    public var serverMessage: String {
        let text = ServerErrorBody.message(in: body)
        return text.isEmpty ? HTTPURLResponse.localizedString(forStatusCode: status) : text
    }
}
