import Foundation
import Testing

/// History keeps no secrets and no lines typed after a space, lives in private files, and a history file that cannot
/// be used is reported once, not after every line.
@Suite("k1 shell: private history", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(2)))
struct ShellHistoryPrivacyTests {
    /// A config whose backend is a closed port, so `?` lines fail at once without a model.
    func writeConfig(_ fixture: KubeFixture) throws {
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "provider: openai\nurl: http://127.0.0.1:1\nmodel: none\ntimeout: 5\n".write(to: config, atomically: true, encoding: .utf8)
    }

    func mode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("a secret value and a line starting with a space never reach the history file; it is 0600 in a 0700 dir")
    func secretsAndSpaceLinesStayOut() async throws {
        let fixture = try KubeFixture()
        try writeConfig(fixture)
        let record = fixture.root.appendingPathComponent("session.k1")
        let shell = try await K1ShellSession(fixture: fixture, arguments: ["shell", "--record", record.path])
        try await shell.run("?create secret generic db --from-literal=password=hunter2")
        try await shell.run("kubectl create secret generic db --from-literal=password=hunter2 --dry-run=client")
        try await shell.run(" get pods -n shop")
        try await shell.run("get nodes")
        #expect(try await shell.quit() == 0)

        let state = fixture.root.appendingPathComponent("xdg/state/k1")
        let history = try String(contentsOf: state.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains("get nodes"), "\(history)")
        #expect(!history.contains("hunter2"), "\(history)")
        #expect(!history.contains("get pods -n shop"), "\(history)")
        #expect(try mode(state.appendingPathComponent("history")) == 0o600)
        #expect(try mode(state.appendingPathComponent("history.lock")) == 0o600)
        #expect(try mode(state) == 0o700)
        #expect(try mode(record) == 0o600, "a --record file is private too")
    }

    @Test("a history file k1 cannot write is reported once, however many lines follow")
    func historyNotSavedOnce() async throws {
        let fixture = try KubeFixture()
        let state = fixture.root.appendingPathComponent("xdg/state/k1")
        // A directory where the file should be: unusable even for root.
        try FileManager.default.createDirectory(at: state.appendingPathComponent("history"), withIntermediateDirectories: true)
        let shell = try await K1ShellSession(fixture: fixture)
        try await shell.run("get nodes")
        try await shell.run("get pods -n shop")
        try await shell.run("get deploy -n shop")
        let screen = try shell.tmux.capture()
        #expect(screen.components(separatedBy: "history not saved").count - 1 == 1, "\(screen)")
        #expect(try await shell.quit() == 0)
    }
}
