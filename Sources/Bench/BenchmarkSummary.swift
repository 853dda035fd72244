/// Scores and costs over a set of outcomes (one category, or all). Rates are percentages of all requests: a failed
/// translation counts as a miss and, when kubectl was available, as a syntax error.
public struct BenchmarkSummary: Sendable, Equatable, Codable {
    /// Requests (cases × repetitions).
    public var total: Int
    /// Exact matches.
    public var exact: Int
    /// Semantic matches (passes).
    public var semantic: Int
    /// Requests whose command kubectl accepted; nil when no oracle ran.
    public var syntaxValid: Int?
    /// Requests that produced no command.
    public var errors: Int
    /// Requests answered from k1's answer cache.
    public var cached: Int
    /// Exact matches in percent.
    public var exactPercent: Double?
    /// Semantic matches in percent.
    public var semanticPercent: Double?
    /// Syntax-valid commands in percent; nil when no oracle ran.
    public var syntaxValidPercent: Double?
    /// Median latency in milliseconds.
    public var latencyP50: Double?
    /// 95th-percentile latency in milliseconds.
    public var latencyP95: Double?
    /// Mean latency in milliseconds.
    public var latencyMean: Double?
    /// Mean prompt size per request in tokens (evaluated plus reused from the server's prompt cache).
    public var promptTokensMean: Double?
    /// Mean prompt tokens the server evaluated per request (the part not reused from its prompt cache).
    public var evaluatedPromptTokensMean: Double?
    /// Mean generated tokens per request.
    public var generatedTokensMean: Double?
    /// Median prompt tokens the server evaluated per request (new, not reused from its prompt cache).
    public var newPromptTokensP50: Double?
    /// Median prompt tokens reused from the server's prompt cache per request.
    public var cachedPromptTokensP50: Double?
    /// Median generated tokens per request.
    public var generatedTokensP50: Double?
    /// Requests that asked the model for a second candidate.
    public var secondCandidates: Int?
    /// Mean server time per request (prompt evaluation plus generation) in milliseconds; compare with
    /// ``latencyMean`` to see what queueing, transport and k1 add.
    public var serverMillisecondsMean: Double?

    /// Summarises outcomes.
    public init(_ outcomes: [BenchmarkOutcome]) {
        total = outcomes.count
        exact = outcomes.count(where: \.exact)
        semantic = outcomes.count(where: \.semantic)
        errors = outcomes.count(where: { $0.produced == nil })
        cached = outcomes.count(where: \.cached)
        let verdicts = outcomes.compactMap(\.syntaxValid)
        syntaxValid = verdicts.isEmpty && !outcomes.isEmpty ? nil : verdicts.count(where: { $0 })
        exactPercent = BenchmarkStatistics.percent(exact, of: total)
        semanticPercent = BenchmarkStatistics.percent(semantic, of: total)
        syntaxValidPercent = syntaxValid.flatMap { BenchmarkStatistics.percent($0, of: verdicts.count) }
        let latencies = outcomes.map(\.latencyMilliseconds)
        latencyP50 = BenchmarkStatistics.percentile(latencies, 50)
        latencyP95 = BenchmarkStatistics.percentile(latencies, 95)
        latencyMean = BenchmarkStatistics.mean(latencies)
        promptTokensMean = BenchmarkStatistics.mean(outcomes.compactMap(\.totalPromptTokens).map(Double.init))
        evaluatedPromptTokensMean = BenchmarkStatistics.mean(outcomes.compactMap(\.promptTokens).map(Double.init))
        generatedTokensMean = BenchmarkStatistics.mean(outcomes.compactMap(\.generatedTokens).map(Double.init))
        newPromptTokensP50 = BenchmarkStatistics.percentile(outcomes.compactMap(\.promptTokens).map(Double.init), 50)
        cachedPromptTokensP50 = BenchmarkStatistics.percentile(outcomes.compactMap(\.cachedPromptTokens).map(Double.init), 50)
        generatedTokensP50 = BenchmarkStatistics.percentile(outcomes.compactMap(\.generatedTokens).map(Double.init), 50)
        let requests = outcomes.compactMap(\.modelRequests)
        secondCandidates = requests.isEmpty ? nil : requests.count(where: { $0 > 1 })
        serverMillisecondsMean = BenchmarkStatistics.mean(outcomes.compactMap(\.serverMilliseconds))
    }
}

/// A summary overall and per category.
public struct BenchmarkBreakdown: Sendable, Equatable, Codable {
    /// All outcomes.
    public var overall: BenchmarkSummary
    /// Each category that has outcomes, in category order.
    public var categories: [CategorySummary]
    /// The dev and test splits, when the run had cases of both (nil otherwise).
    public var splits: [SplitSummary]?
    /// Each voice, in name order, when the dataset gives voices (nil otherwise).
    public var voices: [VoiceSummary]?

    /// One voice's scores.
    public struct VoiceSummary: Sendable, Equatable, Codable {
        /// The voice (`documentation`, `operator`).
        public var voice: String
        /// Its scores.
        public var summary: BenchmarkSummary
    }

    /// One category's summary.
    public struct CategorySummary: Sendable, Equatable, Codable {
        /// The category.
        public var category: BenchmarkCategory
        /// Its summary.
        public var summary: BenchmarkSummary
    }

    /// One split's scores.
    public struct SplitSummary: Sendable, Equatable, Codable {
        /// The split (`dev` or `test`).
        public var split: BenchmarkSplit
        /// Its scores.
        public var summary: BenchmarkSummary
    }

    /// Groups outcomes by category and summarises each group and the whole.
    public init(_ outcomes: [BenchmarkOutcome]) {
        overall = BenchmarkSummary(outcomes)
        let groups = Dictionary(grouping: outcomes, by: \.category)
        categories = BenchmarkCategory.allCases.compactMap { category in
            groups[category].map { CategorySummary(category: category, summary: BenchmarkSummary($0)) }
        }
        let bySplit = Dictionary(grouping: outcomes, by: \.split)
        if let dev = bySplit[.dev], let test = bySplit[.test] {
            splits = [SplitSummary(split: .dev, summary: BenchmarkSummary(dev)),
                      SplitSummary(split: .test, summary: BenchmarkSummary(test))]
        }
        let byVoice = Dictionary(grouping: outcomes.filter { $0.voice != nil }, by: { $0.voice ?? "" })
        if !byVoice.isEmpty {
            voices = byVoice.keys.sorted().map { VoiceSummary(voice: $0, summary: BenchmarkSummary(byVoice[$0] ?? [])) }
        }
    }

    /// The summary of one category, if it has outcomes.
    public func summary(for category: BenchmarkCategory) -> BenchmarkSummary? {
        categories.first { $0.category == category }?.summary
    }
}
