import Foundation
import Session
import Support
import Synchronization
import Testing
@testable import Shell

/// A session file is untrusted input: a recorded answer runs only as one kubectl command without a shell, and a dry
/// run neither runs nor asks anything.
@Suite("Replay: recorded answers are untrusted")
struct ReplayHardeningTests {
    func replay(_ text: String, options: ReplayOptions, runner: RecordingRunner,
                translate: ReplayTranslator? = nil) async throws -> ReplaySummary {
        let file = try SessionFileParser.parse(text, source: "test.k1")
        let executor = LineExecutor(context: SessionContext(), config: K1Config(), runner: runner,
                                    out: TerminalStyle(enabled: false), err: TerminalStyle(enabled: false))
        return await ReplayRunner(file: file, executor: executor, options: options, translate: translate,
                                  confirm: nil).run()
    }

    @Test("answers with pipes, $(…), ;, !cmd or :meta never run, even with --yes", arguments: [
        "kubectl get secret db -o yaml | tee /tmp/stolen",
        "kubectl get pods $(touch /tmp/pwned)",
        "kubectl get pods; rm -rf /tmp/x",
        "!rm -rf /tmp/x",
        ":quit",
        "get pods `id`",
        "kubectl get pods 'unterminated",
        "kubectl get pods\u{1B}]0;title\u{7}",
    ])
    func refusedAnswers(answer: String) async throws {
        let runner = RecordingRunner()
        let text = "?show the pods\n#> answer: \(answer)\nget nodes\n"
        let summary = try await replay(text, options: ReplayOptions(yes: true), runner: runner)
        #expect(runner.ran == ["kubectl get nodes"], "only the plain line ran, never the answer \(answer)")
        #expect(summary == ReplaySummary(ran: 1, failed: 0, skipped: 1))
    }

    @Test("a single kubectl answer still runs with --yes, as an argument vector")
    func kubectlAnswerRuns() async throws {
        let runner = RecordingRunner()
        let summary = try await replay("?delete it\n#> answer: kubectl delete pod web-1 -n shop\n",
                                       options: ReplayOptions(yes: true), runner: runner)
        #expect(runner.ran == ["kubectl delete pod web-1 -n shop"])
        #expect(summary.ran == 1)
    }

    @Test("--dry-run rejects a line with an unterminated quote like a real run does")
    func dryRunRejectsMalformed() async throws {
        let runner = RecordingRunner()
        let summary = try await replay("get pods -l 'app=web\nget nodes\n", options: ReplayOptions(dryRun: true),
                                       runner: runner)
        #expect(runner.ran.isEmpty)
        #expect(summary.failed == 1)
        #expect(summary.skipped == 1)
    }

    @Test("--dry-run never asks the model: a ? line without an answer is only reported")
    func dryRunNeverAsks() async throws {
        let asked = Mutex(0)
        let runner = RecordingRunner()
        let summary = try await replay("?list pods\n", options: ReplayOptions(dryRun: true, fresh: true), runner: runner,
                                       translate: { _, _ in
                                           asked.withLock { $0 += 1 }
                                           return "kubectl get pods"
                                       })
        #expect(asked.withLock { $0 } == 0)
        #expect(runner.ran.isEmpty)
        #expect(summary.skipped == 1)
    }
}

@Suite("ReplayAnswerCheck")
struct ReplayAnswerCheckTests {
    @Test("a plain kubectl command is runnable; anything else is refused")
    func verdicts() {
        guard case .runnable = ReplayAnswerCheck.check("kubectl scale deploy/web --replicas=3 -n shop") else {
            Issue.record("a kubectl command must be runnable")
            return
        }
        for answer in ["get pods | grep x", "kubectl get pods && id", "kubectl get pods > /tmp/x", "sh -c id",
                       "kubectl get pods\nid", "", "   "] {
            guard case .refused = ReplayAnswerCheck.check(answer) else {
                Issue.record("\(answer) must be refused")
                continue
            }
        }
    }
}
