import Foundation
import KubectlKit
import Session
import Support
import Testing
@testable import Shell

@Suite("Capturing the failed command")
struct FailureCaptureTests {
    static let hasKubectl = FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl")

    @Test func standardErrorIsCapturedWhilePrinted() async {
        let outcome = await CommandRunner().run(argv: ["/bin/sh", "-c", "echo out; echo oops >&2; exit 3"],
                                                capture: true, captureError: true)
        #expect(outcome.status == .exited(3))
        #expect(outcome.captured == "out\n")
        #expect(outcome.capturedError == "oops\n")
        let plain = await CommandRunner().run(argv: ["/bin/sh", "-c", "echo oops >&2; exit 1"], capture: false,
                                              captureError: true)
        #expect(plain.capturedError == "oops\n")
        #expect(plain.captured == nil)
    }

    @Test func onlyLinesRunDirectlyAndNotOnATerminalCaptureErrors() {
        func plan(_ line: String) -> CommandPlan {
            guard case let .kubectl(line, words, usesShell) = ShellInput.classify(line) else { fatalError(line) }
            return CommandPlan.make(line: line, words: words, usesShell: usesShell, context: SessionContext())
        }
        #expect(plan("get pods").captureError)
        #expect(plan("exec web-0 -- ls").captureError)
        #expect(!plan("exec -it web-0 -- sh").captureError)
        #expect(!plan("edit deploy/web").captureError)
        #expect(!plan("get pods | grep web").captureError)
    }

    @Test("A failed kubectl line is kept with its error; a later success clears it",
          .enabled(if: hasKubectl, "needs /usr/bin/kubectl"))
    func keepsTheRealKubectlError() async throws {
        let exec = LineExecutor(context: SessionContext(), config: K1Config(), runner: CommandRunner(),
                                out: TerminalStyle(enabled: false), err: TerminalStyle(enabled: false))
        _ = await exec.execute(ShellInput.classify("get pods --sortby=.metadata.name"))
        let failure = try #require(exec.context.lastFailure)
        #expect(failure.command == "kubectl get pods --sortby=.metadata.name")
        #expect(failure.exitStatus == 1)
        #expect(failure.errorLines.first == "Error: unknown flag: --sortby")
        _ = await exec.execute(ShellInput.classify("version --client"))
        #expect(exec.context.lastFailure == nil)
    }
}
