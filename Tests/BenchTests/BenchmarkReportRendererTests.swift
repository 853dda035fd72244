import Foundation
import Testing
@testable import Translate
@testable import Bench

@Suite("BenchmarkReportRenderer and BenchmarkTable")
struct BenchmarkReportRendererTests {
    typealias O = BenchmarkSummaryTests

    static func run(model: String = "qwen2.5-coder-1.5b", failure: String? = nil) -> BenchmarkRun {
        let outcomes = failure != nil ? [] : [
            O.outcome("simple-001", .simple, exact: true, semantic: true, latency: 400),
            O.outcome("simple-002", .simple, semantic: true, latency: 420),
            BenchmarkOutcome(id: "context-003", category: .context, split: .dev, prompt: "delete the failing ones",
                             expected: ["kubectl delete pod a b", "kubectl delete pod b a"],
                             produced: "kubectl delete pod a --bogus", exact: false, semantic: false,
                             syntax: SyntaxOracleVerdict(valid: false, reason: .usageError, message: "unknown flag: --bogus"),
                             latencyMilliseconds: 900, promptTokens: 40, cachedPromptTokens: 900, generatedTokens: 14),
        ]
        return BenchmarkRun(model: model, modelName: model, backend: "llamacpp", modelSHA256: "cc324af070c2ecbfd324a308",
                            promptVersion: "k1-prompt-3", seed: 42, maxTokens: 80, grammar: true, warmupMilliseconds: 2500,
                            failure: failure, outcomes: outcomes)
    }

    static func report(_ runs: [BenchmarkRun]) -> BenchmarkReport {
        BenchmarkReport(k1Version: "0.1.0", createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                        dataset: "examples/benchmark/kubectl_benchmark.jsonl", datasetHash: "abc", split: .all,
                        categories: [], cases: 3, repetitions: 1, cacheEnabled: false, provider: "auto",
                        kubectlVersion: "v1.32.4", runs: runs)
    }

    @Test func tableAlignsColumns() {
        let table = BenchmarkTable(headers: ["name", "n"], rows: [["a", "1"], ["long name", "100"]])
        #expect(table.text() == """
        name         n
        a            1
        long name  100
        """)
        #expect(table.markdown() == """
        | name | n |
        | --- | ---: |
        | a | 1 |
        | long name | 100 |
        """)
    }

    @Test func tablePadsShortRowsAndEscapesPipes() {
        let table = BenchmarkTable(headers: ["a", "b", "c"], rows: [["x|y"]], leftAligned: [0, 2])
        #expect(table.markdown().hasSuffix("| x\\|y |  |  |"))
        #expect(table.text().split(separator: "\n").last == "x|y")
    }

    @Test func passLineMatchesTheSpecifiedShape() {
        let line = BenchmarkReportRenderer.passLine(Self.run().breakdown)
        #expect(line == "Pass rate: 2/3 (67%) · Avg latency: 573ms · simple: 2/2 · context: 0/1")
    }

    @Test func categoryTableHasEveryScoreAndOverall() {
        let text = BenchmarkReportRenderer.categoryTable(Self.run().breakdown).text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "category  cases  exact  semantic  syntax    p50    p95   mean  new tok  cached tok  gen tok  2nd")
        #expect(lines[1] == "simple        2  50.0%    100.0%  100.0%  410ms  419ms  410ms     20.0       800.0     10.0    –")
        #expect(lines[2] == "context       1   0.0%      0.0%    0.0%  900ms  900ms  900ms     40.0       900.0     14.0    –")
        #expect(lines[3].hasPrefix("overall       3  33.3%     66.7%   66.7%  420ms"))
    }

    @Test func reportTextHasHeaderRunsComparisonAndMisses() {
        let report = Self.report([Self.run(), Self.run(model: "smollm2-135m", failure: "model smollm2-135m is not installed")])
        let text = BenchmarkReportRenderer.text(report, misses: true)
        #expect(text.hasPrefix("k1 bench · kubectl_benchmark.jsonl · 3 cases (split all) · cache off · kubectl v1.32.4\n"))
        #expect(text.contains("qwen2.5-coder-1.5b · llamacpp · prompt k1-prompt-3 · temperature 0 · seed 42 · sha256 cc324af070c2 · warm-up 2500ms"))
        #expect(text.contains("Not run: model smollm2-135m is not installed"))
        #expect(text.contains("Comparison (overall)\nmodel "))
        #expect(text.contains("smollm2-135m        not run"))
        #expect(text.contains("""
        Misses: qwen2.5-coder-1.5b (1)
        ✗ context-003 [context] delete the failing ones
            expected: kubectl delete pod a b
                  or: kubectl delete pod b a
            produced: kubectl delete pod a --bogus   [syntax error: unknown flag: --bogus]
        """))
    }

    @Test func aBusyMachineIsFlaggedAndTheTypistNamed() {
        var report = Self.report([Self.run()])
        report.cpuCores = 2
        report.loadAverage = 0.4
        report.loadAverageAfter = 0.6
        #expect(!BenchmarkReportRenderer.text(report).contains(BenchmarkReportRenderer.busyWarning))
        #expect(BenchmarkReportRenderer.header(report).contains("2 cores, load 0.4 → 0.6"))
        report.loadAverageAfter = 1.7
        report.typist = Typist().summary
        let text = BenchmarkReportRenderer.text(report)
        #expect(text.contains("load 0.4 → 1.7 · latency after Enter: 8 keys/s, 300 ms before Enter, line seen 40 ms after a key, answer begun after 150 ms\n"
                              + BenchmarkReportRenderer.busyWarning + "\n"))
        #expect(BenchmarkReportRenderer.markdown(report).contains(BenchmarkReportRenderer.busyWarning))
    }

    @Test func secondCandidatesAreCounted() {
        var first = O.outcome("a", .simple, produced: "kubectl get pods")
        first.modelRequests = 2
        var second = O.outcome("b", .simple, produced: "kubectl get pods")
        second.modelRequests = 1
        let summary = BenchmarkSummary([first, second])
        #expect(summary.secondCandidates == 1)
        #expect(BenchmarkReportRenderer.scoreRow("x", summary).last == "1")
    }

    @Test func failedTranslationsShowTheError() {
        let outcome = O.outcome("x", .edge, produced: nil)
        #expect(BenchmarkReportRenderer.producedText(outcome) == "(no command: boom)")
    }

    @Test func markdownHasTablesPerModel() {
        let markdown = BenchmarkReportRenderer.markdown(Self.report([Self.run()]), misses: true)
        #expect(markdown.hasPrefix("# k1 bench\n"))
        #expect(markdown.contains("## qwen2.5-coder-1.5b"))
        #expect(markdown.contains("| category | cases | exact | semantic | syntax | p50 | p95 | mean | new tok | cached tok | gen tok | 2nd |"))
        #expect(markdown.contains("## Misses: qwen2.5-coder-1.5b (1)"))
        #expect(!markdown.contains("Comparison"))
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = Self.report([Self.run()])
        let decoded = try BenchmarkReport.decode(try report.jsonData())
        #expect(decoded == report)
        let text = String(decoding: try report.jsonData(), as: UTF8.self)
        #expect(text.contains("\"promptVersion\" : \"k1-prompt-3\""))
        #expect(text.contains("\"modelSHA256\" : \"cc324af070c2ecbfd324a308\""))
        #expect(text.contains("\"seed\" : 42"))
    }

    @Test func formatting() {
        #expect(BenchmarkFormat.percent(87.44) == "87.4%")
        #expect(BenchmarkFormat.percent(nil) == "-")
        #expect(BenchmarkFormat.milliseconds(419.6) == "420ms")
        #expect(BenchmarkFormat.milliseconds(12_345) == "12.3s")
        #expect(BenchmarkFormat.fraction(87, of: 100) == "87/100 (87%)")
        #expect(BenchmarkFormat.nanoseconds(85) == "85ns")
        #expect(BenchmarkFormat.nanoseconds(12_400) == "12.4µs")
        #expect(BenchmarkFormat.nanoseconds(3_210_000) == "3.21ms")
    }
}
