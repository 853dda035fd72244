import Foundation
import Testing

/// `k1 shell --record FILE` writes a session file; `k1 replay FILE` runs it again.
@Suite("k1 record and replay", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ReplayTests {
    /// Records `get pods -n shop` and `get deploy -n shop` in a k1 shell and returns the session file.
    func record(in fixture: KubeFixture) async throws -> URL {
        let file = fixture.root.appendingPathComponent("session.k1")
        let shell = try await K1ShellSession(fixture: fixture, arguments: ["shell", "--record", file.path])
        try await shell.run("get pods -n shop")
        try await shell.run("get deploy -n shop")
        let status = try await shell.quit()
        #expect(status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("get pods -n shop") && text.contains("get deploy -n shop"), "\(text)")
        return file
    }

    /// How many requests so far listed `path`.
    func count(_ path: String, in fixture: KubeFixture) -> Int {
        fixture.requests().filter { $0.hasPrefix("GET \(path)?") || $0 == "GET \(path)" }.count
    }

    @Test("replay runs the recorded commands against the cluster and prints a summary")
    func replayRuns() async throws {
        let fixture = try KubeFixture()
        let file = try await record(in: fixture)
        let deployments = count("/apis/apps/v1/namespaces/shop/deployments", in: fixture)
        let result = try K1Binary.run(["replay", file.path], in: fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff/#), "\(result.stdout)")
        #expect(result.stdout.contains(#/(?m)^web\s+2/3\s+3\s+2/#), "\(result.stdout)")
        #expect((result.stdout + result.stderr).contains(#/(?i)\bran\W*2\b/#),
                "no summary saying it ran 2 commands:\n\(result.stdout)\(result.stderr)")
        #expect(count("/apis/apps/v1/namespaces/shop/deployments", in: fixture) > deployments)
    }

    @Test("replay --dry-run prints the commands without running them")
    func dryRun() async throws {
        let fixture = try KubeFixture()
        let file = try await record(in: fixture)
        let requests = fixture.requests().count
        let result = try K1Binary.run(["replay", "--dry-run", file.path], in: fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("get pods -n shop"), "\(result.stdout)")
        #expect(result.stdout.contains("get deploy -n shop"), "\(result.stdout)")
        #expect(!result.stdout.contains("CrashLoopBackOff"), "it ran kubectl:\n\(result.stdout)")
        #expect(fixture.requests().count == requests, "the dry run reached the server")
    }

    @Test("a malformed session file is rejected with the line number")
    func malformedFile() throws {
        let fixture = try KubeFixture()
        let file = fixture.root.appendingPathComponent("broken.k1")
        try "get pods -n shop\n#> exit: x\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try K1Binary.run(["replay", file.path], in: fixture)
        #expect(result.status != 0)
        let message = result.stdout + result.stderr
        #expect(message.contains(#/(?i)line\s*2\b|:2:/#), "the error does not name line 2:\n\(message)")
    }
}
