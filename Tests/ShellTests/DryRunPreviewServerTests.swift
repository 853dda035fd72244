import Foundation
import Session
import Testing
@testable import Shell
import TestSupport

/// The preview with the real kubectl against the local test API server (`fake_kube_api.py`, which answers dry runs
/// as the real API server does): what it prints, and that the server's state is unchanged afterwards.
@Suite("Dry-run preview against the test API server", .serialized,
       .enabled(if: TestAPIServer.toolsAvailable, "needs kubectl and python3"), .timeLimit(.minutes(2)))
struct DryRunPreviewServerTests {
    @Test func deleteScaleCordonAndARejectedObject() async throws {
        let server = try await TestAPIServer()
        defer { server.stop() }
        let kubeconfig = server.kubeconfig.path
        let preview = DryRunPreview(kubectl: TestAPIServer.kubectl!, timeout: .seconds(20)) { argv in
            await CommandRunner().capture(argv: argv + ["--kubeconfig", kubeconfig])
        }
        let shop = SessionContext(namespace: "shop")

        let delete = try #require(await preview.preview("kubectl delete pod web-1 worker-5c8d-abcde", context: shop))
        #expect(delete.line == "would delete: pod/web-1, pod/worker-5c8d-abcde")
        #expect(delete.countText == "2 pods")
        #expect(delete.milliseconds > 0)

        let scale = try #require(await preview.preview("kubectl scale deployment web --replicas=5", context: shop))
        #expect(scale.line == "would scale deployment.apps/web: 3 → 5")

        let cordon = try #require(await preview.preview("kubectl cordon node-2", context: shop))
        #expect(cordon.line == "would cordon node/node-2")

        let missing = try #require(await preview.preview("kubectl delete pod nope", context: shop))
        #expect(missing.line == "⚠ the server rejects it: Error from server (NotFound): pods \"nope\" not found")

        let none = try #require(await preview.preview("kubectl delete pods -l app=nothing", context: shop))
        #expect(none.line == "nothing matches")

        // Nothing changed, and every write the server saw was a dry run.
        let log = try String(contentsOf: server.log, encoding: .utf8).split(separator: "\n")
        let writes = log.filter { $0.hasPrefix("DELETE") || $0.hasPrefix("PATCH") || $0.hasPrefix("POST") }
        #expect(writes.count == 5, "\(writes)")
        #expect(writes.allSatisfy { $0.contains("dryRun=All") }, "\(writes)")
        #expect(log.contains { $0.hasPrefix("DELETE /api/v1/namespaces/shop/pods/web-1") }, "the session namespace was injected")
    }
}

/// `Tests/EndToEndTests/Fixtures/fake_kube_api.py` on a free port, with a kubeconfig pointing at it. Started through
/// `/bin/sh` in the background (with swift-subprocess, like every child of k1), and stopped by its pid.
final class TestAPIServer: Sendable {
    static let kubectl = onPath("kubectl")
    static let python = onPath("python3")

    /// The first executable `name` on `PATH`.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var toolsAvailable: Bool { kubectl != nil && python != nil }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/Fixtures")

    let directory: URL
    let kubeconfig: URL
    let log: URL
    let pid: Int32

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("k1-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kubeconfig = directory.appendingPathComponent("kubeconfig")
        log = directory.appendingPathComponent("requests.log")
        let portFile = directory.appendingPathComponent("port")
        let script = Self.fixtures.appendingPathComponent("fake_kube_api.py").path
        let data = Self.fixtures.appendingPathComponent("cluster.json").path
        let started = await CommandRunner().capture(argv: [
            "/bin/sh", "-c", "'\(Self.python!)' -u '\(script)' --data '\(data)' --log '\(log.path)' > '\(portFile.path)' 2>/dev/null & echo $!",
        ])
        pid = Int32(started.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        var port: Int?
        for _ in 0..<100 where port == nil {
            let text = (try? String(contentsOf: portFile, encoding: .utf8)) ?? ""
            if text.hasPrefix("PORT "), text.hasSuffix("\n") { port = Int(text.dropFirst(5).dropLast()) }
            if port == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard let port, pid > 0 else {
            if pid > 0 { kill(pid, SIGTERM) }
            throw CocoaError(.fileReadCorruptFile)
        }
        try """
        apiVersion: v1
        kind: Config
        clusters: [{name: fake, cluster: {server: "http://127.0.0.1:\(port)"}}]
        contexts: [{name: fake-ctx, context: {cluster: fake, user: anonymous, namespace: default}}]
        current-context: fake-ctx
        users: [{name: anonymous, user: {}}]

        """.write(to: kubeconfig, atomically: true, encoding: .utf8)
    }

    func stop() {
        kill(pid, SIGTERM)
        try? FileManager.default.removeItem(at: directory)
    }
}
