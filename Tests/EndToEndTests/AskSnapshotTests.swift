import Foundation
import Testing

/// `k1 ask` on a managed server that has no saved prompt cache yet sends the warm-up first, so the saved cache holds
/// the prompt's fixed part and nothing of the request; once it exists, no further warm-up is sent.
@Suite("k1 ask: the prompt cache is saved from the warm-up", .serialized,
       .enabled(if: Prerequisites.k1 && ModelPrerequisites.available,
                "needs kubectl, a built k1, and K1_TEST_GGUF + K1_LLAMA_SERVER (./bootstrap test sets them)"),
       .timeLimit(.minutes(10)))
struct AskSnapshotTests {
    @Test("a cold k1 ask saves the warm-up's prompt cache; a restarted server restores it")
    func coldAskSavesTheWarmUp() throws {
        let fixture = try KubeFixture()
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "provider: llamacpp\nmodel: \(ModelPrerequisites.gguf!)\ntimeout: 300\nidle_minutes: 2\nthreads: 1\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let environment = fixture.environment.merging(["K1_LLAMA_SERVER": ModelPrerequisites.server!]) { $1 }
        defer { _ = try? ProcessRunner.run(K1Binary.path, ["server", "stop"], environment: environment, timeout: .seconds(30)) }
        let slots = fixture.root.appendingPathComponent("xdg/cache/k1/slots")
        func snapshots() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: slots.path)) ?? []).filter { $0.hasSuffix(".bin") }
        }

        let first = try ProcessRunner.run(K1Binary.path, ["ask", "--no-cache", "list pods in shop"],
                                          environment: environment, timeout: .seconds(300))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(snapshots().count == 1, "the warm-up was saved")
        #expect(ShellRequestTests.modelCalls(fixture) >= 2, "a warm-up, then the request")

        // A restarted server restores it; the next ask works and leaves one snapshot.
        _ = try ProcessRunner.run(K1Binary.path, ["server", "stop"], environment: environment, timeout: .seconds(30))
        let second = try ProcessRunner.run(K1Binary.path, ["ask", "--no-cache", "list nodes"],
                                           environment: environment, timeout: .seconds(300))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(snapshots().count == 1)
    }
}
