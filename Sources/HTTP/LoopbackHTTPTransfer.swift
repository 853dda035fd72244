import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request of `LoopbackHTTPClient`, run start to end on its own thread: connect, write the request, read the
/// answer head, then feed a 2xx body to the stream piece by piece as it arrives, or collect a non-2xx body and end
/// the stream with the endpoint's error for it. Errors and timeouts end the stream with the same `LLMError`s the
/// URLSession path gives (`StreamingDelegate`, `HTTPStream`'s watchdog).
struct LoopbackHTTPTransfer: Sendable {
    /// The most bytes one `recv` takes.
    static let readSize = 64 * 1024

    /// What to send, and where.
    let request: LoopbackHTTPRequest
    /// The request URL, for `HTTPStatusError`.
    let url: URL
    /// The server, for error messages and the status mapping.
    let endpoint: ServerEndpoint
    /// The total and idle limits.
    let timeouts: HTTPStream.Timeouts
    /// Where the body goes, and how the transfer ends.
    let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    /// Fired by the stream's termination; closed by `run()` when it returns.
    let cancellation: LoopbackCancellation
    /// When the request started (the total timeout counts from here).
    let start: ContinuousClock.Instant

    /// Where a transfer stands, for the deadlines and the error mapping.
    private struct Progress {
        var lastActivity: ContinuousClock.Instant
        var deliveredBody = false
    }

    /// Runs the request to its end, finishes the stream, and closes the cancellation's descriptors.
    func run() {
        defer { cancellation.close() }
        var progress = Progress(lastActivity: start)
        do throws(LoopbackFailure) {
            let socket = try LoopbackSocket.connect(host: request.host, port: request.port, cancellation: cancellation,
                                                    deadline: deadline(progress))
            do throws(LoopbackFailure) {
                try socket.write(request.bytes, until: deadline(progress))
            } catch .connectionLost {
                // The server may have answered early (an error) and closed its reading side: read what it said.
            }
            if let error = try receive(socket, progress: &progress) {
                continuation.finish(throwing: error)
            } else {
                continuation.finish()
            }
        } catch {
            continuation.finish(throwing: Self.llmError(for: error, deliveredBody: progress.deliveredBody,
                                                        endpoint: endpoint, timeouts: timeouts))
        }
    }

    /// Reads the answer. Returns nil when a 2xx body was delivered completely, else the error to end the stream with.
    private func receive(_ socket: borrowing LoopbackSocket, progress: inout Progress) throws(LoopbackFailure) -> LLMError? {
        var buffer = [UInt8](repeating: 0, count: Self.readSize)
        var headParser = HTTPResponseHeadParser()
        var head: HTTPResponseHead?
        var body = HTTPBodyDecoder(framing: .untilClose)
        var errorBody = Data()

        while true {
            let count: Int
            do throws(LoopbackFailure) {
                count = try socket.read(into: &buffer, until: deadline(progress))
            } catch .connectionLost(let reason) {
                // A reset after an error answer started still leaves the status to report.
                if let head, !head.isSuccess { return statusError(head, body: errorBody) }
                throw .connectionLost(reason)
            }
            if count == 0 {
                guard let head else { throw .connectionLost("closed before the answer head") }
                if !head.isSuccess { return statusError(head, body: errorBody) }
                if body.endsAtClose { return nil }
                throw .connectionLost("closed in the middle of the body")
            }
            progress.lastActivity = .now
            var bytes = buffer[..<count]
            if head == nil {
                do throws(HTTPParseError) {
                    guard let parsed = try headParser.push(bytes) else { continue }
                    head = parsed.head
                    body = HTTPBodyDecoder(framing: try parsed.head.bodyFraming(requestMethod: request.method))
                    bytes = parsed.rest[...]
                } catch {
                    throw .malformed(error.reason)
                }
            }
            guard let head else { continue }

            let data: Data
            do throws(HTTPParseError) { data = try body.push(bytes) } catch { throw .malformed(error.reason) }
            if head.isSuccess {
                if !data.isEmpty {
                    progress.deliveredBody = true
                    if case .terminated = continuation.yield(data) { throw .cancelled }
                }
                if body.isComplete { return nil }
            } else {
                errorBody.append(data.prefix(StreamingDelegate.errorBodyLimit - errorBody.count))
                if body.isComplete || errorBody.count >= StreamingDelegate.errorBodyLimit {
                    return statusError(head, body: errorBody)
                }
            }
        }
    }

    /// The endpoint's error for a non-2xx answer (3xx are not followed; their `Location` goes in the message).
    private func statusError(_ head: HTTPResponseHead, body: Data) -> LLMError {
        endpoint.error(for: HTTPStatusError(status: head.status, body: body, url: url, location: head.value(for: "Location")))
    }

    /// The nearest of the total and idle deadlines, like `HTTPStream`'s watchdog.
    private func deadline(_ progress: Progress) -> LoopbackSocket.Deadline? {
        var nearest: LoopbackSocket.Deadline?
        if let total = timeouts.total {
            nearest = LoopbackSocket.Deadline(instant: start + .milliseconds(Int(total * 1000)), seconds: total)
        }
        if let idle = timeouts.idle {
            let instant = progress.lastActivity + .milliseconds(Int(idle * 1000))
            if nearest == nil || instant < nearest!.instant {
                nearest = LoopbackSocket.Deadline(instant: instant, seconds: idle)
            }
        }
        return nearest
    }

    /// The `LLMError` URLSession's matching failure gets through `ServerEndpoint.error(forTransport:…)`.
    /// - Parameter deliveredBody: whether 2xx body bytes already went to the stream (a break is then `.truncatedStream`).
    static func llmError(for failure: LoopbackFailure, deliveredBody: Bool, endpoint: ServerEndpoint,
                         timeouts: HTTPStream.Timeouts) -> LLMError {
        let timeout = timeouts.total ?? timeouts.idle
        let urlError: URLError
        switch failure {
        case .cancelled:
            return ServerEndpoint.cancelled
        case .timedOut(let seconds):
            return endpoint.timeoutError(seconds: seconds)
        case .refused:
            urlError = URLError(.cannotConnectToHost)
        case .unknownHost(let reason):
            urlError = URLError(.cannotFindHost, userInfo: [NSLocalizedDescriptionKey: reason])
        case .connectFailed(let reason):
            urlError = URLError(.cannotLoadFromNetwork, userInfo: [NSLocalizedDescriptionKey: reason])
        case .connectionLost(let reason):
            urlError = URLError(.networkConnectionLost, userInfo: [NSLocalizedDescriptionKey: reason])
        case .malformed(let reason):
            urlError = URLError(.cannotParseResponse, userInfo: [NSLocalizedDescriptionKey: "malformed HTTP answer: \(reason)"])
        }
        return endpoint.error(forTransport: urlError, receivedBody: deliveredBody, timeout: timeout)
    }
}
