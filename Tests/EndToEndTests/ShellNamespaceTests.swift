import Testing

/// `:ns` sets the session namespace, which k1 injects into kubectl lines that name none.
@Suite("k1 shell: session namespace", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellNamespaceTests {
    @Test(":ns shop makes a bare `get pods` list shop's pods")
    func namespaceIsInjected() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        // Start-up warms the completion cache with one listing of the default namespace; the line itself must not
        // list it. Wait for that warm-up so it cannot land after the count below.
        let listsDefault = { fixture.requests().filter { $0.contains("/api/v1/namespaces/default/pods") }.count }
        try await Poll.until("the start-up listing of the default namespace", timeout: .seconds(10)) {
            listsDefault() > 0 ? true : nil
        }
        try await shell.run(":ns shop")
        let defaultListings = listsDefault()
        let output = try await shell.run("get pods")
        #expect(output.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff/#), "\(output)")
        #expect(output.contains("payments-api-7d9f8-x2x9q"), "\(output)")
        #expect(fixture.requested("/api/v1/namespaces/shop/pods"), "\(fixture.requests())")
        #expect(fixture.requests().filter { $0.contains("/api/v1/namespaces/default/pods") }.count == defaultListings,
                "\(fixture.requests())")
    }

    @Test(":ns alone prints the session namespace, and the prompt shows it")
    func namespaceIsShown() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        try await shell.run(":ns shop")
        let output = try await shell.run(":ns")
        #expect(output.contains(#/\bshop\b/#), "\(output)")
        let prompt = try #require(K1ShellSession.lastPromptLine(try shell.tmux.capture()))
        #expect(prompt.contains("shop"), "\(prompt)")
    }
}
