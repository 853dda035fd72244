import Foundation
import HTTP

/// One message of a chat-style prompt.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// `system`, `user` or `assistant`.
    public enum Role: String, Sendable, Hashable, Codable { case system, user, assistant }
    /// Who speaks.
    public var role: Role
    /// What is said.
    public var content: String

    /// Creates a message.
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// What to generate: a chat prompt plus sampling settings. Backends map it to their own wire format.
public struct GenerationRequest: Sendable, Equatable {
    /// The conversation, usually a system message (fixed, so servers can reuse its prompt cache) and one user message.
    public var messages: [ChatMessage]
    /// Most tokens to generate (`n_predict` / `num_predict` / `max_tokens`).
    public var maxTokens: Int
    /// Sampling temperature; 0 for deterministic answers.
    public var temperature: Double
    /// Generation stops at the first of these strings (not included in the output).
    public var stop: [String]
    /// Fixed seed for reproducible runs.
    public var seed: Int?
    /// A GBNF grammar constraining the output (llama.cpp only; other backends ignore it). With an honoured
    /// ``answerPrefix`` it constrains the text generated after the prefix.
    public var grammar: String?
    /// Text the answer starts with (`kubectl`). A backend that can continue a started answer (llama-server: the prefix
    /// is appended to the rendered prompt) does not generate it, which saves its tokens, and streams it as the first
    /// token, so the caller always sees the whole answer. Other backends ignore it and the model writes it itself.
    public var answerPrefix: String?
    /// True for the warm-up of the prompt's fixed part: a managed llama-server saves its prompt cache
    /// (``PromptSnapshot``) right after this request and after no other, so the saved file never holds what a user
    /// typed.
    public var savesPromptSnapshot = false

    /// Creates a request.
    public init(messages: [ChatMessage], maxTokens: Int = 96, temperature: Double = 0, stop: [String] = ["\n"],
                seed: Int? = 42, grammar: String? = nil, answerPrefix: String? = nil) {
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stop = stop
        self.seed = seed
        self.grammar = grammar
        self.answerPrefix = answerPrefix
    }
}

/// Token counts and timings a backend reported for one generation (nil where the backend did not say).
public struct GenerationStats: Sendable, Equatable, Codable {
    /// Prompt tokens evaluated for this request (excluding ones reused from the server's prompt cache).
    public var promptTokens: Int?
    /// Prompt tokens reused from the server's cache.
    public var cachedPromptTokens: Int?
    /// Tokens generated.
    public var generatedTokens: Int?
    /// Time spent evaluating the prompt, in milliseconds.
    public var promptMilliseconds: Double?
    /// Time spent generating, in milliseconds.
    public var generationMilliseconds: Double?
    /// Why generation ended (`stop`, `length`, …).
    public var finishReason: String?
    /// Generation requests these counts add up (2 when a second candidate was asked for).
    public var requests: Int = 1

    /// Creates stats.
    public init(promptTokens: Int? = nil, cachedPromptTokens: Int? = nil, generatedTokens: Int? = nil,
                promptMilliseconds: Double? = nil, generationMilliseconds: Double? = nil, finishReason: String? = nil,
                requests: Int = 1) {
        self.promptTokens = promptTokens
        self.cachedPromptTokens = cachedPromptTokens
        self.generatedTokens = generatedTokens
        self.promptMilliseconds = promptMilliseconds
        self.generationMilliseconds = generationMilliseconds
        self.finishReason = finishReason
        self.requests = requests
    }

    /// Generated tokens per second, when known.
    public var tokensPerSecond: Double? {
        guard let n = generatedTokens, let ms = generationMilliseconds, ms > 0 else { return nil }
        return Double(n) / ms * 1000
    }
}

/// An event of a streamed generation: text as it arrives, then the final stats.
public enum GenerationEvent: Sendable, Equatable {
    /// A piece of generated text.
    case token(String)
    /// The generation finished normally.
    case done(GenerationStats)
}

/// The whole result of a generation.
public struct GenerationResult: Sendable, Equatable {
    /// The generated text.
    public var text: String
    /// What the backend reported.
    public var stats: GenerationStats

    /// Creates a result.
    public init(text: String, stats: GenerationStats) {
        self.text = text
        self.stats = stats
    }
}

/// A model server k1 can ask for text. Implementations: llama.cpp's llama-server, Ollama, OpenAI-compatible.
public protocol LLMBackend: Sendable {
    /// Backend kind for messages (`llamacpp`, `ollama`, `openai`).
    var kind: String { get }
    /// The model this backend uses, as shown to the user and used in cache keys.
    var modelName: String { get }
    /// Streams a generation. Cancelling the consuming task (or dropping the stream) cancels the HTTP request at once,
    /// even before the first byte. Errors are `LLMError`.
    func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error>
    /// Whether a request with ``GenerationRequest/maxTokens`` 0 makes the server read the prompt into its prompt cache
    /// and generate at most one token (llama-server's `n_predict: 0`), so that a later request sharing its beginning
    /// reads only the rest. False unless a backend says so.
    var readsPromptsAhead: Bool { get }
}

extension LLMBackend {
    /// False: a backend reads prompts ahead only when it says so.
    public var readsPromptsAhead: Bool { false }

    /// Runs a generation to the end and returns the text with its stats.
    /// - Throws: `LLMError` (`.cancelled` when the task was cancelled, `.truncatedStream` if the stream ended without
    ///   any `done`).
    public func complete(_ request: GenerationRequest) async throws -> GenerationResult {
        var text = ""
        for try await event in generate(request) {
            switch event {
            case .token(let piece): text += piece
            case .done(let stats): return GenerationResult(text: text, stats: stats)
            }
        }
        if Task.isCancelled { throw LLMError(.cancelled, "request cancelled") }
        throw LLMError(.truncatedStream, "the \(kind) server closed the stream before finishing; try again")
    }
}
