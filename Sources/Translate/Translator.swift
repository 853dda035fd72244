import Foundation
import KubectlKit
import LLM
import Session
import Support
import HTTP

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
    /// Nil for k1's shipped bank, indexed on the first cache miss rather than at start-up (~50 ms for 1,400 examples).
    private let retriever: ExampleRetriever?

    /// Creates a translator.
    /// - Parameters:
    ///   - backendProvider: makes (or starts) the backend; called at most once successfully, on the first cache miss.
    ///   - modelName: the model name for cache keys and reports.
    ///   - cache: the answer cache, or nil for none.
    ///   - promptVersion: the prompt version for cache keys (a config pin, or ``PromptTemplate/promptVersion``).
    ///   - options: prompt settings.
    ///   - oracle: an extra check run on fresh answers (not on cache hits).
    ///   - retriever: where the prompt's nearest examples come from (nil: k1's shipped bank, indexed on first use).
    public init(backendProvider: @escaping @Sendable () async throws -> any LLMBackend, modelName: String,
                cache: AnswerCache?, promptVersion: String = PromptTemplate.promptVersion,
                options: PromptBuilder.Options = PromptBuilder.Options(), oracle: (any CommandOracle)? = nil,
                retriever: ExampleRetriever? = nil) {
        self.backends = BackendHolder(provider: backendProvider)
        self.modelName = modelName
        self.cache = cache
        self.promptVersion = promptVersion.isEmpty ? PromptTemplate.promptVersion : promptVersion
        self.options = options
        self.oracle = oracle
        self.retriever = retriever
    }

    /// The cache key for `request` in `context`.
    public func cacheKey(for request: String, context: SessionContext) -> AnswerCacheKey {
        cacheKey(render(request, context: context))
    }

    /// The cache key for a rendered request: its cleaned text, the context fields the prompt shows and every row k1
    /// picks, the model and the prompt version.
    func cacheKey(_ rendering: RequestRendering) -> AnswerCacheKey {
        AnswerCacheKey(request: rendering.request, contextFields: rendering.keyFields, model: modelName,
                       promptVersion: promptVersion)
    }

    /// `request` in `context`, rendered once for the cache key, the listing pick and the prompt.
    func render(_ request: String, context: SessionContext) -> RequestRendering {
        RequestRendering(request: request, context: context, maxListingRows: options.maxListingRows)
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
        switch try await answer(request, context: context, useCache: useCache, onToken: onToken) {
        case .command(let translation): return translation
        case .noTarget(let reason): throw TranslateError.noTarget(reason)
        }
    }

    /// Answers one request: a command, or no command when the request picks rows of the last listing and none
    /// matches (no model call then) or they span several namespaces. A command for picked rows names exactly
    /// those rows (``PickEnforcer``), on cache hits too.
    /// - Throws: as ``translate(_:context:useCache:onToken:)``, never for a request that picks nothing.
    public func answer(_ request: String, context: SessionContext, useCache: Bool = true,
                       onToken: (@Sendable (String) -> Void)? = nil) async throws -> TranslationOutcome {
        try await answer(request, context: context, cache: useCache ? .readWrite : .off, onToken: onToken)
    }

    /// Answers one request as ``answer(_:context:useCache:onToken:)`` does, with the cache used as `cache` says.
    public func answer(_ request: String, context: SessionContext, cache use: CacheUse,
                       onToken: (@Sendable (String) -> Void)? = nil) async throws -> TranslationOutcome {
        let rendering = render(request, context: context)
        guard !rendering.request.isEmpty else { throw TranslateError.emptyRequest }
        let pick = rendering.pick
        if let refusal = pick?.refusal { return .noTarget(refusal) }
        var translation = try await translateCommand(rendering, cache: use, onToken: onToken)
        if let pick {
            let checked = PickEnforcer.apply(translation.command, pick: pick, defaultNamespace: context.effectiveNamespace)
            if checked.command != translation.command {
                translation.command = checked.command
                translation.risk = RiskClassifier.classify(checked.command)
                translation.issues = CommandValidator.validate(checked.command)
            }
            if let note = checked.note {
                translation.notes.append(AnswerNote(.listingTargets, note))
            }
            if let issue = checked.issue { translation.issues.append(issue) }
        }
        return .command(translation)
    }

    private func translateCommand(_ rendering: RequestRendering, cache use: CacheUse,
                                  onToken: (@Sendable (String) -> Void)?) async throws -> Translation {
        let clock = ContinuousClock()
        let start = clock.now
        let cleaned = rendering.request
        let context = rendering.context
        // The key needs only the context fields; the examples are retrieved on a miss.
        let key = cacheKey(rendering)

        if use.reads, let cache, let entry = cache.lookup(key) {
            if TerminalText.containsControl(entry.command) { throw TranslateError.controlCharacters(raw: entry.command) }
            return Translation(
                command: entry.command, raw: entry.command, cached: true, learned: entry.source == .edited,
                risk: RiskClassifier.classify(entry.command), issues: CommandValidator.validate(entry.command),
                model: modelName, promptVersion: promptVersion,
                latencyMilliseconds: (clock.now - start).milliseconds, stats: nil, cacheKey: key)
        }

        // A plain "fix it" after an error kubectl's help can fix is answered without the model (after the cache, so
        // that the user's edit of such a fix wins).
        if let fix = LastCommandFixer.fix(request: cleaned, context: context) {
            return Translation(
                command: fix.command, raw: fix.command, cached: false, risk: RiskClassifier.classify(fix.command),
                issues: CommandValidator.validate(fix.command), notes: [AnswerNote(.withoutModel, "fixed without the model: \(fix.reason)")],
                model: LastCommandFixer.answeredBy, promptVersion: promptVersion,
                latencyMilliseconds: (clock.now - start).milliseconds, stats: nil, cacheKey: key)
        }

        let prompt = PromptBuilder.prepare(rendering, options: options, retriever: retriever)
        let backend = try await backends.get()
        // A managed server without a saved prompt cache gets the warm-up first, so one is saved that holds only the
        // fixed part (once per model; later starts restore it).
        if (backend as? ManagedLlamaCppBackend)?.needsPromptSnapshot == true {
            for try await _ in backend.generate(PromptBuilder.warmupRequest(options: options)) {}
        }
        var attempt = try await generate(prompt.generation, backend: backend, request: cleaned, prompt: prompt,
                                         onToken: onToken)
        // Validate and repair: an answer kubectl or k1's tables reject gets a second candidate, asked without the
        // retrieved examples (a misleading example is the usual cause). Measured: showing the model its rejected
        // answer and kubectl's complaint made it repeat the same answer.
        if options.repair, !attempt.truncated, let complaint = attempt.complaint {
            var plain = options
            plain.retrievedExamples = 0
            let retry = PromptBuilder.prepare(rendering, options: plain, retriever: retriever)
            do {
                let second = try await generate(retry.generation, backend: backend, request: cleaned, prompt: prompt,
                                                onToken: nil)
                if second.command != nil, second.complaint == nil || attempt.command == nil {
                    var repaired = second
                    repaired.notes.append(AnswerNote(.secondCandidate, "repaired: the first answer was wrong (\(complaint))"))
                    repaired.stats = Self.combined(attempt.stats, second.stats)
                    attempt = repaired
                } else {
                    attempt.stats = Self.combined(attempt.stats, second.stats)
                }
            } catch let error as LLMError where error.code != .cancelled {
                // The first answer stands, with its warning.
            }
        }
        guard let command = attempt.command else {
            let layout = attempt.raw.replacingOccurrences(of: "\r", with: "\n").replacingOccurrences(of: "\t", with: " ")
            if TerminalText.containsControl(layout, allowingNewlines: true) {
                throw TranslateError.controlCharacters(raw: attempt.raw)
            }
            throw TranslateError.noCommand(raw: attempt.raw)
        }
        let stats = attempt.stats
        let truncated = attempt.truncated
        let issues = attempt.issues
        let raw = attempt.raw
        var notes = attempt.notes

        // An answer that is still wrong is shown with its warning but never cached; nor is a secret value.
        let secret = SecretDetector.containsSecret(cleaned) || SecretDetector.containsSecret(command)
        if secret { notes.append(AnswerNote(.notCached, "not cached: it holds a secret value")) }
        var storable: String?
        if use == .readOnly, !truncated, !secret, attempt.complaint == nil, cache != nil {
            storable = command
        } else if use == .readWrite, !truncated, !secret, attempt.complaint == nil, let cache {
            do {
                try cache.store(key, request: cleaned, command: command, model: modelName, promptVersion: promptVersion,
                                source: .model)
            } catch {
                notes.append(AnswerNote(.notCached, "answer not cached: \(error)"))
            }
        }
        return Translation(
            command: command, raw: raw, cached: false, risk: RiskClassifier.classify(command), issues: issues,
            notes: notes, model: modelName, promptVersion: promptVersion,
            latencyMilliseconds: (clock.now - start).milliseconds, stats: stats, cacheKey: key, storable: storable)
    }

    /// Has the model server read the prompt `request` in `context` would send into its prompt cache, generating nothing,
    /// so that the answer asked for a request that begins the same way reads only what differs. For the shell while the
    /// user types. Does nothing when the cache or kubectl's help would answer, or when the backend cannot read a prompt
    /// ahead (``LLMBackend/readsPromptsAhead``). Returns the server's counts of what it read, if it read anything.
    /// - Throws: what obtaining the backend or the request throws (`LLMError`, cancellation).
    @discardableResult
    public func readAhead(_ request: String, context: SessionContext) async throws -> GenerationStats? {
        let rendering = render(request, context: context)
        guard !rendering.request.isEmpty, rendering.pick?.refusal == nil else { return nil }
        if let cache, cache.peek(cacheKey(rendering)) != nil { return nil }
        if LastCommandFixer.fix(request: rendering.request, context: context) != nil { return nil }
        let backend = try await backends.get()
        guard backend.readsPromptsAhead, (backend as? ManagedLlamaCppBackend)?.needsPromptSnapshot != true else { return nil }
        var generation = PromptBuilder.prepare(rendering, options: options, retriever: retriever).generation
        generation.maxTokens = 0
        generation.grammar = nil
        var stats: GenerationStats?
        for try await event in backend.generate(generation) {
            if case .done(let finished) = event { stats = finished }
        }
        return stats
    }

    /// Stores an answer made with ``CacheUse/readOnly`` (its ``Translation/storable`` command), now that the user has
    /// entered its request. Does nothing for an answer that carries nothing to store.
    /// - Throws: `FileError` when the cache file cannot be written.
    public func commit(_ translation: Translation, request: String) throws {
        guard let command = translation.storable, let cache else { return }
        try cache.store(translation.cacheKey, request: PromptBuilder.clean(request), command: command, model: modelName,
                        promptVersion: promptVersion, source: .model)
    }

    /// One generation: stream, sanitize, ground, validate and (with an oracle) check.
    private func generate(_ generation: GenerationRequest, backend: any LLMBackend, request: String,
                          prompt: PromptBuilder.Prompt, onToken: (@Sendable (String) -> Void)?) async throws -> Attempt {
        var raw = ""
        var stats: GenerationStats?
        for try await event in backend.generate(generation) {
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
        var attempt = Attempt(raw: raw, stats: stats)
        let sanitized = OutputSanitizer.sanitize(raw)
        guard var command = sanitized.command else {
            attempt.complaint = "it is not a kubectl command"
            return attempt
        }
        attempt.notes = sanitized.note.map { [AnswerNote(.output, $0)] } ?? []
        // An answer cut off by the token limit is a model that looped: cut the loop first (the fixes then see a
        // whole command), warn, and never cache it.
        attempt.truncated = stats.finishReason == "length" || (stats.generatedTokens ?? 0) >= options.maxTokens
        if attempt.truncated { command = OutputSanitizer.trimRunaway(command) }
        let fixed = AnswerFixes.apply(command, request: request, context: prompt.knownLines,
                                      ground: options.fixAnswers, prune: options.pruneFlags)
        command = fixed.command
        attempt.notes += fixed.notes
        var issues = CommandValidator.validate(command)
        let unknown = Grounding.unknownNames(in: command, request: request, context: prompt.knownLines)
        if !unknown.isEmpty {
            let list = unknown.joined(separator: ", ")
            issues.append(ValidationIssue(.unknownName, "\(list) appears nowhere in the request or the session; names must be copied exactly"))
        }
        if attempt.truncated {
            issues.insert(ValidationIssue(.truncated, "the model's answer ran past \(options.maxTokens) tokens and was cut; check it"), at: 0)
        }
        if let oracle { issues += await oracle.check(command) }
        attempt.command = command
        attempt.issues = issues
        attempt.complaint = issues.first { Self.repairable.contains($0.kind) }.map(\.message)
        return attempt
    }

    /// Issues worth a second try: the command is not valid kubectl.
    static let repairable: Set<ValidationIssue.Kind> = [
        .notKubectl, .shellSyntax, .syntax, .unknownVerb, .missingSubcommand, .unknownFlag, .namespaceOnClusterScoped,
        .rejectedByOracle, .unknownName, .fieldSelector,
    ]

    /// What one generation produced.
    private struct Attempt {
        var raw: String
        var stats: GenerationStats?
        var command: String?
        var notes: [AnswerNote] = []
        var truncated = false
        var issues: [ValidationIssue] = []
        /// The first issue that makes the command wrong, if any.
        var complaint: String?
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
        // A secret value never goes to the cache file.
        if SecretDetector.containsSecret(cleaned) || SecretDetector.containsSecret(edited) { return false }
        let key = cacheKey(for: cleaned, context: context)
        if let existing = cache.peek(key), existing.command == edited { return false }
        try cache.store(key, request: cleaned, command: edited, model: modelName, promptVersion: promptVersion,
                        source: .edited)
        return true
    }

    /// Readies the model: obtains the backend (starting a managed server if needed) and has it read the fixed part of
    /// the prompt into its prompt cache, generating one token (``PromptBuilder/warmupRequest(options:)``).
    /// - Throws: what obtaining the backend or the generation throws.
    public func warmUp() async throws {
        let backend = try await backends.get()
        for try await _ in backend.generate(PromptBuilder.warmupRequest(options: options)) {}
    }

    /// Writes cache usage recorded by hits (call after showing the answer, or before exiting).
    public func flushCache() {
        try? cache?.flush()
    }

    /// Both generations' token counts and times added up (the latency a user waited for).
    static func combined(_ first: GenerationStats?, _ second: GenerationStats?) -> GenerationStats? {
        guard let first, let second else { return second ?? first }
        func sum<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? { a == nil && b == nil ? nil : (a ?? .zero) + (b ?? .zero) }
        return GenerationStats(
            promptTokens: sum(first.promptTokens, second.promptTokens),
            cachedPromptTokens: sum(first.cachedPromptTokens, second.cachedPromptTokens),
            generatedTokens: sum(first.generatedTokens, second.generatedTokens),
            promptMilliseconds: sum(first.promptMilliseconds, second.promptMilliseconds),
            generationMilliseconds: sum(first.generationMilliseconds, second.generationMilliseconds),
            finishReason: second.finishReason, requests: first.requests + second.requests)
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
