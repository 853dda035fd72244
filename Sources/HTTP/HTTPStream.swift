import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Streams HTTP response bodies from a model server as they arrive: plain `http://` requests to this machine through
/// `LoopbackHTTPClient` (POSIX sockets), others through URLSession (its `bytes(for:)` does not exist on Linux, so
/// this drives a data task through a delegate).
///
/// - Every error the streams throw is an `LLMError`: transport failures through `ServerEndpoint.error(forTransport:…)`
///   (connection refused → `.serverUnreachable` with the endpoint's hint), HTTP errors through the endpoint's status
///   mapper, the timeouts as `.timeout`, cancellation as `.cancelled`.
/// - Terminating a stream (the consuming task is cancelled, or the stream is dropped) cancels the request at once,
///   also while still waiting for the first byte.
/// - Redirects are never followed, and loopback requests never go through a proxy (direct sockets; for URLSession,
///   `LoopbackProxyBypass`).
public struct HTTPStream: Sendable {
    /// How long a request may take.
    public struct Timeouts: Sendable, Equatable {
        /// Longest time for the whole request, in seconds; nil for no limit.
        public var total: Double?
        /// Longest wait for the next bytes, in seconds; nil for no limit.
        public var idle: Double?

        /// Creates timeouts.
        public init(total: Double?, idle: Double?) {
            self.total = total
            self.idle = idle
        }

        /// The whole request within `seconds` (k1's `timeout` setting).
        public static func request(_ seconds: Double) -> Timeouts { Timeouts(total: seconds, idle: seconds) }

        /// No total limit, but no silence longer than `seconds` (long downloads).
        public static func idle(_ seconds: Double) -> Timeouts { Timeouts(total: nil, idle: seconds) }
    }

    /// The server the requests go to.
    public let endpoint: ServerEndpoint
    /// The limits applied to each request.
    public let timeouts: Timeouts

    /// Creates a streamer for `endpoint`.
    public init(endpoint: ServerEndpoint, timeouts: Timeouts) {
        self.endpoint = endpoint
        self.timeouts = timeouts
    }

    /// The body of a 2xx answer, chunk by chunk as it arrives.
    ///
    /// Plain `http://` requests to this machine go through `LoopbackHTTPClient` (POSIX sockets, no CPU while
    /// waiting); everything else through URLSession.
    public func chunks(_ request: URLRequest) -> AsyncThrowingStream<Data, any Error> {
        if let stream = LoopbackHTTPClient.chunks(request, endpoint: endpoint, timeouts: timeouts) { return stream }
        return sessionChunks(request)
    }

    /// `chunks(_:)` through URLSession, whatever the address.
    func sessionChunks(_ request: URLRequest) -> AsyncThrowingStream<Data, any Error> {
        LoopbackProxyBypass.ensure()
        let endpoint = self.endpoint
        let timeouts = self.timeouts
        return AsyncThrowingStream { continuation in
            let configuration = URLSessionConfiguration.ephemeral
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.urlCache = nil
            configuration.httpCookieStorage = nil
            configuration.urlCredentialStorage = nil
            // URLSession's own timers are a backstop; the watchdog below fires first with a clearer message.
            let longest = [timeouts.idle, timeouts.total].compactMap { $0 }.min()
            configuration.timeoutIntervalForRequest = (longest ?? 7 * 24 * 3600) + 5
            let url = request.url ?? endpoint.baseURL
            let delegate = StreamingDelegate(continuation: continuation, endpoint: endpoint, url: url,
                                             timeoutForMessages: timeouts.total ?? timeouts.idle)
            let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
            let task = session.dataTask(with: request)
            let watchdog = Self.watchdog(timeouts: timeouts, delegate: delegate, endpoint: endpoint)
            continuation.onTermination = { _ in
                watchdog?.cancel()
                task.cancel()
                session.invalidateAndCancel()   // releases the delegate
            }
            task.resume()
        }
    }

    /// The longest line `lines` accepts (a server that never ends its line is not a model server).
    public static let lineLimit = 16 * 1024 * 1024

    /// The body of a 2xx answer, line by line (`\n`, with `\r\n` tolerated), the last line included even without
    /// a final newline.
    public func lines(_ request: URLRequest) -> AsyncThrowingStream<String, any Error> {
        let chunks = self.chunks(request)
        let label = endpoint.label
        return AsyncThrowingStream { continuation in
            let reader = Task {
                var splitter = LineSplitter()
                do {
                    for try await chunk in chunks {
                        for line in splitter.push(chunk) { continuation.yield(line) }
                        if splitter.pendingByteCount > Self.lineLimit {
                            throw LLMError(.badResponse, "\(label) sent a line longer than \(Self.lineLimit / 1024 / 1024) MiB; check url and provider")
                        }
                    }
                    if let last = splitter.finish() { continuation.yield(last) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in reader.cancel() }
        }
    }

    /// The whole body of a 2xx answer.
    /// - Parameter limit: the most bytes accepted.
    /// - Throws: `LLMError`, also `.badResponse` past `limit`.
    public func data(_ request: URLRequest, limit: Int = 32 * 1024 * 1024) async throws(LLMError) -> Data {
        var body = Data()
        do {
            for try await chunk in chunks(request) {
                body.append(chunk)
                if body.count > limit {
                    throw LLMError(.badResponse, "\(endpoint.label) sent more than \(limit / 1024 / 1024) MiB for \(request.url?.path ?? "a request")")
                }
            }
        } catch let error as LLMError {
            throw error
        } catch {
            throw endpoint.error(forTransport: error, receivedBody: !body.isEmpty, timeout: timeouts.total)
        }
        if Task.isCancelled { throw ServerEndpoint.cancelled }
        return body
    }

    private static func watchdog(timeouts: Timeouts, delegate: StreamingDelegate,
                                 endpoint: ServerEndpoint) -> Task<Void, Never>? {
        guard timeouts.total != nil || timeouts.idle != nil else { return nil }
        return Task {
            let clock = ContinuousClock()
            let start = clock.now
            while !Task.isCancelled {
                var deadline: ContinuousClock.Instant?
                var limit: Double?
                if let total = timeouts.total {
                    deadline = start + .milliseconds(Int(total * 1000))
                    limit = total
                }
                if let idle = timeouts.idle {
                    let idleDeadline = delegate.lastActivity + .milliseconds(Int(idle * 1000))
                    if deadline == nil || idleDeadline < deadline! {
                        deadline = idleDeadline
                        limit = idle
                    }
                }
                guard let deadline else { return }
                if clock.now >= deadline {
                    // Finishing the stream runs its onTermination, which cancels the URLSession task.
                    delegate.finish(throwing: endpoint.timeoutError(seconds: limit))
                    return
                }
                try? await Task.sleep(until: deadline, clock: clock)
            }
        }
    }
}
