import Support
import Testing
@testable import Shell

/// A program that cannot be started reads as the shell's one line, decided by swift-subprocess's error code.
@Suite("CommandRunner: programs that do not start")
struct CommandRunnerStartTests {
    @Test func aMissingProgramIsCommandNotFound() async {
        let run = await CommandRunner().capture(argv: ["k1-no-such-program-3f9a"])
        #expect(run.status == .failedToStart(.executableNotFound("k1-no-such-program-3f9a")))
        #expect(run.status.code == 127)
        if case .failedToStart(let why) = run.status { #expect(why.message == "k1-no-such-program-3f9a: command not found") }
    }

    @Test func aMissingPathIsCommandNotFound() async {
        let run = await CommandRunner().capture(argv: ["/nonexistent-k1/bin/tool"])
        #expect(run.status == .failedToStart(.executableNotFound("/nonexistent-k1/bin/tool")))
    }

    @Test func anotherFailureMentioningNotFoundKeepsItsReason() {
        struct Failure: Error, CustomStringConvertible { var description: String { "working directory not found" } }
        #expect(CommandRunner.startError(Failure(), program: "tool")
                == .launchFailed(executable: "tool", reason: "working directory not found"))
    }
}
