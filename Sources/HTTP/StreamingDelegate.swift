import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Receives one URLSession data task's events and feeds its body to a stream continuation: 2xx bodies chunk by
/// chunk; non-2xx bodies are kept (up to 64 KiB) and end the stream with the endpoint's error; redirects are refused.
final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct State {
        var status: Int?
        var location: String?
        var errorBody = Data()
        var receivedBody = false
        var lastActivity: ContinuousClock.Instant
        var finished = false
    }

    static let errorBodyLimit = 64 * 1024

    private let state: Mutex<State>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private let endpoint: ServerEndpoint
    private let url: URL
    private let timeoutForMessages: Double?

    init(continuation: AsyncThrowingStream<Data, any Error>.Continuation, endpoint: ServerEndpoint, url: URL,
         timeoutForMessages: Double?) {
        self.continuation = continuation
        self.endpoint = endpoint
        self.url = url
        self.timeoutForMessages = timeoutForMessages
        self.state = Mutex(State(lastActivity: ContinuousClock.now))
    }

    /// When bytes last arrived (or the request started).
    var lastActivity: ContinuousClock.Instant { state.withLock { $0.lastActivity } }

    /// Ends the stream once; later calls do nothing.
    func finish(throwing error: LLMError?) {
        let first = state.withLock { state -> Bool in
            defer { state.finished = true }
            return !state.finished
        }
        guard first else { return }
        if let error { continuation.finish(throwing: error) } else { continuation.finish() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let http = response as? HTTPURLResponse
        state.withLock { state in
            state.status = http?.statusCode ?? 200
            state.location = http?.value(forHTTPHeaderField: "Location")
            state.lastActivity = .now
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let deliver = state.withLock { state -> Bool in
            state.lastActivity = .now
            if let status = state.status, !(200..<300).contains(status) {
                let room = Self.errorBodyLimit - state.errorBody.count
                if room > 0 { state.errorBody.append(data.prefix(room)) }
                return false
            }
            state.receivedBody = true
            return !state.finished
        }
        if deliver { continuation.yield(data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // Requests go to the configured address only: the 3xx itself is delivered and read as an error.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let snapshot = state.withLock { $0 }
        if let error {
            finish(throwing: endpoint.error(forTransport: error, receivedBody: snapshot.receivedBody, timeout: timeoutForMessages))
        } else if let status = snapshot.status, !(200..<300).contains(status) {
            let failure = HTTPStatusError(status: status, body: snapshot.errorBody, url: url, location: snapshot.location)
            finish(throwing: endpoint.error(for: failure))
        } else {
            finish(throwing: nil)
        }
    }
}
