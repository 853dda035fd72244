import Testing

/// History survives a restart of k1 with the same HOME and XDG directories.
@Suite("k1 shell: history", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellHistoryTests {
    @Test("a line from the previous session comes back with Up and is listed by :history")
    func historyAcrossSessions() async throws {
        let fixture = try KubeFixture()
        let first = try await K1ShellSession(fixture: fixture)
        try await first.run("get pods -n shop")
        let status = try await first.quit()
        #expect(status == 0)
        first.tmux.kill()

        let second = try await K1ShellSession(fixture: fixture)
        try second.tmux.sendSpecial("Up")
        try await second.waitForTyped("get pods -n shop")
        try second.tmux.sendSpecial("C-a")
        try second.tmux.sendSpecial("C-k")
        try await second.waitForTyped("")
        let history = try await second.run(":history")
        #expect(history.contains("get pods -n shop"), "\(history)")
    }
}
