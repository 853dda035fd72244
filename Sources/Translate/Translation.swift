import KubectlKit
import LLM

/// The result of translating one request: the command to pre-fill, how it was obtained and what to warn about.
public struct Translation: Sendable, Equatable {
    /// The kubectl command (sanitized model output, or the cached answer).
    public var command: String
    /// What the model produced before sanitizing; the cached command for a cache hit.
    public var raw: String
    /// Whether the answer came from the answer cache (no model call).
    public var cached: Bool
    /// Whether a cached answer was learned from the user's edit.
    public var learned: Bool
    /// How much the command can change the cluster.
    public var risk: RiskAssessment
    /// Static (and oracle) doubts about the command, for a ⚠ label.
    public var issues: [ValidationIssue]
    /// What k1 did to the answer or found out about it, in order (see ``AnswerNote``).
    public var notes: [AnswerNote]
    /// ``notes`` as one line (`; ` between them); nil when there are none.
    public var note: String? { AnswerNote.joined(notes) }
    /// The model name used in the cache key.
    public var model: String
    /// The prompt version used in the cache key.
    public var promptVersion: String
    /// Wall time from the call to the answer, in milliseconds.
    public var latencyMilliseconds: Double
    /// Token counts and timings the backend reported; nil for a cache hit.
    public var stats: GenerationStats?
    /// The cache key of this request in this context.
    public var cacheKey: AnswerCacheKey
    /// The command the cache would have stored for this answer, when it was asked with ``CacheUse/readOnly``;
    /// ``Translator/commit(_:request:)`` stores it. Nil for a hit, an answer already stored, or one never to be stored.
    public var storable: String?

    /// Creates a translation.
    public init(command: String, raw: String, cached: Bool, learned: Bool = false, risk: RiskAssessment,
                issues: [ValidationIssue], notes: [AnswerNote] = [], model: String, promptVersion: String,
                latencyMilliseconds: Double, stats: GenerationStats?, cacheKey: AnswerCacheKey, storable: String? = nil) {
        self.command = command
        self.raw = raw
        self.cached = cached
        self.learned = learned
        self.risk = risk
        self.issues = issues
        self.notes = notes
        self.model = model
        self.promptVersion = promptVersion
        self.latencyMilliseconds = latencyMilliseconds
        self.stats = stats
        self.cacheKey = cacheKey
        self.storable = storable
    }
}
