import Foundation
import Testing

/// `k1 explain`, `:explain`, Alt-e on the edit line, and `?fix it` answered from kubectl's help: real pty, real
/// kubectl against the local API server, no model (the fix comes from the deterministic path).
@Suite("k1 shell: explain and fix", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(2)))
struct ShellExplainFixTests {
    /// A shell whose config keeps the model server from starting: nothing here may need it.
    static func shell(_ fixture: KubeFixture) async throws -> K1ShellSession {
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "warm_up: false\n".write(to: config, atomically: true, encoding: .utf8)
        return try await K1ShellSession(fixture: fixture)
    }

    @Test("?fix it after get deploymnets pre-fills kubectl get deployments; Alt-e explains it and gives the line back with the cursor in place")
    func fixThenExplainOnTheEditLine() async throws {
        let fixture = try KubeFixture()
        let shell = try await Self.shell(fixture)
        let failed = try await shell.run("get deploymnets")
        #expect(failed.contains("doesn't have a resource type \"deploymnets\""), "\(failed)")

        try shell.tmux.sendKeys("?fix it")
        try shell.tmux.sendSpecial("Enter")
        let suggested = try await shell.waitForTyped("kubectl get deployments")
        #expect(suggested.contains("kubectl's help"), "the preview names the path that answered:\n\(suggested)")
        #expect(suggested.contains("closest is deployments"), "\(suggested)")

        // Cursor three characters left of the end, then Alt-e (ESC e).
        for _ in 0..<3 { try shell.tmux.sendSpecial("Left") }
        let column = try #require(try shell.tmux.cursorColumn())
        try shell.tmux.sendSpecial("M-e")
        let explained = try await shell.tmux.waitUntil("the explanation and the line again") { screen in
            screen.contains("Display one or many resources.") && K1ShellSession.typedText(screen) == "kubectl get deployments"
        }
        #expect(explained.contains("TYPE: resource type deployments"), "\(explained)")
        #expect(explained.contains("[read-only]"), "\(explained)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try shell.tmux.cursorColumn() == column, "the cursor is where it was")
        // Typing lands at the cursor, so the line and the cursor are both as they were.
        try shell.tmux.sendKeys("Z")
        try await shell.waitForTyped("kubectl get deploymeZnts")
        try shell.tmux.sendSpecial("BSpace")
        try await shell.waitForTyped("kubectl get deployments")

        // Enter runs the suggestion, still waiting after the explanation.
        try shell.tmux.sendSpecial("Enter")
        try await shell.tmux.waitUntil("the prompt after the listing") {
            $0.contains("No resources found") && K1ShellSession.isIdle($0)
        }
        #expect(fixture.requested("/apis/apps/v1/namespaces/default/deployments"))
    }

    @Test(":explain over a waiting suggestion explains it and offers it again")
    func explainMetaKeepsTheSuggestion() async throws {
        let fixture = try KubeFixture()
        let shell = try await Self.shell(fixture)
        try await shell.run("get pods --sortby=.metadata.name")
        try shell.tmux.sendKeys("?fix it")
        try shell.tmux.sendSpecial("Enter")
        try await shell.waitForTyped("kubectl get pods --sort-by=.metadata.name")
        try shell.tmux.sendSpecial("C-a")
        try shell.tmux.sendSpecial("C-k")
        try shell.tmux.sendKeys(":explain")
        try shell.tmux.sendSpecial("Enter")
        let screen = try await shell.waitForTyped("kubectl get pods --sort-by=.metadata.name")
        #expect(screen.contains("--sort-by=.metadata.name"), "\(screen)")
        #expect(screen.contains("If non-empty, sort list types using this field specification"), "\(screen)")
    }

    @Test("?what does kubectl rollout undo do prints the explanation and pre-fills nothing")
    func questionAboutACommand() async throws {
        let fixture = try KubeFixture()
        let shell = try await Self.shell(fixture)
        let output = try await shell.run("?what does kubectl rollout undo deploy/web do")
        #expect(output.contains("Roll back to a previous rollout."), "\(output)")
        #expect(output.contains("TYPE/NAME: deployment web"), "\(output)")
        #expect(K1ShellSession.isIdle(try shell.tmux.capture()), "nothing is pre-filled")
    }

    @Test("k1 explain in a terminal: styled, the same text, exit 0")
    func explainInATerminal() async throws {
        let fixture = try KubeFixture()
        let tmux = try TmuxSession(command: [K1Binary.path, "explain", "-n", "shop", "kubectl rollout undo deploy/web --to-revision=2"],
                                   environment: fixture.environment)
        #expect(try await tmux.waitForExit() == 0)
        let screen = try tmux.capture()
        #expect(screen.contains("Roll back to a previous rollout."), "\(screen)")
        #expect(screen.contains("--to-revision=2"), "\(screen)")
        #expect(screen.contains("runs in: namespace shop (k1 adds -n shop)"), "\(screen)")
        #expect(try tmux.captureStyled().contains("\u{1B}["), "the risk label and flags are coloured on a terminal")
    }

    @Test("k1 explain prints the description, the flags, what is left out and the risk")
    func explainCommand() throws {
        let fixture = try KubeFixture()
        let result = try ProcessRunner.run(K1Binary.path, ["explain", "kubectl drain worker-3 --ignore-daemonsets"],
                                           environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Drain node in preparation for maintenance."))
        #expect(result.stdout.contains("NAME: node worker-3"))
        #expect(result.stdout.contains("Ignore DaemonSet-managed pods."))
        #expect(result.stdout.contains("--force=false"), "left out: --force\n\(result.stdout)")
        #expect(result.stdout.contains("DELETES"))
        let unknown = try ProcessRunner.run(K1Binary.path, ["explain", "kubectl gett pods"], environment: fixture.environment)
        #expect(unknown.stdout.contains("unknown command 'gett'; did you mean 'get'?"), "\(unknown.stdout)")
    }
}

/// `k1 ask --last-command … --last-error …` for scripts: the same fix path as `?fix it`.
@Suite("k1 ask: the last command", .enabled(if: Prerequisites.k1InTerminal, "needs kubectl, python3 and a built k1"))
struct AskLastCommandTests {
    @Test("fix it with a kubectl error answers from kubectl's help, without a model")
    func fixesFromTheError() throws {
        let fixture = try KubeFixture()
        let result = try ProcessRunner.run(K1Binary.path, [
            "ask", "--json", "--no-cache", "--last-command", "kubectl get deploymnets -n shop",
            "--last-error", "error: the server doesn't have a resource type \"deploymnets\"", "fix it",
        ], environment: fixture.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""command":"kubectl get deployments -n shop""#), "\(result.stdout)")
        #expect(result.stdout.contains(#""model":"kubectl's help""#), "\(result.stdout)")
        let usage = try ProcessRunner.run(K1Binary.path, ["ask", "--last-error", "x", "fix it"],
                                          environment: fixture.environment)
        #expect(usage.status != 0)
        #expect(usage.stderr.contains("--last-error needs --last-command"), "\(usage.stderr)")
    }
}
