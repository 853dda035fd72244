import Foundation
import Session
import Support
import Testing
@testable import Shell

@Suite("Executing lines against the session context")
struct LineExecutorTests {
    func executor(_ runner: RecordingRunner) -> LineExecutor {
        LineExecutor(context: SessionContext(kubeconfigContext: "kc", kubeconfigNamespace: "kn"), config: K1Config(),
                     runner: runner, out: TerminalStyle(enabled: false), err: TerminalStyle(enabled: false))
    }

    @Test(":ns and :ctx set and reset the session values; kubectl lines pick them up")
    func namespaceAndContext() async {
        let runner = RecordingRunner()
        let exec = executor(runner)
        _ = await exec.execute(.meta(name: "ns", arguments: ["shop"]))
        _ = await exec.execute(.meta(name: "ctx", arguments: ["prod"]))
        _ = await exec.execute(ShellInput.classify("get pods"))
        #expect(runner.ran.last == "kubectl get pods --context prod -n shop")
        _ = await exec.execute(.meta(name: "ns", arguments: ["-"]))
        #expect(exec.context.namespace == nil)
        #expect(exec.context.effectiveNamespace == "kn")
    }

    @Test("An unknown meta command is rejected; :quit asks to leave")
    func metaResults() async {
        let exec = executor(RecordingRunner())
        #expect(await exec.execute(.meta(name: "bogus", arguments: [])).rejected)
        #expect(await exec.execute(.meta(name: "quit", arguments: [])).quit)
    }

    @Test("Exit statuses come back as shell-style codes")
    func statuses() async {
        let runner = RecordingRunner()
        runner.statuses = ["exit 3": 3]
        let exec = executor(runner)
        let result = await exec.execute(.shell("exit 3"))
        #expect(result.code == 3)
        #expect(ExitStatus.signaled(2).code == 130)
        #expect(ExitStatus.failedToStart(.emptyCommand).code == 127)
    }

    @Test("A describe selects the object in the session context")
    func tracksSelection() async {
        let exec = executor(RecordingRunner())
        _ = await exec.execute(ShellInput.classify("describe deploy/web -n shop"))
        #expect(exec.context.selection == ObjectSelection(resource: "deployments", name: "web", namespace: "shop"))
        #expect(exec.context.lastResource == "deployments")
    }
}

@Suite(":explain")
struct ExplainMetaTests {
    @Test(":explain needs a command until one has run, then explains the last one")
    func explainsTheLastCommand() async {
        let exec = LineExecutor(context: SessionContext(), config: K1Config(), runner: RecordingRunner(),
                                out: TerminalStyle(enabled: false), err: TerminalStyle(enabled: false))
        #expect(await exec.execute(.meta(name: "explain", arguments: [])).rejected)
        #expect(!(await exec.execute(.meta(name: "explain", arguments: ["rollout", "undo", "deploy/web"])).rejected))
        _ = await exec.execute(ShellInput.classify("get pods -n shop"))
        #expect(exec.lastCommandLine == "kubectl get pods -n shop")
        #expect(!(await exec.execute(.meta(name: "explain", arguments: [])).rejected))
        #expect(exec.explainMeta(":explain", suggestion: "kubectl get pods"))
        #expect(!exec.explainMeta(":ns shop", suggestion: "kubectl get pods"))
    }
}
