import Foundation
import Testing

/// The model and server the `?` tests use: the small packaged model and the real llama-server.
enum ModelPrerequisites {
    /// `K1_TEST_GGUF`: the SmolLM2-135M GGUF the test command installs.
    static let gguf = ProcessInfo.processInfo.environment["K1_TEST_GGUF"].flatMap {
        FileManager.default.fileExists(atPath: $0) ? $0 : nil
    }
    /// `K1_LLAMA_SERVER`: the llama-server binary the test command installs.
    static let server = ProcessInfo.processInfo.environment["K1_LLAMA_SERVER"].flatMap {
        FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
    }
    /// Both are there.
    static let available = gguf != nil && server != nil
}

/// `?` requests end to end: real pty, real managed llama-server with the smallest packaged model, real kubectl.
/// Checks structure only (the small model's wording is not the point): a pre-filled line that starts with `kubectl`,
/// Ctrl-C discards it, Enter runs the line as edited, and the edit comes back from the cache (⚡) with no model call.
@Suite("k1 shell: ? requests against the real llama-server", .serialized,
       .enabled(if: Prerequisites.k1InTerminal && ModelPrerequisites.available,
                "needs tmux, kubectl, a built k1, and K1_TEST_GGUF + K1_LLAMA_SERVER (./bootstrap test sets them)"),
       .timeLimit(.minutes(10)))
struct ShellRequestTests {
    /// Completions the server has started, counted from its log (one `launch_slot_` line per request).
    static func modelCalls(_ fixture: KubeFixture) -> Int {
        let log = fixture.root.appendingPathComponent("xdg/state/k1/server.log")
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "launch_slot_").count - 1
    }

    @Test("?list pods pre-fills a kubectl line; Ctrl-C drops it; an edited answer runs and comes back as a ⚡ hit with no model call")
    func requestFlow() async throws {
        let fixture = try KubeFixture()
        let environment = try fixture.useSmallModel()
        defer { fixture.stopModelServer(environment) }
        let shell = try await K1ShellSession(fixture: fixture, extraEnvironment: environment)

        // Start-up readies the model in the background (warm_up): the server starts and reads the prompt's fixed
        // part before any `?`, silently, leaving the prompt alone.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(240)
        while Self.modelCalls(fixture) == 0 && clock.now < deadline { try await Task.sleep(for: .milliseconds(250)) }
        #expect(Self.modelCalls(fixture) >= 1, "the warm-up reached the server before any ? request")
        let idle = try shell.tmux.capture()
        #expect(K1ShellSession.isIdle(idle) && !idle.contains("loading model"), "the warm-up printed nothing:\n\(idle)")

        try shell.tmux.sendKeys("?list pods")
        try shell.tmux.sendSpecial("Enter")
        let first = try await shell.tmux.waitUntil("a pre-filled kubectl line", timeout: .seconds(300)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl") == true
        }
        #expect(!first.contains("⚡"), "a first request cannot be a cache hit")
        #expect(first.contains("[read-only]") || first.contains("[changes") || first.contains("[DELETES")
                || first.contains("[unknown"), "the preview line carries a risk label:\n\(first)")
        #expect(Self.modelCalls(fixture) >= 1, "the model was asked")

        // Ctrl-C discards the suggestion: nothing runs, an empty prompt comes back.
        let requestsBefore = fixture.requests().count
        try shell.tmux.sendSpecial("C-c")
        try await shell.tmux.waitUntil("an empty prompt after Ctrl-C", timeout: .seconds(10)) { K1ShellSession.isIdle($0) }
        #expect(fixture.requests().count == requestsBefore, "a discarded suggestion must not run")

        // Asked again, then edited before running: the edit runs exactly as typed and becomes the cached answer.
        try shell.tmux.sendKeys("?list pods")
        try shell.tmux.sendSpecial("Enter")
        try await shell.tmux.waitUntil("the second suggestion", timeout: .seconds(300)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl") == true
        }
        try shell.tmux.sendSpecial("C-a")
        try shell.tmux.sendSpecial("C-k")
        try await shell.waitForTyped("")
        try await shell.run("kubectl get pods -n shop")
        #expect(fixture.requested("/api/v1/namespaces/shop/pods"), "the edited command ran")

        // The same request once more: the learned answer from the cache, marked ⚡, with no new completion.
        let calls = Self.modelCalls(fixture)
        try shell.tmux.sendKeys("?list pods")
        try shell.tmux.sendSpecial("Enter")
        let cached = try await shell.tmux.waitUntil("the cached suggestion", timeout: .seconds(30)) {
            K1ShellSession.typedText($0) == "kubectl get pods -n shop"
        }
        #expect(cached.contains("⚡"), "a cache hit is marked:\n\(cached)")
        #expect(Self.modelCalls(fixture) == calls, "a cache hit must not call the model")
        try shell.tmux.sendSpecial("C-c")
        try await shell.tmux.waitUntil("an empty prompt", timeout: .seconds(10)) { K1ShellSession.isIdle($0) }
        let history = try await shell.run(":history")
        #expect(history.contains("?list pods"), "\(history)")
        #expect(history.contains("kubectl get pods -n shop"), "\(history)")
    }
}
