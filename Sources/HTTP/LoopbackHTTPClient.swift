import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small HTTP/1.1 client over POSIX sockets for plain `http://` requests to this machine (`127.x.y.z`,
/// `localhost`, `::1`), which is where llama-server and Ollama usually listen.
///
/// FoundationNetworking on Linux drives libcurl's multi handle from libdispatch and burns a good part of a CPU core
/// while a stream is open, even while the server is silent; on a small machine that CPU is taken from the model
/// server. This client blocks in `poll()` on a dedicated thread instead: no CPU while waiting, one wake-up per
/// arriving piece.
///
/// One connection per request (`Connection: close`, `Accept-Encoding: identity`); bodies framed by chunked
/// transfer coding, `Content-Length`, or the connection closing. 2xx bodies are yielded as they arrive; the errors,
/// timeouts and cancellation behave as `HTTPStream`'s URLSession path does.
enum LoopbackHTTPClient {
    /// Whether `request` goes through this client (plain `http` to a loopback host, no credentials in the URL).
    static func handles(_ request: URLRequest) -> Bool { LoopbackHTTPRequest(request) != nil }

    /// The body of a 2xx answer to `request`, chunk by chunk as it arrives; nil when this client does not handle
    /// the request (see `handles(_:)`).
    /// - Parameters:
    ///   - endpoint: the server, for error messages and the status mapping.
    ///   - timeouts: the total and idle limits.
    static func chunks(_ request: URLRequest, endpoint: ServerEndpoint,
                       timeouts: HTTPStream.Timeouts) -> AsyncThrowingStream<Data, any Error>? {
        guard let loopbackRequest = LoopbackHTTPRequest(request), let url = request.url else { return nil }
        return AsyncThrowingStream { continuation in
            let cancellation: LoopbackCancellation
            do {
                cancellation = try LoopbackCancellation()
            } catch {
                continuation.finish(throwing: endpoint.error(
                    forTransport: URLError(.cannotLoadFromNetwork, userInfo: [NSLocalizedDescriptionKey: "\(error)"]),
                    receivedBody: false, timeout: nil))
                return
            }
            let transfer = LoopbackHTTPTransfer(request: loopbackRequest, url: url, endpoint: endpoint,
                                                timeouts: timeouts, continuation: continuation,
                                                cancellation: cancellation, start: .now)
            // Set before the thread starts, so a transfer that ends at once still finds it.
            continuation.onTermination = { _ in cancellation.cancel() }
            let thread = Thread { transfer.run() }
            thread.name = "k1-http"   // Linux keeps 15 bytes of a thread name
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}
