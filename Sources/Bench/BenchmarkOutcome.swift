import Translate
/// What happened to one case in one repetition: the command produced, its scores, its syntax verdict, its cost.
public struct BenchmarkOutcome: Sendable, Equatable, Codable {
    /// The case id.
    public var id: String
    /// The case category.
    public var category: BenchmarkCategory
    /// The case split.
    public var split: BenchmarkSplit
    /// The request.
    public var prompt: String
    /// The accepted commands.
    public var expected: [String]
    /// The command produced; nil when translation failed.
    public var produced: String?
    /// Why translation failed, if it did.
    public var error: String?
    /// The line k1 printed instead of a command (nothing in the listing matches), if it answered with none.
    public var noCommand: String?
    /// Identical to an expected command (whitespace folded).
    public var exact: Bool
    /// The same command as an expected one after normalisation.
    public var semantic: Bool
    /// kubectl's verdict on the produced command; nil when no oracle ran (no kubectl) or nothing was produced.
    public var syntax: SyntaxOracleVerdict?
    /// Wall time of the translation in milliseconds (the call as `k1 ask` makes it).
    public var latencyMilliseconds: Double
    /// Prompt tokens evaluated by the server for this request (without those reused from its prompt cache).
    public var promptTokens: Int?
    /// Prompt tokens the server reused from its prompt cache.
    public var cachedPromptTokens: Int?
    /// Tokens generated.
    public var generatedTokens: Int?
    /// Generation requests the answer took (0 without the model, 2 when a second candidate was asked for); nil when
    /// the backend reported nothing.
    public var modelRequests: Int?
    /// The server's own time for the request (prompt evaluation plus generation), in milliseconds; the rest of
    /// ``latencyMilliseconds`` is queueing, transport and k1. Nil when the backend did not say.
    public var serverMilliseconds: Double?
    /// Whether the answer came from k1's answer cache.
    public var cached: Bool
    /// The translator's note (a repair, a dropped namespace), if any.
    public var note: String?
    /// 0-based repetition.
    public var repetition: Int
    /// The case's voice (`documentation`, `operator`), for datasets that give one.
    public var voice: String?

    /// Creates an outcome.
    public init(id: String, category: BenchmarkCategory, split: BenchmarkSplit, prompt: String, expected: [String],
                produced: String?, error: String? = nil, exact: Bool, semantic: Bool, syntax: SyntaxOracleVerdict?,
                latencyMilliseconds: Double, promptTokens: Int? = nil, cachedPromptTokens: Int? = nil,
                generatedTokens: Int? = nil, serverMilliseconds: Double? = nil, cached: Bool = false,
                repetition: Int = 0) {
        self.id = id
        self.category = category
        self.split = split
        self.prompt = prompt
        self.expected = expected
        self.produced = produced
        self.error = error
        self.exact = exact
        self.semantic = semantic
        self.syntax = syntax
        self.latencyMilliseconds = latencyMilliseconds
        self.promptTokens = promptTokens
        self.cachedPromptTokens = cachedPromptTokens
        self.generatedTokens = generatedTokens
        self.serverMilliseconds = serverMilliseconds
        self.cached = cached
        self.repetition = repetition
    }

    /// Whether the case passed: the produced command is semantically correct.
    public var passed: Bool { semantic }

    /// Whether kubectl accepted the produced command's syntax; nil when unknown (no oracle).
    public var syntaxValid: Bool? {
        if produced == nil { return syntax == nil ? nil : false }
        return syntax?.valid
    }

    /// The whole prompt's size in tokens: evaluated plus reused; nil when the backend did not say.
    public var totalPromptTokens: Int? {
        guard promptTokens != nil || cachedPromptTokens != nil else { return nil }
        return (promptTokens ?? 0) + (cachedPromptTokens ?? 0)
    }
}
