import Testing
@testable import Shell

@Suite("Classifying input lines")
struct ShellInputTests {
    @Test("Meta, shell and request prefixes")
    func prefixes() {
        #expect(ShellInput.classify("  :ns shop ") == .meta(name: "ns", arguments: ["shop"]))
        #expect(ShellInput.classify(":HISTORY 5") == .meta(name: "history", arguments: ["5"]))
        #expect(ShellInput.classify("!ls -l | wc -l") == .shell("ls -l | wc -l"))
        #expect(ShellInput.classify("? restart the failing ones ") == .request("restart the failing ones"))
        #expect(ShellInput.classify("?") == .request(""))
        #expect(ShellInput.classify("   ") == .empty)
    }

    @Test("A bare kubectl verb gets kubectl prepended; kubectl lines stay as typed")
    func kubectlLines() {
        #expect(ShellInput.classify("get pods -n x") == .kubectl(line: "kubectl get pods -n x", words: ["kubectl", "get", "pods", "-n", "x"], usesShell: false))
        #expect(ShellInput.classify("kubectl logs web-0") == .kubectl(line: "kubectl logs web-0", words: ["kubectl", "logs", "web-0"], usesShell: false))
        #expect(ShellInput.classify("-n shop get pods") == .kubectl(line: "kubectl -n shop get pods", words: ["kubectl", "-n", "shop", "get", "pods"], usesShell: false))
        #expect(ShellInput.classify("rollout restart deploy/web") == .kubectl(line: "kubectl rollout restart deploy/web", words: ["kubectl", "rollout", "restart", "deploy/web"], usesShell: false))
    }

    @Test("Pipes and substitutions mark the line for the shell")
    func shellSyntax() {
        guard case let .kubectl(line, _, usesShell) = ShellInput.classify("get pods | grep web") else {
            Issue.record("not a kubectl line")
            return
        }
        #expect(line == "kubectl get pods | grep web")
        #expect(usesShell)
    }

    @Test("Unknown first words and broken quoting are rejected, not run")
    func rejected() {
        #expect(ShellInput.classify("ls -l") == .notKubectl(firstWord: "ls"))
        if case .malformed = ShellInput.classify("get pods -l 'app=web") {} else { Issue.record("expected malformed") }
    }

    @Test("exit, quit and clear alone are meta commands")
    func aliases() {
        #expect(ShellInput.classify("exit") == .meta(name: "quit", arguments: []))
        #expect(ShellInput.classify("quit") == .meta(name: "quit", arguments: []))
        #expect(ShellInput.classify("clear") == .meta(name: "clear", arguments: []))
    }

    @Test("Meta command names resolve with aliases")
    func metaNames() {
        #expect(MetaCommand.named("q") == .quit)
        #expect(MetaCommand.named("namespace") == .ns)
        #expect(MetaCommand.named("bogus") == nil)
        #expect(MetaCommand.typedNames.contains(":context"))
    }
}
