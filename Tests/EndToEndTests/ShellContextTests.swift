import Testing

/// `:context` shows what the session learnt from the commands run so far.
@Suite("k1 shell: session context", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellContextTests {
    /// A row that k1 marks as failing: CrashLoopBackOff shown, or an explicit failing mark.
    static var failingMark: Regex<Substring> { #/(?i)CrashLoopBackOff|fail|unhealthy|✗|✘|⚠/# }

    @Test(":context shows the last listing, with web-1 marked failing, after a logs selection")
    func contextShowsListing() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        try await shell.run("get pods -n shop")
        let logs = try await shell.run("logs web-1 -n shop")
        #expect(logs.contains("unknown directive"), "\(logs)")
        let output = try await shell.run(":context")
        let lines = output.split(separator: "\n")
        let web1 = lines.filter { $0.contains("web-1") }
        #expect(web1.contains { $0.contains(Self.failingMark) }, "web-1 not marked failing:\n\(output)")
        #expect(web1.count >= 2, "the logs selection of web-1 is not shown besides its listing row:\n\(output)")
        let web0 = lines.filter { $0.contains("web-0") }
        #expect(!web0.isEmpty, "web-0 missing from the listing:\n\(output)")
        #expect(!web0.contains { $0.contains(Self.failingMark) }, "web-0 marked failing:\n\(output)")
        #expect(output.contains("payments-api-7d9f8-x2x9q"), "\(output)")
        #expect(output.contains("shop"), "\(output)")
    }
}
