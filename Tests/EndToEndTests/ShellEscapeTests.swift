import Foundation
import Testing

/// Control characters from outside never reach the terminal raw: a model (an OpenAI-compatible backend has no
/// grammar) that streams a window-title change, clear-screen and BEL shows them escaped in the status line, and its
/// answer is not a command: ⚠, nothing pre-filled. Real pty (tmux), whose pane title proves no OSC got through.
@Suite("k1 shell: escape sequences from a model never reach the terminal", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(2)))
struct ShellEscapeTests {
    @Test("streamed OSC/clear-screen/BEL show escaped in the status line; the answer is ⚠ and not pre-filled")
    func hostileStream() async throws {
        let fixture = try KubeFixture()
        let model = try HostileModelServer(directory: fixture.root)
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "provider: openai\nurl: http://127.0.0.1:\(model.port)\nmodel: hostile\ntimeout: 30\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let shell = try await K1ShellSession(fixture: fixture)
        let titleBefore = try shell.tmux.paneTitle()
        try await shell.run("get pods -n shop")

        try shell.tmux.sendKeys("?list the pods")
        try shell.tmux.sendSpecial("Enter")
        // The status line (spinner, "asking hostile…", the streamed text) shows the sequences as visible text.
        try await shell.tmux.waitUntil("the status line with the escaped stream", timeout: .seconds(30)) { screen in
            screen.split(separator: "\n").contains { $0.contains("asking") && $0.contains("^[]0;pwned^G") }
        }
        let done = try await shell.tmux.waitUntil("the answer to be refused", timeout: .seconds(30)) {
            $0.contains("control characters") && K1ShellSession.isIdle($0)
        }
        #expect(done.contains("⚠"), "\(done)")
        #expect(K1ShellSession.typedText(done) == "", "nothing is pre-filled:\n\(done)")
        #expect(done.contains("web-1"), "the screen was not cleared:\n\(done)")
        #expect(try shell.tmux.paneTitle() == titleBefore, "the window title changed")
        #expect(!(try shell.tmux.paneTitle()).contains("pwned"))
        #expect(model.completions >= 1)
        #expect(try await shell.quit() == 0)
    }
}
