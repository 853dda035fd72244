import Foundation

/// The llama-server command line k1 runs:
/// `-m MODEL --host 127.0.0.1 --port PORT -c CONTEXT -t THREADS --alias NAME -np 1 [--slot-save-path DIR] [-ngl LAYERS]
/// [--no-repack]`.
///
/// One slot: k1 asks one thing at a time, and its prompt cache (restored from and saved to ``PromptSnapshot``) lives
/// in slot 0.
public struct ManagedServerCommandLine: Sendable, Equatable {
    /// The GGUF file.
    public var modelPath: String
    /// The name the server reports for the model (`--alias`).
    public var modelName: String
    /// The loopback port.
    public var port: Int
    /// Context size in tokens.
    public var contextSize: Int
    /// CPU threads (already resolved, never 0).
    public var threads: Int
    /// Layers offloaded to a GPU; 0 leaves `-ngl` out.
    public var gpuLayers: Int
    /// The address to listen on; always loopback.
    public var host = "127.0.0.1"
    /// Where the server saves and restores prompt caches (``PromptSnapshot``); nil leaves it out.
    public var slotSavePath: String?
    /// Whether the server repacks weights for the CPU at load; false adds `--no-repack` (``K1Config/repack``).
    public var repack = true
    /// More arguments, after k1's own (`server_args`: `-fa on`, say).
    public var extraArguments: [String] = []

    /// Creates a command line.
    public init(modelPath: String, modelName: String, port: Int, contextSize: Int, threads: Int, gpuLayers: Int,
                slotSavePath: String? = nil) {
        self.modelPath = modelPath
        self.modelName = modelName
        self.port = port
        self.contextSize = contextSize
        self.threads = threads
        self.gpuLayers = gpuLayers
        self.slotSavePath = slotSavePath
    }

    /// The arguments after the binary.
    public var arguments: [String] {
        var arguments = ["-m", modelPath, "--host", host, "--port", String(port), "-c", String(contextSize),
                         "-t", String(threads), "--alias", modelName, "-np", "1"]
        if let slotSavePath { arguments += ["--slot-save-path", slotSavePath] }
        if gpuLayers > 0 { arguments += ["-ngl", String(gpuLayers)] }
        if !repack { arguments.append("--no-repack") }
        return arguments + extraArguments
    }

    /// The thread count to use: the configured one, or every core when it is 0 (at least 1).
    public static func threads(configured: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        configured > 0 ? configured : max(1, cores)
    }
}
