import Foundation
import LLM
import Session
import Support
import Translate

/// Runs benchmark cases through a translation function, scores the answers and asks the syntax oracle about them.
///
/// Requests run one after another, as a user's do; the syntax checks run afterwards, several at a time, and are not
/// part of any latency.
public struct BenchmarkRunner: Sendable {
    /// Translates one case's request in its session context.
    public typealias Translate = @Sendable (_ item: BenchmarkCase, _ context: SessionContext) async throws -> BenchmarkAnswer
    /// Told after each request: requests done, requests in all.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// How many times each case runs.
    public var repetitions: Int
    /// The syntax oracle; nil leaves syntax unscored.
    public var oracle: SyntaxOracle?

    /// Creates a runner.
    public init(repetitions: Int = 1, oracle: SyntaxOracle?) {
        self.repetitions = max(1, repetitions)
        self.oracle = oracle
    }

    /// The translation function of a ``Translator``: exactly the call `k1 ask` makes.
    /// - Parameter useCache: whether k1's answer cache may answer (off for a benchmark unless asked for).
    /// A question about a command is answered as the shell answers it, `k1 explain kubectl …`, without the model.
    public static func translating(with translator: Translator, useCache: Bool) -> Translate {
        { item, context in
            if let answer = explaining(item.prompt) { return answer }
            let clock = ContinuousClock()
            let start = clock.now
            switch try await translator.answer(item.prompt, context: context, useCache: useCache) {
            case .command(let translation):
                return BenchmarkAnswer(translation)
            case .noTarget(let reason):
                let elapsed = clock.now - start
                return BenchmarkAnswer(noCommand: reason.message, latencyMilliseconds: elapsed.milliseconds)
            }
        }
    }

    /// What answers a benchmark request shaped as a question about a command (``ExplainRequest``).
    public static let explainPrefix = "k1 explain "

    /// `k1 explain kubectl …` for a question about a command; nil for a request for one.
    static func explaining(_ request: String) -> BenchmarkAnswer? {
        let clock = ContinuousClock()
        let start = clock.now
        guard let command = ExplainRequest.target(of: request) else { return nil }
        let elapsed = clock.now - start
        return BenchmarkAnswer(command: explainPrefix + command,
                               latencyMilliseconds: elapsed.milliseconds,
                               note: "explained from kubectl's help")
    }

    /// Runs every case `repetitions` times.
    /// - Returns: one outcome per case and repetition, in order (repetition-major).
    /// - Throws: `CancellationError` when the task is cancelled.
    public func run(_ cases: [BenchmarkCase], translate: Translate, progress: Progress? = nil) async throws -> [BenchmarkOutcome] {
        let total = cases.count * repetitions
        var outcomes: [BenchmarkOutcome] = []
        outcomes.reserveCapacity(total)
        for repetition in 0..<repetitions {
            for item in cases {
                try Task.checkCancellation()
                outcomes.append(await attempt(item, repetition: repetition, translate: translate))
                progress?(outcomes.count, total)
            }
        }
        return await checkSyntax(outcomes)
    }

    /// Translates and scores one case (syntax not yet checked).
    func attempt(_ item: BenchmarkCase, repetition: Int, translate: Translate) async -> BenchmarkOutcome {
        let context = item.context?.sessionContext() ?? SessionContext()
        let clock = ContinuousClock()
        let start = clock.now
        var outcome = BenchmarkOutcome(id: item.id, category: item.category, split: item.effectiveSplit,
                                       prompt: item.prompt, expected: item.expected, produced: nil, exact: false,
                                       semantic: false, syntax: nil, latencyMilliseconds: 0, repetition: repetition)
        outcome.voice = item.voice
        do {
            let answer = try await translate(item, context)
            let score = BenchmarkScorer.score(answer.noCommand == nil ? answer.command : nil, for: item)
            outcome.produced = answer.noCommand == nil ? answer.command : nil
            outcome.noCommand = answer.noCommand
            outcome.exact = score.exact
            outcome.semantic = score.semantic
            outcome.latencyMilliseconds = answer.latencyMilliseconds
            outcome.promptTokens = answer.stats?.promptTokens
            outcome.cachedPromptTokens = answer.stats?.cachedPromptTokens
            outcome.generatedTokens = answer.stats?.generatedTokens
            outcome.modelRequests = answer.stats?.requests ?? (answer.cached || answer.noCommand != nil ? 0 : nil)
            outcome.serverMilliseconds = Self.serverMilliseconds(answer.stats)
            outcome.cached = answer.cached
            outcome.note = answer.note
        } catch {
            let elapsed = clock.now - start
            outcome.error = Self.describe(error)
            outcome.latencyMilliseconds = elapsed.milliseconds
        }
        return outcome
    }

    /// Adds the oracle's verdicts; a request that produced nothing counts as a syntax error.
    func checkSyntax(_ outcomes: [BenchmarkOutcome]) async -> [BenchmarkOutcome] {
        guard let oracle else { return outcomes }
        // Explanations are not commands for kubectl to judge.
        let commands = Array(Set(outcomes.compactMap(\.produced).filter { !$0.hasPrefix(Self.explainPrefix) }))
        let verdicts = await oracle.verdicts(for: commands)
        let byCommand = Dictionary(uniqueKeysWithValues: zip(commands, verdicts))
        try? oracle.saveCache()
        return outcomes.map { outcome in
            var checked = outcome
            if let produced = outcome.produced {
                checked.syntax = produced.hasPrefix(Self.explainPrefix) ? nil : byCommand[produced]
            } else if outcome.noCommand != nil {
                checked.syntax = nil   // no command, on purpose: nothing for kubectl to check
            } else {
                checked.syntax = SyntaxOracleVerdict(valid: false, reason: .notKubectl, message: "no command produced")
            }
            return checked
        }
    }

    /// Prompt plus generation time as the server reported them.
    static func serverMilliseconds(_ stats: GenerationStats?) -> Double? {
        guard let stats, stats.promptMilliseconds != nil || stats.generationMilliseconds != nil else { return nil }
        return (stats.promptMilliseconds ?? 0) + (stats.generationMilliseconds ?? 0)
    }

    /// One line for an error.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}
