import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A model server's address plus what k1 needs to talk about it: its name for messages, the fix to suggest when it
/// does not answer, extra headers (a bearer key), and how its HTTP errors read. Every request goes to `baseURL`.
public struct ServerEndpoint: Sendable {
    /// The server's name in messages (`llama-server`, `Ollama`, `the OpenAI-compatible server`).
    public var name: String
    /// The base URL every request path is joined to.
    public var baseURL: URL
    /// What to do when nothing answers (`start it with: ollama serve`).
    public var unreachableHint: String
    /// Headers sent with every request (e.g. `Authorization`). Never shown in messages.
    public var headers: [String: String]
    /// Maps an HTTP error to an `LLMError`; nil uses `defaultError(for:)`.
    public var statusMapper: (@Sendable (HTTPStatusError, ServerEndpoint) -> LLMError)?

    /// Creates an endpoint.
    public init(name: String, baseURL: URL, unreachableHint: String, headers: [String: String] = [:],
                statusMapper: (@Sendable (HTTPStatusError, ServerEndpoint) -> LLMError)? = nil) {
        self.name = name
        self.baseURL = baseURL
        self.unreachableHint = unreachableHint
        self.headers = headers
        self.statusMapper = statusMapper
    }

    /// `llama-server at http://127.0.0.1:8080`, for messages.
    public var label: String { "\(name) at \(URLPath.display(baseURL))" }

    /// The URL of `path` under the base URL.
    public func url(_ path: String) -> URL { URLPath.join(baseURL, path) }

    /// A request for `path` under the base URL, with the endpoint's headers and an optional JSON body.
    public func request(_ method: String, _ path: String, json body: Data? = nil) -> URLRequest {
        var request = URLRequest(url: url(path))
        request.httpMethod = method
        request.cachePolicy = .reloadIgnoringLocalCacheData
        for (field, value) in headers { request.setValue(value, forHTTPHeaderField: field) }
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return request
    }

    /// The `LLMError` for an HTTP error answer.
    public func error(for status: HTTPStatusError) -> LLMError {
        (statusMapper?(status, self) ?? defaultError(for: status)).with(httpStatus: status.status)
    }

    /// The `LLMError` for an error object the server put inside a 200 stream (a failure after the answer started).
    public func streamError(_ body: ServerErrorBody) -> LLMError {
        if body.message.lowercased().contains("loading model") {
            return LLMError(.serverLoading, "\(label) is still loading the model; try again in a few seconds")
        }
        return LLMError(.serverError(body.message), "\(label) failed while answering: \(body.message)")
    }

    /// The generic reading of an HTTP error: 503 "loading" → `.serverLoading`, 3xx → refused redirect, 401/403 → key,
    /// anything else → `.httpStatus` with the server's message.
    public func defaultError(for status: HTTPStatusError) -> LLMError {
        let message = status.serverMessage
        switch status.status {
        case 300..<400:
            let target = status.location.map { " to \($0)" } ?? ""
            return LLMError(.httpStatus, "\(label) redirected\(target) (HTTP \(status.status)); k1 does not follow redirects: set url to the final address")
        case 401, 403:
            return LLMError(.httpStatus, "\(label) refused the request (HTTP \(status.status): \(message)); check the API key (api_key_env)")
        case 503 where message.lowercased().contains("loading"):
            return LLMError(.serverLoading, "\(label) is still loading the model; try again in a few seconds")
        default:
            return LLMError(.httpStatus, "\(label) answered HTTP \(status.status): \(message)")
        }
    }

    /// The `LLMError` for a transport failure (no HTTP answer, or the connection broke during one).
    /// - Parameters:
    ///   - error: what URLSession reported.
    ///   - receivedBody: whether part of the body had already arrived (a broken stream is then `.truncatedStream`).
    ///   - timeout: the timeout in seconds, for the message.
    public func error(forTransport error: any Error, receivedBody: Bool, timeout: Double?) -> LLMError {
        if let error = error as? LLMError { return error }
        guard let urlError = error as? URLError else {
            if error is CancellationError { return Self.cancelled }
            return LLMError(.serverUnreachable, "cannot reach \(label): \(Self.oneLine(error)); \(unreachableHint)")
        }
        switch urlError.code {
        case .cancelled:
            return Self.cancelled
        case .timedOut:
            return timeoutError(seconds: timeout)
        case .cannotConnectToHost:
            return LLMError(.serverUnreachable, "cannot reach \(label) (connection refused); \(unreachableHint)")
        case .cannotFindHost, .dnsLookupFailed:
            return LLMError(.serverUnreachable, "cannot reach \(label) (unknown host); check the address; \(unreachableHint)")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return LLMError(.serverUnreachable, "TLS failed with \(label): \(Self.oneLine(urlError)); check the address and its certificate")
        default:
            // Anything else breaking the connection after the answer started (libcurl's "transfer closed with
            // outstanding read data remaining", a reset, …) means the answer is cut short.
            if receivedBody {
                return LLMError(.truncatedStream, "\(label) closed the connection in the middle of the answer (did it stop or crash?); try again")
            }
            switch urlError.code {
            case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource:
                return LLMError(.serverUnreachable, "\(label) closed the connection without answering (did it stop or crash?); \(unreachableHint)")
            default:
                return LLMError(.serverUnreachable, "cannot reach \(label): \(Self.oneLine(urlError)); \(unreachableHint)")
            }
        }
    }

    /// The error for a request that ran out of time.
    public func timeoutError(seconds: Double?) -> LLMError {
        let within = seconds.map { " within \(Self.format(seconds: $0))" } ?? " in time"
        return LLMError(.timeout, "\(label) did not answer\(within); raise timeout in config.yaml, or use a smaller model")
    }

    /// The error for a request the user cancelled.
    public static let cancelled = LLMError(.cancelled, "request cancelled")

    static func format(seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    static func oneLine(_ error: any Error) -> String {
        let text: String
        if let urlError = error as? URLError {
            text = (urlError.userInfo[NSLocalizedDescriptionKey] as? String) ?? "URL error \(urlError.code.rawValue)"
        } else {
            text = String(describing: error)
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
