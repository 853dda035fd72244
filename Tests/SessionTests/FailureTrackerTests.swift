import Testing
@testable import Session

@Suite("FailureTracker")
struct FailureTrackerTests {
    @Test func keepsTheFailureAndClearsItOnSuccess() {
        var context = SessionContext()
        FailureTracker.apply(line: "kubectl get deploymnets", exitStatus: 1,
                             errorOutput: "\nerror: the server doesn't have a resource type \"deploymnets\"\n", to: &context)
        #expect(context.lastFailure == FailedCommand(command: "kubectl get deploymnets", exitStatus: 1,
                                                     errorLines: ["error: the server doesn't have a resource type \"deploymnets\""]))
        FailureTracker.apply(line: "kubectl get pods", exitStatus: 130, errorOutput: nil, to: &context)
        #expect(context.lastFailure?.command == "kubectl get deploymnets", "Ctrl-C is not a failure")
        FailureTracker.apply(line: "kubectl get pods | grep x", exitStatus: 2, errorOutput: nil, to: &context)
        #expect(context.lastFailure == FailedCommand(command: "kubectl get pods | grep x", exitStatus: 2, errorLines: []))
        FailureTracker.apply(line: "kubectl get deployments", exitStatus: 0, errorOutput: "", to: &context)
        #expect(context.lastFailure == nil)
    }
}

@Suite("ErrorTail")
struct ErrorTailTests {
    @Test func keepsTheLastTrimmedLines() {
        let text = (1...9).map { "  line \($0)  " }.joined(separator: "\n") + "\n\n"
        #expect(ErrorTail.lines(text) == ["line 6", "line 7", "line 8", "line 9"])
        #expect(ErrorTail.lines(String(repeating: "x ", count: 200)).first?.count == ErrorTail.maxLineLength + 1)
    }

    @Test func dropsLinesHoldingSecrets() {
        let text = """
        error: something failed
        token: abc123
        password=hunter2
        --from-literal=db-secret: value
        Authorization: Bearer abc
        eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9eyJpc3MiOiJrdWJlcm5ldGVzIn0
        Error from server (Forbidden): secrets is forbidden: User "dev" cannot list resource "secrets"
        """
        #expect(ErrorTail.lines(text, maxLines: 10) == [
            "error: something failed",
            "Error from server (Forbidden): secrets is forbidden: User \"dev\" cannot list resource \"secrets\"",
        ])
    }
}

@Suite(":context and the last failure")
struct FailureSummaryTests {
    @Test func theSummaryShowsTheLastFailureWithItsError() {
        var context = SessionContext()
        FailureTracker.apply(line: "kubectl get deploymnets", exitStatus: 1,
                             errorOutput: "error: the server doesn't have a resource type \"deploymnets\"", to: &context)
        let lines = ContextTracker.summary(context)
        #expect(lines.contains("last failed: kubectl get deploymnets (exit 1)"))
        #expect(lines.contains("  error: the server doesn't have a resource type \"deploymnets\""))
        #expect(!ContextTracker.summary(SessionContext()).contains { $0.hasPrefix("last failed") })
    }
}
