import Foundation
import KubectlKit
import LLM
import Session
import Support

/// Natural language → one kubectl command. The one engine behind `?` lines in `k1 shell`, `k1 ask` and `k1 bench`.
///
/// For each request it builds the prompt (``PromptBuilder``), looks the answer up in the ``AnswerCache`` (keyed by the
/// request, the context the prompt shows, the model and the prompt version), and only on a miss asks the model,
/// sanitizes the output (``OutputSanitizer``; an answer cut off by the token limit is repaired, flagged and not
/// cached), checks it (``CommandValidator``, an optional ``CommandOracle``),
/// labels its risk and caches it. The backend is obtained lazily, on the first miss: a cache hit never starts a
/// server or touches the network.
public final class Translator: Sendable {
    /// The model name that goes into cache keys (the backend is not asked, so that a hit needs no backend).
    public let modelName: String
    /// The prompt version that goes into cache keys.
    public let promptVersion: String
    /// The answer cache; nil when caching is off.
    public let cache: AnswerCache?
    /// Prompt settings.
    public let options: PromptBuilder.Options

    private let backends: BackendHolder
    private let oracle: (any CommandOracle)?

    /// Creates a translator.
    /// - Parameters:
    ///   - backendProvider: makes (or starts) the backend; called at most once successfully, on the first cache miss.
    ///   - modelName: the model name for cache keys and reports.
    ///   - cache: the answer cache, or nil for none.
    ///   - promptVersion: the prompt version for cache keys (a config pin, or ``PromptTemplate/promptVersion``).
    ///   - options: prompt settings.
    ///   - oracle: an extra check run on fresh answers (not on cache hits).
    public init(backendProvider: @escaping @Sendable () async throws -> any LLMBackend, modelName: String,
                cache: AnswerCache?, promptVersion: String = PromptTemplate.promptVersion,
                options: PromptBuilder.Options = PromptBuilder.Options(), oracle: (any CommandOracle)? = nil) {
        self.backends = BackendHolder(provider: backendProvider)
        self.modelName = modelName
        self.cache = cache
        self.promptVersion = promptVersion.isEmpty ? PromptTemplate.promptVersion : promptVersion
        self.options = options
        self.oracle = oracle
    }

    /// The cache key for `request` in `context`.
    public func cacheKey(for request: String, context: SessionContext) -> AnswerCacheKey {
        let fields = PromptBuilder.contextFields(context, request: request, options: options)
        return AnswerCacheKey(request: PromptBuilder.clean(request), contextFields: fields, model: modelName,
                              promptVersion: promptVersion)
    }

    /// Translates one request.
    /// - Parameters:
    ///   - request: the natural-language request (a leading `?` is ignored).
    ///   - context: what the session knows; only the parts the prompt shows affect the answer and its cache key.
    ///   - useCache: false neither reads nor writes the cache.
    ///   - onToken: receives generated text as it streams (not called for a cache hit).
    /// - Throws: ``TranslateError`` (`.emptyRequest`, `.noCommand`), `LLMError` from the backend, or
    ///   `CancellationError`.
    public func translate(_ request: String, context: SessionContext, useCache: Bool = true,
                          onToken: (@Sendable (String) -> Void)? = nil) async throws -> Translation {
        let clock = ContinuousClock()
        let start = clock.now
        let cleaned = PromptBuilder.clean(request)
        guard !cleaned.isEmpty else { throw TranslateError.emptyRequest }
        let prompt = PromptBuilder.prepare(request: cleaned, context: context, options: options)
        let key = AnswerCacheKey(request: cleaned, contextFields: prompt.contextFields, model: modelName,
                                 promptVersion: promptVersion)

        if useCache, let cache, let entry = cache.lookup(key) {
            return Translation(
                command: entry.command, raw: entry.command, cached: true, learned: entry.source == .edited,
                risk: RiskClassifier.classify(entry.command), issues: CommandValidator.validate(entry.command),
                model: modelName, promptVersion: promptVersion,
                latencyMilliseconds: Self.milliseconds(clock.now - start), stats: nil, cacheKey: key)
        }

        let backend = try await backends.get()
        var raw = ""
        var stats: GenerationStats?
        for try await event in backend.generate(prompt.generation) {
            switch event {
            case .token(let piece):
                raw += piece
                onToken?(piece)
            case .done(let finished):
                stats = finished
            }
        }
        try Task.checkCancellation()
        guard let stats else {
            throw LLMError(.truncatedStream, "the \(backend.kind) server closed the stream before finishing; try again")
        }

        let sanitized = OutputSanitizer.sanitize(raw)
        guard var command = sanitized.command else { throw TranslateError.noCommand(raw: raw) }
        var note = sanitized.note
        // Namespaces and containers the request and context never mention are the model's inventions.
        let grounded = Grounding.repair(command, request: cleaned, context: prompt.contextLines)
        if !grounded.removed.isEmpty {
            command = grounded.command
            note = [note, "dropped made-up \(grounded.removed.joined(separator: ", "))"].compactMap { $0 }.joined(separator: "; ")
        }
        // An answer cut off by the token limit is a model that looped: repair it, warn, and never cache it.
        let truncated = stats.finishReason == "length" || (stats.generatedTokens ?? 0) >= options.maxTokens
        if truncated { command = OutputSanitizer.trimRunaway(command) }
        var issues = CommandValidator.validate(command)
        if truncated {
            issues.insert(ValidationIssue(.truncated, "the model's answer ran past \(options.maxTokens) tokens and was cut; check it"), at: 0)
        }
        if let oracle { issues += await oracle.check(command) }
        // Seam for a repair retry: with issues from the oracle, ask the model again with the complaint here.

        if useCache, !truncated, let cache {
            do {
                try cache.store(key, request: cleaned, command: command, model: modelName, promptVersion: promptVersion,
                                source: .model)
            } catch {
                note = [note, "answer not cached: \(error)"].compactMap { $0 }.joined(separator: "; ")
            }
        }
        return Translation(
            command: command, raw: raw, cached: false, risk: RiskClassifier.classify(command), issues: issues,
            note: note, model: modelName, promptVersion: promptVersion,
            latencyMilliseconds: Self.milliseconds(clock.now - start), stats: stats, cacheKey: key)
    }

    /// Learns the user's edit: `command` becomes the cached answer to `request` in `context` (source `edited`), so the
    /// same request in the same context gets the user's command next time. Call it when the user changed the proposed
    /// command before running it. Does nothing without a cache or when the cache already holds exactly this command.
    /// - Returns: whether the cache changed.
    /// - Throws: `FileError` when the cache file cannot be written.
    @discardableResult
    public func learn(request: String, context: SessionContext, command: String) throws -> Bool {
        let cleaned = PromptBuilder.clean(request)
        let edited = command.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let cache, !cleaned.isEmpty, !edited.isEmpty else { return false }
        let key = cacheKey(for: cleaned, context: context)
        if let existing = cache.peek(key), existing.command == edited { return false }
        try cache.store(key, request: cleaned, command: edited, model: modelName, promptVersion: promptVersion,
                        source: .edited)
        return true
    }

    /// Writes cache usage recorded by hits (call after showing the answer, or before exiting).
    public func flushCache() {
        try? cache?.flush()
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// Obtains the backend once, on demand; a failed attempt is retried on the next call.
private actor BackendHolder {
    private let provider: @Sendable () async throws -> any LLMBackend
    private var backend: (any LLMBackend)?
    private var pending: Task<any LLMBackend, any Error>?

    init(provider: @escaping @Sendable () async throws -> any LLMBackend) {
        self.provider = provider
    }

    func get() async throws -> any LLMBackend {
        if let backend { return backend }
        if let pending { return try await pending.value }
        let task = Task { try await provider() }
        pending = task
        do {
            let made = try await task.value
            backend = made
            pending = nil
            return made
        } catch {
            pending = nil
            throw error
        }
    }
}
