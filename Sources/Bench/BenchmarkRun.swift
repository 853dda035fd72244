/// One model's run over the benchmark: how it was set up, every outcome and the summary.
public struct BenchmarkRun: Sendable, Equatable, Codable {
    /// The model as asked for (`qwen2.5-coder-1.5b`, a `.gguf` path, a server's model id).
    public var model: String
    /// The model name the translator used (cache keys, the server's alias).
    public var modelName: String
    /// The backend kind (`llamacpp`, `ollama`, `openai`).
    public var backend: String
    /// The GGUF file served, when k1 served one.
    public var modelFile: String?
    /// The sha256 of that file.
    public var modelSHA256: String?
    /// The prompt version.
    public var promptVersion: String
    /// Sampling temperature (always 0).
    public var temperature: Double
    /// The fixed seed.
    public var seed: Int
    /// Most tokens generated per request.
    public var maxTokens: Int
    /// Whether the output grammar was attached.
    public var grammar: Bool
    /// Bank examples retrieved into each prompt (nil in reports from before retrieval).
    public var retrievedExamples: Int?
    /// Whether a rejected answer got a second candidate (nil in reports from before repair).
    public var repair: Bool?
    /// Whether unasked optional flags were dropped (nil in reports from before pruning).
    public var pruneFlags: Bool?
    /// Most characters of retrieved examples per prompt (nil in reports from before the budget).
    public var exampleBudget: Int?
    /// Whether the prompt held the fixed examples (nil in reports from before they could be left out).
    public var fixedExamples: Bool?
    /// Whether answers were fixed from the request and session (nil in reports from before the fixes).
    public var fixAnswers: Bool?
    /// Latency of the untimed warm-up request (which starts the server and loads the model), in milliseconds.
    public var warmupMilliseconds: Double?
    /// Wall time of the whole run in seconds.
    public var durationSeconds: Double
    /// Why the model could not be run; nil when it ran.
    public var failure: String?
    /// Scores overall and per category.
    public var breakdown: BenchmarkBreakdown
    /// Every request's outcome.
    public var outcomes: [BenchmarkOutcome]

    /// Creates a run; the breakdown is computed from `outcomes`.
    public init(model: String, modelName: String, backend: String, modelFile: String? = nil, modelSHA256: String? = nil,
                promptVersion: String, temperature: Double = 0, seed: Int, maxTokens: Int, grammar: Bool,
                retrievedExamples: Int? = nil, repair: Bool? = nil, pruneFlags: Bool? = nil, exampleBudget: Int? = nil,
                fixedExamples: Bool? = nil, fixAnswers: Bool? = nil, warmupMilliseconds: Double? = nil, durationSeconds: Double = 0, failure: String? = nil,
                outcomes: [BenchmarkOutcome]) {
        self.model = model
        self.modelName = modelName
        self.backend = backend
        self.modelFile = modelFile
        self.modelSHA256 = modelSHA256
        self.promptVersion = promptVersion
        self.temperature = temperature
        self.seed = seed
        self.maxTokens = maxTokens
        self.grammar = grammar
        self.retrievedExamples = retrievedExamples
        self.repair = repair
        self.pruneFlags = pruneFlags
        self.exampleBudget = exampleBudget
        self.fixedExamples = fixedExamples
        self.fixAnswers = fixAnswers
        self.warmupMilliseconds = warmupMilliseconds
        self.durationSeconds = durationSeconds
        self.failure = failure
        self.breakdown = BenchmarkBreakdown(outcomes)
        self.outcomes = outcomes
    }

    /// The outcomes that did not pass.
    public var misses: [BenchmarkOutcome] { outcomes.filter { !$0.passed } }
}
