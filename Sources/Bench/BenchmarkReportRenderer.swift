/// Renders a ``BenchmarkReport`` for people: per model a pass-rate line and a table by category, a comparison table
/// when several models ran, and optionally every miss with the expected and produced commands. Text for the terminal,
/// Markdown for `--markdown`. Pure.
public enum BenchmarkReportRenderer {
    /// The columns of the score tables.
    public static let scoreHeaders = ["cases", "exact", "semantic", "syntax", "p50", "p95", "mean", "new tok",
                                      "cached tok", "gen tok", "2nd"]

    /// The warning printed under the header when the machine was busy.
    public static let busyWarning = "⚠ load average above 1.0: other work shared the cores, so milliseconds are inflated; token counts and accuracy are not"

    /// The header, with ``busyWarning`` under it when the machine was busy.
    static func headerBlock(_ report: BenchmarkReport) -> String {
        report.machineWasBusy ? header(report) + "\n" + busyWarning : header(report)
    }

    /// The whole report as terminal text.
    public static func text(_ report: BenchmarkReport, misses: Bool = false) -> String {
        var blocks = [headerBlock(report)]
        for run in report.runs {
            blocks.append(runText(run))
        }
        if report.runs.count > 1 {
            blocks.append("Comparison (overall)\n" + comparisonTable(report.runs).text())
        }
        if misses {
            blocks.append(contentsOf: report.runs.filter { $0.failure == nil }.map(missesText))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The whole report as Markdown.
    public static func markdown(_ report: BenchmarkReport, misses: Bool = false) -> String {
        var blocks = ["# k1 bench", headerBlock(report)]
        for run in report.runs {
            blocks.append("## \(run.model)")
            blocks.append(setupLine(run))
            if let failure = run.failure {
                blocks.append("Not run: \(failure)")
                continue
            }
            blocks.append(passLine(run.breakdown))
            blocks.append(categoryTable(run.breakdown).markdown())
        }
        if report.runs.count > 1 {
            blocks.append("## Comparison (overall)")
            blocks.append(comparisonTable(report.runs).markdown())
        }
        if misses {
            for run in report.runs where run.failure == nil {
                blocks.append("## Misses: \(run.model) (\(run.misses.count))")
                blocks.append(run.misses.map(missMarkdown).joined(separator: "\n"))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `k1 bench · kubectl_benchmark.jsonl · 206 cases (split all) × 1 · cache off · kubectl v1.32.4`.
    public static func header(_ report: BenchmarkReport) -> String {
        let file = report.dataset.split(separator: "/").last.map(String.init) ?? report.dataset
        var parts = ["k1 bench", file, "\(report.cases) cases (split \(report.split.rawValue))"
                     + (report.repetitions > 1 ? " × \(report.repetitions)" : "")]
        if !report.categories.isEmpty { parts.append("categories " + report.categories.map(\.rawValue).joined(separator: ",")) }
        parts.append(report.cacheEnabled ? "cache on" : "cache off")
        parts.append(report.kubectlVersion.map { "kubectl \($0)" } ?? "syntax unscored (no kubectl)")
        if let cores = report.cpuCores {
            var machine = "\(cores) cores" + (report.loadAverage.map { String(format: ", load %.1f", $0) } ?? "")
            if let after = report.loadAverageAfter { machine += String(format: " → %.1f", after) }
            parts.append(machine)
        }
        if let typist = report.typist { parts.append("latency after Enter: \(typist)") }
        return parts.joined(separator: " · ")
    }

    /// One model's block: set-up line, pass line and category table (or why it did not run).
    public static func runText(_ run: BenchmarkRun) -> String {
        guard run.failure == nil else { return "\(setupLine(run))\nNot run: \(run.failure ?? "")" }
        return [setupLine(run), passLine(run.breakdown), "", categoryTable(run.breakdown).text()].joined(separator: "\n")
    }

    /// `qwen2.5-coder-1.5b · llamacpp · prompt k1-prompt-3 · temperature 0 · seed 42 · sha256 cc324af070c2`.
    public static func setupLine(_ run: BenchmarkRun) -> String {
        var parts = [run.model]
        if run.modelName != run.model { parts.append("as \(run.modelName)") }
        parts.append(run.backend)
        parts.append("prompt \(run.promptVersion)")
        parts.append("temperature \(run.temperature == 0 ? "0" : String(run.temperature))")
        parts.append("seed \(run.seed)")
        if !run.grammar { parts.append("no grammar") }
        if let examples = run.retrievedExamples { parts.append("\(examples) retrieved examples") }
        if let budget = run.exampleBudget, run.retrievedExamples != 0 { parts.append("within \(budget) characters") }
        if run.fixedExamples == false { parts.append("no fixed examples") }
        if run.fixAnswers == false { parts.append("no fixes") }
        if run.repair == false { parts.append("no repair") }
        if run.pruneFlags == false { parts.append("no pruning") }
        if let sha = run.modelSHA256 { parts.append("sha256 \(sha.prefix(12))") }
        if let warmup = run.warmupMilliseconds { parts.append("warm-up \(BenchmarkFormat.milliseconds(warmup))") }
        return parts.joined(separator: " · ")
    }

    /// `Pass rate: 87/100 (87%) · Avg latency: 420ms · simple: 48/50 · moderate: …`.
    public static func passLine(_ breakdown: BenchmarkBreakdown) -> String {
        let overall = breakdown.overall
        var parts = ["Pass rate: " + BenchmarkFormat.fraction(overall.semantic, of: overall.total),
                     "Avg latency: " + BenchmarkFormat.milliseconds(overall.latencyMean)]
        parts += breakdown.categories.map { "\($0.category.rawValue): \($0.summary.semantic)/\($0.summary.total)" }
        return parts.joined(separator: " · ")
    }

    /// Categories, `overall`, then the dev and test splits when the run had both and the voices when the dataset
    /// gives them, one row each.
    public static func categoryTable(_ breakdown: BenchmarkBreakdown) -> BenchmarkTable {
        let rows = breakdown.categories.map { scoreRow($0.category.rawValue, $0.summary) }
            + [scoreRow("overall", breakdown.overall)]
            + (breakdown.splits ?? []).map { scoreRow("· \($0.split.rawValue)", $0.summary) }
            + (breakdown.voices ?? []).map { scoreRow("· \($0.voice)", $0.summary) }
        return BenchmarkTable(headers: ["category"] + scoreHeaders, rows: rows)
    }

    /// One row per model that ran, overall scores.
    public static func comparisonTable(_ runs: [BenchmarkRun]) -> BenchmarkTable {
        let rows = runs.map { run in
            run.failure == nil ? scoreRow(run.model, run.breakdown.overall)
                               : [run.model, "not run"]
        }
        return BenchmarkTable(headers: ["model"] + scoreHeaders, rows: rows)
    }

    /// `label, cases, exact %, semantic %, syntax %, p50, p95, mean`, then the medians of new (evaluated) prompt tokens,
    /// cached prompt tokens and generated tokens, and how many requests asked for a second candidate.
    public static func scoreRow(_ label: String, _ summary: BenchmarkSummary) -> [String] {
        [label, String(summary.total), BenchmarkFormat.percent(summary.exactPercent),
         BenchmarkFormat.percent(summary.semanticPercent), BenchmarkFormat.percent(summary.syntaxValidPercent),
         BenchmarkFormat.milliseconds(summary.latencyP50), BenchmarkFormat.milliseconds(summary.latencyP95),
         BenchmarkFormat.milliseconds(summary.latencyMean), BenchmarkFormat.count(summary.newPromptTokensP50),
         BenchmarkFormat.count(summary.cachedPromptTokensP50), BenchmarkFormat.count(summary.generatedTokensP50),
         summary.secondCandidates.map(String.init) ?? "–"]
    }

    /// Every miss of one run with what was expected and what came out.
    public static func missesText(_ run: BenchmarkRun) -> String {
        let misses = run.misses
        guard !misses.isEmpty else { return "Misses: \(run.model): none" }
        let lines = misses.map { outcome in
            var entry = ["✗ \(outcome.id) [\(outcome.category.rawValue)] \(outcome.prompt)"]
            entry += outcome.expected.enumerated().map { index, command in
                (index == 0 ? "    expected: " : "          or: ") + command
            }
            entry.append("    produced: " + producedText(outcome))
            return entry.joined(separator: "\n")
        }
        return "Misses: \(run.model) (\(misses.count))\n" + lines.joined(separator: "\n")
    }

    /// The produced command with its syntax verdict when kubectl rejected it, or the error.
    public static func producedText(_ outcome: BenchmarkOutcome) -> String {
        guard let produced = outcome.produced else { return "(no command: \(outcome.error ?? "unknown error"))" }
        if let syntax = outcome.syntax, !syntax.valid {
            return produced + "   [syntax error: \(syntax.message.isEmpty ? syntax.reason.rawValue : syntax.message)]"
        }
        return produced
    }

    private static func missMarkdown(_ outcome: BenchmarkOutcome) -> String {
        let expected = outcome.expected.map { "`\($0)`" }.joined(separator: " or ")
        let produced = outcome.produced.map { "`\($0)`" } ?? "no command (\(outcome.error ?? "unknown error"))"
        var line = "- **\(outcome.id)** (\(outcome.category.rawValue)) \(outcome.prompt): expected \(expected), produced \(produced)"
        if let syntax = outcome.syntax, !syntax.valid, outcome.produced != nil {
            line += " — syntax error: \(syntax.message.isEmpty ? syntax.reason.rawValue : syntax.message)"
        }
        return line
    }
}
