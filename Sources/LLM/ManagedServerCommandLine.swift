import Foundation

/// The llama-server command line k1 runs:
/// `-m MODEL --host 127.0.0.1 --port PORT -c CONTEXT -t THREADS --alias NAME [-ngl LAYERS]`.
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

    /// Creates a command line.
    public init(modelPath: String, modelName: String, port: Int, contextSize: Int, threads: Int, gpuLayers: Int) {
        self.modelPath = modelPath
        self.modelName = modelName
        self.port = port
        self.contextSize = contextSize
        self.threads = threads
        self.gpuLayers = gpuLayers
    }

    /// The arguments after the binary.
    public var arguments: [String] {
        var arguments = ["-m", modelPath, "--host", host, "--port", String(port), "-c", String(contextSize),
                         "-t", String(threads), "--alias", modelName]
        if gpuLayers > 0 { arguments += ["-ngl", String(gpuLayers)] }
        return arguments
    }

    /// The thread count to use: the configured one, or every core when it is 0 (at least 1).
    public static func threads(configured: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        configured > 0 ? configured : max(1, cores)
    }
}
