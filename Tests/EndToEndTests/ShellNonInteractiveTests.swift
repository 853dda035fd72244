import Testing

/// `k1 shell` reading commands from a pipe instead of a terminal.
@Suite("k1 shell: standard input not a terminal", .serialized,
       .enabled(if: Prerequisites.k1, "needs kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellNonInteractiveTests {
    @Test("piped lines run without a prompt or colour, and k1 exits 0 at end of input")
    func pipedInput() throws {
        let fixture = try KubeFixture()
        let result = try K1Binary.run(["shell"], in: fixture, input: "get pods -n shop\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#/(?m)^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/#), "\(result.stdout)")
        #expect(result.stdout.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff\s+7/#), "\(result.stdout)")
        let everything = result.stdout + result.stderr
        #expect(!everything.split(separator: "\n").contains { $0.firstMatch(of: K1ShellSession.prompt) != nil },
                "a prompt was printed:\n\(everything)")
        #expect(!result.stdout.contains("\u{1B}["), "colour escapes on a pipe:\n\(result.stdout)")
    }
}
