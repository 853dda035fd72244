import Testing

/// Leaving k1.
@Suite("k1 shell: exit", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellExitTests {
    @Test("Ctrl-D on an empty line exits with status 0")
    func controlD() async throws {
        let shell = try await K1ShellSession(fixture: try KubeFixture())
        try shell.tmux.sendSpecial("C-d")
        let status = try await shell.tmux.waitForExit()
        #expect(status == 0)
    }

    @Test(":quit exits with status 0")
    func quit() async throws {
        let shell = try await K1ShellSession(fixture: try KubeFixture())
        let status = try await shell.quit()
        #expect(status == 0)
    }
}
