import Testing

/// Ctrl-C while a child runs stops the child, not k1.
@Suite("k1 shell: Ctrl-C", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellInterruptTests {
    @Test("Ctrl-C during `!sleep 30` kills the sleep; k1 survives and runs the next line")
    func interruptChild() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let k1 = try #require(try shell.tmux.panePID())
        let sleeping = { ProcessTree.descendants(of: k1).filter { $0.name == "sleep" } }
        let promptsBefore = K1ShellSession.promptIndices(try shell.tmux.capture()).count

        try shell.tmux.sendKeys("!sleep 30")
        try shell.tmux.sendSpecial("Enter")
        try await Poll.until("sleep to run under k1", timeout: .seconds(10)) { sleeping().isEmpty ? nil : true }
        try shell.tmux.sendSpecial("C-c")
        try await shell.tmux.waitUntil("a new prompt after Ctrl-C", timeout: .seconds(10)) {
            K1ShellSession.promptIndices($0).count > promptsBefore && K1ShellSession.isIdle($0)
        }
        #expect(sleeping().isEmpty, "sleep still runs: \(sleeping())")
        #expect(try shell.tmux.exitStatus() == nil, "k1 exited")

        let next = try await shell.run("!echo after-$((1+1))")
        #expect(next.contains("after-2"), "\(next)")
    }
}
