import Foundation
import Session
import Support
import Testing
@testable import Shell

/// Records what would have been spawned and answers with scripted statuses (the spawning itself is covered end to end).
final class RecordingRunner: CommandRunning, @unchecked Sendable {
    var ran: [String] = []
    var statuses: [String: Int32] = [:]

    func run(argv: [String], capture: Bool) async -> RunOutcome {
        let line = argv.joined(separator: " ")
        ran.append(line)
        return RunOutcome(status: .exited(statuses.first { line.contains($0.key) }?.value ?? 0), captured: capture ? "" : nil)
    }

    func runShell(_ script: String) async -> RunOutcome {
        ran.append("sh: " + script)
        return RunOutcome(status: .exited(statuses.first { script.contains($0.key) }?.value ?? 0))
    }
}

@Suite("Replaying session files")
struct ReplayRunnerTests {
    func replay(_ text: String, options: ReplayOptions = ReplayOptions(), runner: RecordingRunner,
                translate: ReplayTranslator? = nil, confirm: (@Sendable (String) -> Bool)? = nil) async throws -> ReplaySummary {
        let file = try SessionFileParser.parse(text, source: "test.k1")
        let executor = LineExecutor(context: SessionContext(), config: K1Config(), runner: runner,
                                    out: TerminalStyle(enabled: false), err: TerminalStyle(enabled: false))
        return await ReplayRunner(file: file, executor: executor, options: options, translate: translate, confirm: confirm).run()
    }

    @Test("Plain lines run in order, meta lines change the context for later lines")
    func runsLines() async throws {
        let runner = RecordingRunner()
        let summary = try await replay("get pods\n:ns shop\nget deploy\n!echo hi\n", runner: runner)
        #expect(runner.ran == ["kubectl get pods", "kubectl get deploy -n shop", "sh: echo hi"])
        #expect(summary == ReplaySummary(ran: 3, failed: 0, skipped: 0))
    }

    @Test("Stops at the first failing line unless --keep-going")
    func stopsOnFailure() async throws {
        let runner = RecordingRunner()
        runner.statuses = ["nosuch": 1]
        let summary = try await replay("get pods\nget pods -n nosuch\nget nodes\n", runner: runner)
        #expect(runner.ran == ["kubectl get pods", "kubectl get pods -n nosuch"])
        #expect(summary == ReplaySummary(ran: 2, failed: 1, skipped: 1))

        let again = RecordingRunner()
        again.statuses = ["nosuch": 1]
        let kept = try await replay("get pods\nget pods -n nosuch\nget nodes\n", options: ReplayOptions(keepGoing: true), runner: again)
        #expect(again.ran.count == 3)
        #expect(kept == ReplaySummary(ran: 3, failed: 1, skipped: 0))
    }

    @Test("A rejected line counts as a failure")
    func rejectedLine() async throws {
        let runner = RecordingRunner()
        let summary = try await replay("ls -l\nget pods\n", runner: runner)
        #expect(runner.ran.isEmpty)
        #expect(summary.failed == 1)
        #expect(summary.skipped == 1)
    }

    @Test("--dry-run runs nothing")
    func dryRun() async throws {
        let runner = RecordingRunner()
        let summary = try await replay(":ns shop\nget pods\n!rm -rf /tmp/x\n", options: ReplayOptions(dryRun: true), runner: runner)
        #expect(runner.ran.isEmpty)
        #expect(summary == ReplaySummary(ran: 0, failed: 0, skipped: 2))
    }

    @Test("? lines use the recorded answer and run only with --yes")
    func requestsNeedConsent() async throws {
        let text = "?delete the failing ones\n#> answer: kubectl delete pod web-1 -n shop\n"
        let unconfirmed = RecordingRunner()
        let skipped = try await replay(text, runner: unconfirmed)
        #expect(unconfirmed.ran.isEmpty)
        #expect(skipped.skipped == 1)

        let confirmed = RecordingRunner()
        let ran = try await replay(text, options: ReplayOptions(yes: true), runner: confirmed)
        #expect(confirmed.ran == ["kubectl delete pod web-1 -n shop"])
        #expect(ran.ran == 1)

        let declined = RecordingRunner()
        _ = try await replay(text, runner: declined, confirm: { _ in false })
        #expect(declined.ran.isEmpty)
    }

    @Test("--fresh asks the translator instead of the recorded answer; no answer and no model is a skip")
    func freshAsksTranslator() async throws {
        let text = "?list pods\n#> answer: kubectl get pods -A\n"
        let runner = RecordingRunner()
        _ = try await replay(text, options: ReplayOptions(fresh: true, yes: true), runner: runner,
                             translate: { _, _ in "kubectl get pods" })
        #expect(runner.ran == ["kubectl get pods"])

        let none = RecordingRunner()
        let summary = try await replay("?list pods\n", options: ReplayOptions(yes: true), runner: none)
        #expect(none.ran.isEmpty)
        #expect(summary.skipped == 1)
    }
}
