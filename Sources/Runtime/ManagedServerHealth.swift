import Foundation
import HTTP
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The answer of llama-server's `GET /health`.
public enum ManagedServerHealth: Sendable, Equatable {
    /// 200: ready.
    case ok
    /// 503: still loading the model.
    case loading
    /// No HTTP answer.
    case unreachable
    /// Some other status.
    case status(Int)

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 2
        configuration.timeoutIntervalForResource = 3
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    /// Asks `http://127.0.0.1:<port>/health`.
    public static func check(port: Int, timeout: Double = 2) async -> ManagedServerHealth {
        LoopbackProxyBypass.ensure()
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/health")!)
        request.timeoutInterval = timeout
        guard let (_, response) = try? await session.data(for: request),
              let http = response as? HTTPURLResponse else { return .unreachable }
        return from(status: http.statusCode)
    }

    /// Maps an HTTP status to a health value.
    public static func from(status: Int) -> ManagedServerHealth {
        switch status {
        case 200: .ok
        case 503: .loading
        default: .status(status)
        }
    }
}
