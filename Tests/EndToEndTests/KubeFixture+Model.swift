import Foundation

extension KubeFixture {
    /// Writes a k1 config that uses the small test model on the managed llama-server (`extra` adds YAML lines) and
    /// returns the environment that points k1 at the test's llama-server binary.
    func useSmallModel(_ extra: String = "") throws -> [String: String] {
        let config = root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "provider: llamacpp\nmodel: \(ModelPrerequisites.gguf!)\ntimeout: 300\nidle_minutes: 2\n\(extra)"
            .write(to: config, atomically: true, encoding: .utf8)
        return ["K1_LLAMA_SERVER": ModelPrerequisites.server!]
    }

    /// Stops the managed llama-server a test's k1 started (`k1 server stop`), ignoring failures.
    func stopModelServer(_ environment: [String: String]) {
        _ = try? ProcessRunner.run(K1Binary.path, ["server", "stop"], environment: self.environment.merging(environment) { $1 },
                                   input: nil, timeout: .seconds(30))
    }
}
