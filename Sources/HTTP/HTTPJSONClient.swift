import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Small non-streaming JSON requests to a model server (health, model lists, versions), with the same error mapping,
/// timeout and cancellation as `HTTPStream`.
public struct HTTPJSONClient: Sendable {
    /// The transport.
    public let stream: HTTPStream

    /// Creates a client for `endpoint` with a whole-request `timeout` in seconds.
    public init(endpoint: ServerEndpoint, timeout: Double) {
        stream = HTTPStream(endpoint: endpoint, timeouts: .request(timeout))
    }

    /// The server this client talks to.
    public var endpoint: ServerEndpoint { stream.endpoint }

    /// `GET path`, decoding the answer as `Response`.
    /// - Throws: `LLMError`; `.badResponse` when the answer is not the expected JSON.
    public func get<Response: Decodable>(_ path: String, as type: Response.Type = Response.self) async throws(LLMError) -> Response {
        let body = try await stream.data(endpoint.request("GET", path))
        return try Self.decode(type, from: body, endpoint: endpoint, path: path)
    }

    /// `POST path` with a JSON `body`, decoding the answer as `Response`.
    /// - Throws: `LLMError`; `.badResponse` when the answer is not the expected JSON.
    public func post<Body: Encodable, Response: Decodable>(_ path: String, body: Body,
                                                           as type: Response.Type = Response.self) async throws(LLMError) -> Response {
        let encoded = try Self.encode(body)
        let answer = try await stream.data(endpoint.request("POST", path, json: encoded))
        return try Self.decode(type, from: answer, endpoint: endpoint, path: path)
    }

    /// Encodes a request body (sorted keys, so equal requests are equal bytes).
    public static func encode<Body: Encodable>(_ body: Body) throws(LLMError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(body) } catch {
            throw LLMError(.configuration, "cannot encode the request: \(error)")
        }
    }

    /// Decodes an answer; an error object in a 200 answer becomes `.httpStatus`, anything else unexpected `.badResponse`.
    public static func decode<Response: Decodable>(_ type: Response.Type, from data: Data, endpoint: ServerEndpoint,
                                                   path: String) throws(LLMError) -> Response {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            if let serverError = ServerErrorBody.parse(data) {
                throw LLMError(.httpStatus, "\(endpoint.label) answered \(path) with an error: \(serverError.message)")
            }
            let summary = ServerErrorBody.summary(of: data)
            throw LLMError(.badResponse, "\(endpoint.label) sent an unexpected answer to \(path)\(summary.isEmpty ? " (empty)" : ": \(summary)")")
        }
    }
}
