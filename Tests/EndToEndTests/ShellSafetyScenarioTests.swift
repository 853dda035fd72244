import Foundation
import Testing

/// The whole scenario with the real llama-server and the small model: list, `?delete the failing ones`, a server
/// dry run shown before Enter, Enter, list again, ask again. Which rows are deleted is decided by k1 from the
/// listing, so the outcome does not depend on the small model's choice of names.
@Suite("k1 shell: failing pods deleted after a dry-run preview, healthy pods never proposed", .serialized,
       .enabled(if: Prerequisites.k1InTerminal && ModelPrerequisites.available,
                "needs tmux, kubectl, a built k1, and K1_TEST_GGUF + K1_LLAMA_SERVER (./bootstrap test sets them)"),
       .timeLimit(.minutes(10)))
struct ShellSafetyScenarioTests {
    @Test("list, ?delete the failing ones (preview before Enter), Enter, list, ask again: nothing is failing")
    func scenario() async throws {
        let fixture = try KubeFixture()
        let environment = try fixture.useSmallModel("warm_up: false\npreview_timeout: 10\n")
        defer { fixture.stopModelServer(environment) }
        let shell = try await K1ShellSession(fixture: fixture, extraEnvironment: environment)
        try await shell.run(":ns shop")
        let listed = try await shell.run("get pods")
        #expect(listed.contains("CrashLoopBackOff") && listed.contains("Pending"))

        try shell.tmux.sendKeys("?delete the failing ones")
        try shell.tmux.sendSpecial("Enter")
        let proposed = try await shell.tmux.waitUntil("a pre-filled kubectl line", timeout: .seconds(300)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl") == true
        }
        let typed = K1ShellSession.typedText(proposed) ?? ""
        #expect(typed.hasPrefix("kubectl delete pod "), "\(proposed)")
        let targets = Set(typed.split(separator: " ").map(String.init))
        #expect(targets.isSuperset(of: ["web-1", "worker-5c8d-abcde"]), "\(typed)")
        #expect(targets.isDisjoint(with: ["web-0", "payments-api-7d9f8-x2x9q"]), "healthy pods are never proposed: \(typed)")
        // The preview ran on the server before Enter, and changed nothing.
        #expect(proposed.contains("would delete: pod/web-1, pod/worker-5c8d-abcde"), "\(proposed)")
        #expect(proposed.contains("[DELETES 2 pods]"), "\(proposed)")
        let deletes = fixture.requests().filter { $0.hasPrefix("DELETE") }
        #expect(deletes.count == 2 && deletes.allSatisfy { $0.hasSuffix(" dryRun=All") }, "\(deletes)")

        // Enter runs exactly the line; then the failing pods are gone. (A person's Enter: one within 150 ms of a fresh
        // suggestion is ignored, see EnterGuard.)
        try await Task.sleep(for: .milliseconds(400))
        try shell.tmux.sendSpecial("Enter")
        try await shell.tmux.waitUntil("the prompt after the delete", timeout: .seconds(30)) { K1ShellSession.isIdle($0) }
        #expect(fixture.requests().filter { $0.hasPrefix("DELETE") && !$0.hasSuffix("dryRun=All") }.count == 2)
        let after = try await shell.run("get pods")
        #expect(!after.contains("web-1") && after.contains("web-0") && after.contains("payments-api-7d9f8-x2x9q"))

        // Asked again: k1 answers itself, with no command.
        let again = try await shell.run("?delete the failing ones", timeout: .seconds(60))
        #expect(again.contains("nothing in the last listing (pods in shop) is failing"), "\(again)")
        #expect(K1ShellSession.typedText(try shell.tmux.capture()) == "", "nothing is pre-filled")
        #expect(fixture.requests().filter { $0.hasPrefix("DELETE") }.count == 4)
        #expect(try await shell.quit() == 0)
    }

    @Test("k1 ask --listing --preview --json: the dry run's objects and time, with the pods untouched")
    func askPreview() throws {
        let fixture = try KubeFixture()
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "provider: llamacpp\nmodel: \(ModelPrerequisites.gguf!)\ntimeout: 300\nidle_minutes: 2\npreview_timeout: 10\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let environment = fixture.environment.merging(["K1_LLAMA_SERVER": ModelPrerequisites.server!]) { $1 }
        defer {
            _ = try? ProcessRunner.run(K1Binary.path, ["server", "stop"], environment: environment, input: nil,
                                       timeout: .seconds(30))
        }
        let listing = fixture.root.appendingPathComponent("pods.txt")
        try fixture.kubectl(["get", "pods", "-n", "shop"]).stdout.write(to: listing, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(K1Binary.path, ["ask", "--listing", listing.path, "-n", "shop", "--preview",
                                                           "--json", "delete the failing ones"],
                                           environment: environment, input: nil, timeout: .seconds(300))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["command"] as? String == "kubectl delete pod web-1 worker-5c8d-abcde -n shop", "\(result.stdout)")
        #expect(object["preview"] as? String == "would delete: pod/web-1, pod/worker-5c8d-abcde")
        #expect(object["preview_objects"] as? [String] == ["pod/web-1", "pod/worker-5c8d-abcde"])
        #expect((object["preview_ms"] as? Double ?? 0) > 0)
        let pods = try fixture.kubectl(["get", "pods", "-n", "shop", "-o", "name"])
        #expect(pods.stdout.contains("pod/web-1"), "a dry run changes nothing")

        // A bare --selection NAME with --resource is that type's object, not a usage error.
        let scaled = try ProcessRunner.run(K1Binary.path, ["ask", "--selection", "web", "--resource", "deployments",
                                                           "-n", "shop", "scale it to 3"],
                                           environment: environment, input: nil, timeout: .seconds(300))
        #expect(scaled.status == 0, "\(scaled.stderr)")
        #expect(scaled.stdout.hasPrefix("kubectl "), "\(scaled.stdout)")
    }

    @Test("a cluster that does not answer: 'preview: no answer in 1 s' and the line still waits for Enter; Esc cancels a slow preview")
    func slowCluster() async throws {
        let fixture = try KubeFixture(serverArguments: ["--dry-run-delay", "120"])
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        func configure(previewTimeout: Int) throws {
            try "provider: llamacpp\nmodel: \(ModelPrerequisites.gguf!)\ntimeout: 300\nidle_minutes: 2\nwarm_up: false\npreview_timeout: \(previewTimeout)\n"
                .write(to: config, atomically: true, encoding: .utf8)
        }
        let environment = ["K1_LLAMA_SERVER": ModelPrerequisites.server!]
        defer {
            _ = try? ProcessRunner.run(K1Binary.path, ["server", "stop"],
                                       environment: fixture.environment.merging(environment) { $1 }, input: nil,
                                       timeout: .seconds(30))
        }
        try configure(previewTimeout: 1)
        let first = try await K1ShellSession(fixture: fixture, extraEnvironment: environment)
        try await first.run(":ns shop")
        try await first.run("get pods")
        try first.tmux.sendKeys("?delete the failing ones")
        try first.tmux.sendSpecial("Enter")
        let proposed = try await first.tmux.waitUntil("a pre-filled kubectl line", timeout: .seconds(300)) {
            K1ShellSession.typedText($0)?.hasPrefix("kubectl delete") == true
        }
        #expect(proposed.contains("preview: no answer in 1 s"), "\(proposed)")
        try first.tmux.sendSpecial("C-c")
        try await first.tmux.waitUntil("an empty prompt", timeout: .seconds(10)) { K1ShellSession.isIdle($0) }
        #expect(try await first.quit() == 0)

        // A long limit this time: Esc while the dry run waits drops the suggestion, like Esc during the model request.
        try configure(previewTimeout: 60)
        let second = try await K1ShellSession(fixture: fixture, extraEnvironment: environment)
        try await second.run(":ns shop")
        try await second.run("get pods")
        try second.tmux.sendKeys("?delete the failing ones")
        try second.tmux.sendSpecial("Enter")
        try await second.tmux.waitUntil("the dry run's status line", timeout: .seconds(300)) {
            $0.contains("dry run on the server")
        }
        try second.tmux.sendSpecial("Escape")
        let cancelled = try await second.tmux.waitUntil("an empty prompt after Esc", timeout: .seconds(10)) {
            K1ShellSession.isIdle($0)
        }
        #expect(cancelled.contains("cancelled"), "\(cancelled)")
        #expect(!fixture.requests().contains { $0.hasPrefix("DELETE") && !$0.hasSuffix("dryRun=All") }, "nothing ran")
        #expect(try await second.quit() == 0)
    }
}
