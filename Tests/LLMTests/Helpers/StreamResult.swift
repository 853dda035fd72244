import Foundation
import LLM
import Testing
import HTTP

/// What a generation stream produced, collected for assertions.
struct StreamResult: Sendable {
    var tokens: [String] = []
    var stats: GenerationStats?
    var error: LLMError?
    var otherError: String?
    var eventsAfterDone = 0

    var text: String { tokens.joined() }

    /// Runs the stream to its end.
    static func collect(_ stream: AsyncThrowingStream<GenerationEvent, any Error>) async -> StreamResult {
        var result = StreamResult()
        do {
            for try await event in stream {
                switch event {
                case .token(let piece):
                    if result.stats != nil { result.eventsAfterDone += 1 }
                    result.tokens.append(piece)
                case .done(let stats):
                    if result.stats != nil { result.eventsAfterDone += 1 }
                    result.stats = stats
                }
            }
            if Task.isCancelled { result.error = LLMError(.cancelled, "request cancelled") }
        } catch let error as LLMError {
            result.error = error
        } catch {
            result.otherError = String(describing: error)
        }
        return result
    }
}

/// Seconds since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// A short chat request.
func sampleRequest(_ text: String = "list the pods", maxTokens: Int = 32, stop: [String] = ["\n"],
                   grammar: String? = nil) -> GenerationRequest {
    GenerationRequest(messages: [ChatMessage(role: .system, content: "You translate requests into one kubectl command."),
                                 ChatMessage(role: .user, content: text)],
                      maxTokens: maxTokens, temperature: 0, stop: stop, seed: 42, grammar: grammar)
}

/// A loopback address where nothing listens (port 1 is reserved and closed).
let deadURL = URL(string: "http://127.0.0.1:1")!
