import Foundation
import Testing

/// A suggestion is confirmed only by an Enter pressed after it appeared: keys typed ahead (a request and two Enters in
/// one write, answered from the cache in a millisecond) and pasted blocks with line breaks never run it. Real pty
/// (tmux), real kubectl against the local test API server, whose request log proves that nothing ran; the cached
/// answer comes from the real llama-server once (an edited suggestion becomes the cached answer).
@Suite("k1 shell: typed-ahead keys and pastes never confirm a suggestion", .serialized,
       .enabled(if: Prerequisites.k1InTerminal && ModelPrerequisites.available,
                "needs tmux, kubectl, a built k1, and K1_TEST_GGUF + K1_LLAMA_SERVER (./bootstrap test sets them)"),
       .timeLimit(.minutes(10)))
struct ShellTypeAheadTests {
    static let request = "?list pods in shop"
    static let answer = "kubectl get pods -n shop"
    static let iterations = 50

    /// Requests that reached the test API server for the pods of `shop`: one per run of the answer.
    static func podListings(_ fixture: KubeFixture) -> Int {
        fixture.requests().filter { $0.contains("/api/v1/namespaces/shop/pods") }.count
    }

    @Test("request + Enter + Enter in one write, 50 times, and a pasted multi-line block, 50 times: nothing runs")
    func typedAheadAndPasted() async throws {
        let fixture = try KubeFixture()
        let environment = try fixture.useSmallModel("threads: 1\n")
        defer { fixture.stopModelServer(environment) }
        let shell = try await K1ShellSession(fixture: fixture, extraEnvironment: environment)

        // The cached answer: the model's suggestion, replaced by the user's edit, which runs once and is learned.
        try shell.tmux.sendKeys(Self.request)
        try shell.tmux.sendSpecial("Enter")
        try await shell.tmux.waitUntil("a suggestion", timeout: .seconds(300)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl") == true
        }
        try await Task.sleep(for: .milliseconds(300))
        try shell.tmux.sendSpecial("C-a")
        try shell.tmux.sendSpecial("C-k")
        try await shell.waitForTyped("")
        try await shell.run(Self.answer)
        #expect(Self.podListings(fixture) == 1, "the edited answer ran once")

        // Typed ahead: the request and two Enters in one write. The second Enter arrives before the suggestion
        // is drawn; it must be discarded, never confirm it.
        for iteration in 1...Self.iterations {
            let hits = try shell.tmux.capture().components(separatedBy: "⚡").count
            try shell.tmux.sendKeys(Self.request + "\r\r")
            // The suggestion is on the edit line (or, were the second Enter taken, it ran and a prompt came back).
            try await shell.tmux.waitUntil("cached suggestion #\(iteration)", timeout: .seconds(30)) {
                $0.components(separatedBy: "⚡").count > hits
                    && (K1ShellSession.typedText($0) == Self.answer || K1ShellSession.isIdle($0))
            }
            try shell.tmux.sendSpecial("C-c")
            try await shell.tmux.waitUntil("an empty prompt after #\(iteration)", timeout: .seconds(10)) {
                K1ShellSession.isIdle($0)
            }
            let listings = Self.podListings(fixture)
            #expect(listings == 1, "typed-ahead iteration \(iteration) ran the suggestion")
            if listings != 1 { break }
        }

        // Pasted: a `?` line and a command line, each ending in a line break. The paste lands on the edit line as
        // text; nothing is submitted, nothing runs.
        let requestsBefore = fixture.requests().count
        for iteration in 1...Self.iterations {
            try shell.tmux.paste(Self.request + "\n" + Self.answer + "\n")
            let screen = try await shell.tmux.waitUntil("paste #\(iteration) on the edit line", timeout: .seconds(10)) {
                K1ShellSession.typedText($0) == Self.request + " " + Self.answer || fixture.requests().count > requestsBefore
            }
            #expect(K1ShellSession.typedText(screen) == Self.request + " " + Self.answer,
                    "paste #\(iteration) was inserted as one line:\n\(screen)")
            try shell.tmux.sendSpecial("C-c")
            try await shell.tmux.waitUntil("an empty prompt after paste #\(iteration)", timeout: .seconds(10)) {
                K1ShellSession.isIdle($0)
            }
            let requests = fixture.requests().count
            #expect(requests == requestsBefore, "paste iteration \(iteration) ran something")
            if requests != requestsBefore { break }
        }

        // A deliberate Enter on the suggestion still runs it.
        try shell.tmux.sendKeys(Self.request)
        try shell.tmux.sendSpecial("Enter")
        try await shell.waitForTyped(Self.answer, timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(400))
        try shell.tmux.sendSpecial("Enter")
        try await shell.tmux.waitUntil("the confirmed suggestion to run", timeout: .seconds(20)) {
            K1ShellSession.isIdle($0) && Self.podListings(fixture) == 2
        }
        #expect(Self.podListings(fixture) == 2)
    }
}
