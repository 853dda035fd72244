import Testing

/// Tab completion of verbs, resource types, live namespaces, live object names and meta commands.
@Suite("k1 shell: Tab completion", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellCompletionTests {
    /// Types `typed`, presses Tab, then types a sentinel `Z`: the line must then read `expected` + `Z`, which also
    /// proves whether completion appended a space.
    func expectCompletion(_ typed: String, becomes expected: String, in shell: K1ShellSession) async throws {
        try shell.tmux.sendKeys(typed)
        try shell.tmux.sendSpecial("Tab")
        try shell.tmux.sendKeys("Z")
        try await shell.waitForTyped(expected + "Z")
    }

    @Test("a verb: `ge⇥` → `get `")
    func verb() async throws {
        let shell = try await K1ShellSession(fixture: try KubeFixture())
        try await expectCompletion("ge", becomes: "get ", in: shell)
    }

    @Test("a resource type: `get po⇥` → `get pods `")
    func resourceType() async throws {
        let shell = try await K1ShellSession(fixture: try KubeFixture())
        try await expectCompletion("get po", becomes: "get pods ", in: shell)
    }

    @Test("a live namespace: `get pods -n sh⇥` → `shop `")
    func namespace() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        try await expectCompletion("get pods -n sh", becomes: "get pods -n shop ", in: shell)
        #expect(fixture.requested("/api/v1/namespaces"), "\(fixture.requests())")
    }

    @Test("live object names: `get pods -n shop web-⇥` lists web-0 and web-1")
    func objectNames() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        try shell.tmux.sendKeys("get pods -n shop web-")
        // Names are fetched in the background; a Tab never waits long for them, so press it again as a user would.
        var screen = ""
        for _ in 0..<8 {
            try shell.tmux.sendSpecial("Tab")
            try shell.tmux.sendSpecial("Tab")
            if let found = try? await shell.tmux.waitFor(#/web-0\s+web-1/#, timeout: .seconds(2)) {
                screen = found
                break
            }
        }
        #expect(screen.contains("web-0"), "the names were never listed")
        #expect(!screen.contains("payments-api"), "\(screen)")
        #expect(K1ShellSession.typedText(screen) == "get pods -n shop web-", "\(screen)")
        #expect(fixture.requested("/api/v1/namespaces/shop/pods"), "\(fixture.requests())")
    }

    @Test("a meta command: `:n⇥` → `:ns `")
    func metaCommand() async throws {
        let shell = try await K1ShellSession(fixture: try KubeFixture())
        try await expectCompletion(":n", becomes: ":ns ", in: shell)
    }
}
