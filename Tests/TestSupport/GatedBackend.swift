import LLM
import Synchronization

/// A backend whose every generation waits until ``release()`` (or its task is cancelled), then answers `output`; it
/// counts the generations started and those that ended by cancellation. For tests of work that must be cancelled.
public final class GatedBackend: LLMBackend {
    /// The backend kind, `gated`.
    public let kind = "gated"
    /// The model name it reports.
    public let modelName = "test-model"
    private let output: String
    /// Whether it says it reads prompts ahead (``LLMBackend/readsPromptsAhead``).
    public let readsPromptsAhead: Bool
    private struct State {
        var started: [String] = []
        var limits: [Int] = []
        var grammars: [String?] = []
        var cancelled = 0
        var released = false
    }
    private let state = Mutex(State())

    /// A backend answering `output` once released.
    public init(output: String, readsPromptsAhead: Bool = false) {
        self.output = output
        self.readsPromptsAhead = readsPromptsAhead
    }

    /// The user message of every generation started, in order.
    public var startedRequests: [String] { state.withLock { $0.started } }
    /// The token limit of every generation started, in order (0: a prompt read ahead).
    public var startedLimits: [Int] { state.withLock { $0.limits } }
    /// The grammar of every generation started, in order.
    public var startedGrammars: [String?] { state.withLock { $0.grammars } }
    /// Generations that ended because their task was cancelled.
    public var cancelled: Int { state.withLock { $0.cancelled } }

    /// Lets every waiting and later generation answer.
    public func release() {
        state.withLock { $0.released = true }
    }

    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        state.withLock {
            $0.started.append(request.messages.last?.content ?? "")
            $0.limits.append(request.maxTokens)
            $0.grammars.append(request.grammar)
        }
        let output = output
        return AsyncThrowingStream { continuation in
            let task = Task {
                while !self.state.withLock({ $0.released }) {
                    do { try await Task.sleep(for: .milliseconds(5)) } catch {
                        self.state.withLock { $0.cancelled += 1 }
                        continuation.finish(throwing: CancellationError())
                        return
                    }
                }
                if request.maxTokens > 0 { continuation.yield(.token(output)) }
                continuation.yield(.done(GenerationStats(promptTokens: 10, cachedPromptTokens: 900,
                                                         generatedTokens: request.maxTokens > 0 ? 6 : 0,
                                                         finishReason: "stop")))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
