import LLM
import Synchronization

/// A backend that replays canned raw model outputs (to exercise k1's plumbing, not a model) and counts calls.
public final class ScriptedBackend: LLMBackend {
    /// The backend kind, `scripted`.
    public let kind = "scripted"
    /// The model name it reports.
    public let modelName: String
    private let outputs: [String]
    private let finishReason: String
    private let counter = Mutex(0)
    private let lastRequest = Mutex<GenerationRequest?>(nil)

    /// A backend answering `outputs` in turn (the last one again once they run out), ending with `finishReason`.
    public init(modelName: String = "test-model", outputs: [String], finishReason: String = "stop") {
        self.modelName = modelName
        self.outputs = outputs
        self.finishReason = finishReason
    }

    /// How many generations were asked for.
    public var calls: Int { counter.withLock { $0 } }
    /// The last request received.
    public var lastGeneration: GenerationRequest? { lastRequest.withLock { $0 } }

    /// Streams the next output in four-character pieces, then its stats.
    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let index = counter.withLock { count -> Int in
            defer { count += 1 }
            return count
        }
        lastRequest.withLock { $0 = request }
        let text = outputs.isEmpty ? "" : outputs[min(index, outputs.count - 1)]
        return AsyncThrowingStream { continuation in
            // Stream in small pieces, as a server would.
            var rest = Substring(text)
            while !rest.isEmpty {
                continuation.yield(.token(String(rest.prefix(4))))
                rest = rest.dropFirst(4)
            }
            continuation.yield(.done(GenerationStats(promptTokens: 12, cachedPromptTokens: 900, generatedTokens: 8,
                                                     promptMilliseconds: 140, generationMilliseconds: 260,
                                                     finishReason: finishReason)))
            continuation.finish()
        }
    }
}
