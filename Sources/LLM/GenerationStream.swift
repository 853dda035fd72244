import Foundation
import HTTP

/// Builds the `AsyncThrowingStream` a backend's `generate` returns: runs the producer in a task, cancels that task
/// (and with it the HTTP request) when the stream is terminated, and makes every error an `LLMError`.
enum GenerationStream {
    typealias Continuation = AsyncThrowingStream<GenerationEvent, any Error>.Continuation

    /// Streams what `produce` yields. `produce` returns normally only after yielding `.done`.
    static func make(label: String,
                     _ produce: @escaping @Sendable (Continuation) async throws -> Void) -> AsyncThrowingStream<GenerationEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await produce(continuation)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: Task.isCancelled ? ServerEndpoint.cancelled : normalize(error, label: label))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Any error as an `LLMError`.
    static func normalize(_ error: any Error, label: String) -> LLMError {
        switch error {
        case let error as LLMError: error
        case is CancellationError: ServerEndpoint.cancelled
        case is DecodingError: LLMError(.badResponse, "\(label) sent an answer k1 cannot read (\(error))")
        default: LLMError(.badResponse, "\(label) failed: \(error)")
        }
    }
}

/// Tracks what a streamed answer has shown so far, to tell an empty answer from a truncated one.
struct StreamProgress: Sendable {
    /// Whether any event (line, chunk) of the answer arrived.
    var sawEvent = false
    /// Whether any text was yielded.
    var sawToken = false
    /// A line that was not part of the expected format, when one came.
    var foreignLine: String?

    /// The error for a stream that ended without its final event.
    func endedEarly(_ label: String) -> LLMError {
        if Task.isCancelled { return ServerEndpoint.cancelled }
        if !sawEvent, let foreignLine {
            let summary = ServerErrorBody.summary(of: Data(foreignLine.utf8), limit: 80)
            return LLMError(.badResponse, "\(label) answered with something that is not an event stream (\(summary)); check url and provider")
        }
        if !sawEvent {
            return LLMError(.emptyResponse, "\(label) sent an empty answer; check that the address runs the server k1 expects (provider)")
        }
        return LLMError(.truncatedStream, "\(label) stopped in the middle of the answer (did it crash?); try again")
    }
}
