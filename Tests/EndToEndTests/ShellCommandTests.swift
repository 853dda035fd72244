import Testing

/// Shell escapes, pipelines and exit statuses.
@Suite("k1 shell: shell escapes, pipelines, exit status", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellCommandTests {
    /// A line reporting a non-zero exit `status` (`exit 3`, `exit status: 3`, `[status 3]` …).
    static func statusLine(_ status: Int) -> Regex<AnyRegexOutput> {
        try! Regex(#"(?i)(exit|status)\D{0,20}\b"# + String(status) + #"\b"#)
    }

    @Test("!echo hi runs through the system shell")
    func shellEscape() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run("!echo hi-$((6*7))")
        #expect(output.split(separator: "\n").contains("hi-42"), "\(output)")
    }

    @Test("a kubectl line piped into grep keeps only the matching rows")
    func pipeline() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run("get pods -n shop | grep web")
        #expect(output.contains(#/(?m)^web-0\s+1/1\s+Running/#), "\(output)")
        #expect(output.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff/#), "\(output)")
        for absent in ["NAME", "payments-api", "worker-5c8d"] {
            #expect(!output.contains(absent), "\(absent) should be filtered out:\n\(output)")
        }
    }

    @Test("a failing shell command is followed by its exit status")
    func failingShellCommand() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run("!exit 3")
        #expect(output.contains(Self.statusLine(3)), "no exit status 3 line:\n\(output)")
        let next = try await shell.run("!echo still-$((1+1))")
        #expect(next.contains("still-2"), "\(next)")
    }

    @Test("a failing kubectl command shows its error, then a non-zero exit status line")
    func failingKubectlCommand() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run("get pod nosuch -n shop")
        let lines = output.split(separator: "\n")
        let error = lines.firstIndex { $0.contains(#"pods "nosuch" not found"#) }
        let status = lines.lastIndex { $0.contains(Self.statusLine(1)) }
        #expect(error != nil, "kubectl's error is missing:\n\(output)")
        #expect(status != nil, "no exit status 1 line:\n\(output)")
        if let error, let status { #expect(error < status, "the status line comes before the output:\n\(output)") }
    }
}
