import Foundation
import Testing

/// Requests that pick rows of the last listing, decided by k1 and not by a model: with nothing to act on there is
/// no command and no model call at all (the fixture's isolated world has no model installed, so any model call
/// would fail with "not installed").
@Suite("Listing picks: k1 ask --listing and the shell, without a model", .serialized,
       .enabled(if: Prerequisites.k1, "needs kubectl, python3 and a built k1"), .timeLimit(.minutes(3)))
struct ListingSafetyTests {
    static func write(_ text: String, in fixture: KubeFixture, name: String) throws -> String {
        let url = fixture.root.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("k1 ask --listing: nothing failing is one line on stderr, exit 3, no command and no model")
    func askNothingMatches() throws {
        let fixture = try KubeFixture()
        // The listing as the real kubectl prints it.
        let listed = try fixture.kubectl(["get", "pods", "-n", "shop"])
        #expect(listed.status == 0)
        #expect(try fixture.kubectl(["delete", "pod", "web-1", "worker-5c8d-abcde", "-n", "shop"]).status == 0)
        let healthy = try fixture.kubectl(["get", "pods", "-n", "shop"])
        let file = try Self.write(healthy.stdout, in: fixture, name: "pods.txt")
        let result = try K1Binary.run(["ask", "--listing", file, "-n", "shop", "delete the failing ones"], in: fixture)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "nothing in the last listing (pods in shop) is failing\n")
        let pending = try K1Binary.run(["ask", "--listing", file, "-n", "shop", "--json", "describe the pending pods"],
                                       in: fixture)
        #expect(pending.status == 3 && pending.stdout.isEmpty)
        #expect(pending.stderr == "nothing in the last listing (pods in shop) is pending\n")
    }

    @Test("k1 ask --listing of -A output: failing rows in two namespaces are refused, not mixed")
    func askSeveralNamespaces() throws {
        let fixture = try KubeFixture()
        try fixture.kubectl(["delete", "pod", "web-0", "-n", "shop"])   // keep the listing short
        let all = try fixture.kubectl(["get", "pods", "-A"])
        #expect(all.stdout.contains("NAMESPACE"))
        // coredns is healthy in the fixture: make a listing where kube-system fails too, as kubectl prints it.
        let text = all.stdout.replacingOccurrences(of: "coredns-6f6b679f8f-qwert   1/1     Running",
                                                   with: "coredns-6f6b679f8f-qwert   0/1     Error  ")
        #expect(text != all.stdout, "the fixture's coredns row is where the test expects it:\n\(all.stdout)")
        let file = try Self.write(text, in: fixture, name: "all.txt")
        let result = try K1Binary.run(["ask", "--listing", file, "delete the failing ones"], in: fixture)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("the failing pods are in 2 namespaces (kube-system, shop); one command cannot cover them"))
    }

    @Test("k1 ask: a bad --listing file or a bare --selection without --resource is one line and exit 64")
    func askBadInput() throws {
        let fixture = try KubeFixture()
        let missing = try K1Binary.run(["ask", "--listing", "/nonexistent/pods.txt", "delete the failing ones"], in: fixture)
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("k1: cannot read --listing /nonexistent/pods.txt"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let notTable = try K1Binary.run(["ask", "--listing", try Self.write("hello\n", in: fixture, name: "x.txt"), "x"],
                                        in: fixture)
        #expect(notTable.status == 64 && notTable.stderr.contains("holds no `kubectl get` table"))
        let bare = try K1Binary.run(["ask", "--selection", "web", "scale it to 3"], in: fixture)
        #expect(bare.status == 64 && bare.stderr.contains("--selection takes TYPE/NAME"))
    }

    @Test("k1 shell: the failing pods deleted by hand, ?delete the failing ones says nothing is failing and proposes nothing")
    func shellNothingFailing() async throws {
        let fixture = try KubeFixture()
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "warm_up: false\n".write(to: config, atomically: true, encoding: .utf8)
        let shell = try await K1ShellSession(fixture: fixture)
        try await shell.run(":ns shop")
        let listed = try await shell.run("get pods")
        #expect(listed.contains("CrashLoopBackOff"))
        try await shell.run("delete pod web-1 worker-5c8d-abcde")
        let after = try await shell.run("get pods")
        #expect(!after.contains("web-1") && after.contains("web-0"))
        let deletes = fixture.requests().filter { $0.hasPrefix("DELETE") }.count
        let answer = try await shell.run("?delete the failing ones")
        #expect(answer.contains("nothing in the last listing (pods in shop) is failing"), "\(answer)")
        #expect(!answer.contains("kubectl delete"), "no command is proposed:\n\(answer)")
        #expect(!answer.contains("not installed"), "no model was asked:\n\(answer)")
        #expect(fixture.requests().filter { $0.hasPrefix("DELETE") }.count == deletes)
        #expect(try await shell.quit() == 0)
    }
}
