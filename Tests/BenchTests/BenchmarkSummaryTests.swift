import Testing
@testable import Translate
@testable import Bench

@Suite("BenchmarkSummary and BenchmarkBreakdown")
struct BenchmarkSummaryTests {
    static func outcome(_ id: String, _ category: BenchmarkCategory, exact: Bool = false, semantic: Bool = false,
                        valid: Bool? = true, produced: String? = "kubectl get pods", latency: Double = 100,
                        prompt: Int? = 20, cachedPrompt: Int? = 800, generated: Int? = 10) -> BenchmarkOutcome {
        BenchmarkOutcome(id: id, category: category, split: .test, prompt: "p", expected: ["kubectl get pods"],
                         produced: produced, error: produced == nil ? "boom" : nil, exact: exact, semantic: semantic,
                         syntax: valid.map { SyntaxOracleVerdict(valid: $0, reason: $0 ? .reachedServer : .usageError) },
                         latencyMilliseconds: latency, promptTokens: prompt, cachedPromptTokens: cachedPrompt,
                         generatedTokens: generated, serverMilliseconds: generated.map { Double($0) * 5 })
    }

    @Test func countsRatesAndLatencies() {
        let outcomes = [
            Self.outcome("a", .simple, exact: true, semantic: true, latency: 100),
            Self.outcome("b", .simple, semantic: true, latency: 200),
            Self.outcome("c", .simple, valid: false, latency: 300, generated: 20),
            Self.outcome("d", .simple, valid: false, produced: nil, latency: 400, prompt: nil, cachedPrompt: nil, generated: nil),
        ]
        let summary = BenchmarkSummary(outcomes)
        #expect(summary.total == 4)
        #expect(summary.exact == 1)
        #expect(summary.semantic == 2)
        #expect(summary.syntaxValid == 2)
        #expect(summary.errors == 1)
        #expect(summary.exactPercent == 25)
        #expect(summary.semanticPercent == 50)
        #expect(summary.syntaxValidPercent == 50)
        #expect(summary.latencyP50 == 250)
        #expect(summary.latencyMean == 250)
        #expect(abs(summary.latencyP95! - 385) < 1e-9)
        #expect(summary.promptTokensMean == 820)
        #expect(summary.evaluatedPromptTokensMean == 20)
        #expect(abs(summary.generatedTokensMean! - 40.0 / 3) < 1e-9)
        #expect(abs(summary.serverMillisecondsMean! - 200.0 / 3) < 1e-9)
    }

    @Test func syntaxIsUnknownWithoutOracle() {
        let summary = BenchmarkSummary([Self.outcome("a", .edge, semantic: true, valid: nil)])
        #expect(summary.syntaxValid == nil)
        #expect(summary.syntaxValidPercent == nil)
        #expect(summary.semanticPercent == 100)
    }

    @Test func emptySummary() {
        let summary = BenchmarkSummary([])
        #expect(summary.total == 0)
        #expect(summary.semanticPercent == nil)
        #expect(summary.latencyP50 == nil)
    }

    @Test func breakdownGroupsByCategoryInOrder() {
        let outcomes = [
            Self.outcome("x1", .context, semantic: true),
            Self.outcome("s1", .simple, exact: true, semantic: true),
            Self.outcome("s2", .simple),
            Self.outcome("e1", .edge, semantic: true),
        ]
        let breakdown = BenchmarkBreakdown(outcomes)
        #expect(breakdown.categories.map(\.category) == [.simple, .edge, .context])
        #expect(breakdown.summary(for: .simple)?.total == 2)
        #expect(breakdown.summary(for: .simple)?.semantic == 1)
        #expect(breakdown.summary(for: .moderate) == nil)
        #expect(breakdown.overall.total == 4)
        #expect(breakdown.overall.semantic == 3)
    }

    @Test func voicesAreReportedWhenTheDatasetGivesThem() {
        var documentation = Self.outcome("v1", .simple, semantic: true)
        documentation.voice = "documentation"
        var terse = Self.outcome("v2", .simple)
        terse.voice = "operator"
        let breakdown = BenchmarkBreakdown([documentation, terse, Self.outcome("v3", .edge)])
        #expect(breakdown.voices?.map(\.voice) == ["documentation", "operator"])
        #expect(breakdown.voices?.map(\.summary.semantic) == [1, 0])
        #expect(BenchmarkReportRenderer.categoryTable(breakdown).text().contains("· operator"))
        #expect(BenchmarkBreakdown([Self.outcome("v4", .simple)]).voices == nil)
    }

    @Test func splitsAreReportedOnlyWhenBothRan() {
        var dev = Self.outcome("d1", .simple, semantic: true)
        dev.split = .dev
        let both = BenchmarkBreakdown([dev, Self.outcome("t1", .simple), Self.outcome("t2", .edge, semantic: true)])
        #expect(both.splits?.map(\.split) == [.dev, .test])
        #expect(both.splits?.first?.summary.semantic == 1)
        #expect(both.splits?.last?.summary.total == 2)
        #expect(BenchmarkBreakdown([Self.outcome("t1", .simple)]).splits == nil)
        let table = BenchmarkReportRenderer.categoryTable(both).text()
        #expect(table.contains("\n· dev "))
        #expect(table.contains("\n· test "))
    }
}
