import Foundation
import KubectlKit
import Session
import Support

/// Options of `k1 replay`.
public struct ReplayOptions: Sendable, Equatable {
    /// Print what would run without running anything.
    public var dryRun = false
    /// Continue after a failing line.
    public var keepGoing = false
    /// Ask the model again for `?` lines even when the file records an answer.
    public var fresh = false
    /// Run translated `?` commands without asking.
    public var yes = false

    /// Creates options.
    public init(dryRun: Bool = false, keepGoing: Bool = false, fresh: Bool = false, yes: Bool = false) {
        self.dryRun = dryRun
        self.keepGoing = keepGoing
        self.fresh = fresh
        self.yes = yes
    }
}

/// Counts printed at the end of a replay.
public struct ReplaySummary: Sendable, Equatable {
    /// Lines that ran and succeeded or failed.
    public var ran = 0
    /// Lines that failed (non-zero exit or rejected).
    public var failed = 0
    /// Lines not run (dry run, unconfirmed `?` answers, lines after a failure).
    public var skipped = 0

    /// Creates a summary.
    public init(ran: Int = 0, failed: Int = 0, skipped: Int = 0) {
        self.ran = ran
        self.failed = failed
        self.skipped = skipped
    }

    /// `ran 3 · failed 1 · skipped 2`.
    public var line: String { "replay: ran \(ran) · failed \(failed) · skipped \(skipped)" }
}

/// Translates a `?` request without any terminal interaction (for replay).
public typealias ReplayTranslator = @Sendable (_ request: String, _ context: SessionContext) async throws -> String

/// Runs a session file non-interactively with the same executor as the shell.
public final class ReplayRunner: @unchecked Sendable {
    let file: SessionFile
    let executor: LineExecutor
    let options: ReplayOptions
    let translate: ReplayTranslator?
    let confirm: (@Sendable (String) -> Bool)?
    let style = TerminalStyle(fd: 1)

    /// Creates a runner.
    /// - Parameters:
    ///   - translate: asks the model for `?` lines (nil: only recorded answers can be used).
    ///   - confirm: asks the user on a terminal before running a translated command (nil: no terminal).
    public init(file: SessionFile, executor: LineExecutor, options: ReplayOptions, translate: ReplayTranslator?,
                confirm: (@Sendable (String) -> Bool)?) {
        self.file = file
        self.executor = executor
        self.options = options
        self.translate = translate
        self.confirm = confirm
    }

    /// Runs every entry and returns the counts (also printed).
    public func run() async -> ReplaySummary {
        InterruptGuard.install()
        var summary = ReplaySummary()
        var stopped = false
        for entry in file.entries {
            if stopped {
                summary.skipped += 1
                continue
            }
            let input = ShellInput.classify(entry.input)
            var toRun = input
            if case .request(let request) = input {
                guard let command = await answer(for: request, entry: entry) else {
                    summary.skipped += 1
                    continue
                }
                let verdict = ReplayAnswerCheck.check(command)
                let shown = TerminalText.escaped(command)
                if case .refused(let reason) = verdict {
                    let label = RiskLabel.render(RiskAssessment(risk: .unknown, reason: reason), style: style)
                    print("\(style.apply(.magenta, "?" + TerminalText.escaped(request))) → \(shown)  \(label)")
                    print(style.apply(.gray, "  skipped: only a single kubectl command runs from a session file"))
                    summary.skipped += 1
                    continue
                }
                let risk = RiskClassifier.classify(command)
                print("\(style.apply(.magenta, "?" + TerminalText.escaped(request))) → \(shown)  \(RiskLabel.render(risk, style: style))")
                if options.dryRun {
                    summary.skipped += 1
                    continue
                }
                let approved = options.yes || (confirm?(command) ?? false)
                guard approved else {
                    print(style.apply(.gray, "  skipped: \(confirm == nil ? "no terminal to confirm on; pass --yes to run" : "not confirmed")"))
                    summary.skipped += 1
                    continue
                }
                guard case .runnable(let checked) = verdict else { continue }
                toRun = checked
            }
            switch toRun {
            case .empty:
                continue
            case .meta:
                let result = await executor.execute(toRun)
                if result.rejected { summary.failed += 1; stopped = !options.keepGoing }
                if result.quit { stopped = true }
                continue
            default:
                break
            }
            if options.dryRun {
                if case .malformed(let reason) = toRun {
                    printError("k1 replay: line \(entry.lineNumber): \(reason)")
                    summary.failed += 1
                    stopped = !options.keepGoing
                    continue
                }
                if case .notKubectl(let first) = toRun {
                    printError("k1 replay: line \(entry.lineNumber): '\(first)' is not a kubectl command")
                    summary.failed += 1
                    stopped = !options.keepGoing
                    continue
                }
                let display: String
                if let plan = executor.plan(for: toRun) { display = plan.display }
                else if case .shell(let script) = toRun { display = "/bin/sh -c " + ShellWords.quote(script) }
                else { display = entry.input }
                print("would run: \(TerminalText.escaped(display))")
                summary.skipped += 1
                continue
            }
            print(style.apply(.gray, "▶ line \(entry.lineNumber): ") + TerminalText.escaped(entry.input))
            let result = await executor.execute(toRun)
            if result.rejected || result.status?.succeeded == false {
                summary.failed += 1
                if result.status != nil { summary.ran += 1 }
                if !options.keepGoing {
                    printError("k1 replay: line \(entry.lineNumber) failed; stopping (use --keep-going to continue)")
                    stopped = true
                }
            } else {
                summary.ran += 1
            }
        }
        print(summary.line)
        return summary
    }

    private func answer(for request: String, entry: SessionEntry) async -> String? {
        if !options.fresh, let recorded = entry.answer, !recorded.isEmpty { return recorded }
        if options.dryRun {
            // A dry run never calls the model (nor writes its cache).
            print("would ask: ?" + TerminalText.escaped(request))
            return nil
        }
        guard let translate else {
            print(style.apply(.gray, "?\(request) → skipped: no recorded answer and no model available"))
            return nil
        }
        do {
            return try await translate(request, executor.context)
        } catch {
            printError("k1 replay: line \(entry.lineNumber): \(error)")
            return nil
        }
    }
}

/// Renders a risk assessment as a coloured label.
public enum RiskLabel {
    /// `[read-only]` green, `[changes]` yellow, `[deletes]` red, `[unknown]` magenta.
    public static func render(_ assessment: RiskAssessment, style: TerminalStyle) -> String {
        switch assessment.risk {
        case .readOnly: style.apply(.green, "[read-only]")
        case .changes: style.apply(.yellow, "[changes: \(assessment.reason)]")
        case .deletes: style.apply(.boldRed, "[DELETES: \(assessment.reason)]")
        case .unknown: style.apply(.magenta, "[unknown: \(assessment.reason)]")
        }
    }
}
