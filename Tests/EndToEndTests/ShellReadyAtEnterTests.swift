import Foundation
import Testing

/// A `?` request is answered while it is typed: at a pause the shell starts the answer, and Enter with the same text
/// takes it (marked "begun while typing"). Text changed after the pause and entered at
/// once is asked anew: the early answer, made for other text, is never shown. Real pty (tmux), real managed
/// llama-server with the smallest packaged model, real kubectl against the local test API server. Structure only.
@Suite("k1 shell: answers begun at pauses in typing", .serialized,
       .enabled(if: Prerequisites.k1InTerminal && ModelPrerequisites.available,
                "needs tmux, kubectl, a built k1, and K1_TEST_GGUF + K1_LLAMA_SERVER (./bootstrap test sets them)"),
       .timeLimit(.minutes(10)))
struct ShellReadyAtEnterTests {
    static let marker = "begun while typing"

    /// Types `text` one key at a time, `interval` apart, as a person does.
    static func type(_ text: String, into shell: K1ShellSession, interval: Duration = .milliseconds(40)) async throws {
        for character in text {
            try shell.tmux.sendKeys(String(character))
            try await Task.sleep(for: interval)
        }
    }

    @Test("a pause starts the answer and Enter takes it; text changed and entered at once is asked anew")
    func answersBegunWhileTyping() async throws {
        let fixture = try KubeFixture()
        let environment = try fixture.useSmallModel("warm_up: false\ntyping_pause_ms: 150\n")
        defer { fixture.stopModelServer(environment) }
        let shell = try await K1ShellSession(fixture: fixture, extraEnvironment: environment)

        // Typed with keys closer together than the pause: nothing is asked until the user stops.
        try await Self.type("?list the pods", into: shell)
        let clock = ContinuousClock()
        var deadline = clock.now + .seconds(240)
        while ShellRequestTests.modelCalls(fixture) == 0 && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(ShellRequestTests.modelCalls(fixture) >= 1, "the pause after typing started the answer before Enter")
        let typing = try shell.tmux.capture()
        #expect(K1ShellSession.typedText(typing) == "?list the pods", "the line was left as typed:\n\(typing)")
        // Enter takes the early answer, finished or still running.
        try shell.tmux.sendSpecial("Enter")
        let first = try await shell.tmux.waitUntil("the suggestion", timeout: .seconds(120)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl") == true
        }
        #expect(first.contains(Self.marker), "the answer begun while typing was used:\n\(first)")
        try shell.tmux.sendSpecial("C-c")
        try await shell.tmux.waitUntil("an empty prompt", timeout: .seconds(10)) { K1ShellSession.isIdle($0) }

        // A pause starts an answer for "?show services"; more text then follows and Enter comes at once, before any
        // pause: the early answer is for other text, so it is dropped and the final text asked anew.
        let before = ShellRequestTests.modelCalls(fixture)
        try await Self.type("?show services", into: shell)
        deadline = clock.now + .seconds(60)
        while ShellRequestTests.modelCalls(fixture) == before && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(ShellRequestTests.modelCalls(fixture) > before, "the pause started an answer")
        try shell.tmux.sendKeys(" in shop\r")
        let second = try await shell.tmux.waitUntil("the second suggestion", timeout: .seconds(120)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl") == true
        }
        let preview = second.components(separatedBy: "?show services in shop").last ?? second
        #expect(!preview.contains(Self.marker), "an answer begun for other text was shown:\n\(second)")
        try shell.tmux.sendSpecial("C-c")
        try await shell.tmux.waitUntil("an empty prompt", timeout: .seconds(10)) { K1ShellSession.isIdle($0) }
    }
}
