import Foundation
import Support
import HTTP

extension ManagedServer {
    /// What the managed server runs and where it keeps its files.
    public struct Configuration: Sendable {
        /// The model's name (`--alias`, shown to the user, used in cache keys).
        public var modelName: String
        /// The GGUF file to load.
        public var modelPath: URL
        /// Context size in tokens (`-c`).
        public var contextSize: Int
        /// CPU threads (`-t`); 0 means every core.
        public var threads: Int
        /// Layers offloaded to a GPU (`-ngl`); 0 leaves it out.
        public var gpuLayers: Int
        /// Minutes unused after which the watcher stops the server; 0 never stops it.
        public var idleMinutes: Int
        /// A fixed loopback port; nil picks a free one at each start (and retries if it was taken meanwhile).
        public var port: Int?
        /// k1's directories (the record, lock and log live in `state/`).
        public var paths: XDGPaths
        /// Environment of the server and watcher (and where `K1_LLAMA_SERVER` is read).
        public var environment: [String: String]
        /// The llama-server binary; nil finds it with `RuntimeInstaller.llamaServerPath`.
        public var serverBinary: URL?
        /// The k1 executable that runs `k1 server watch`; nil starts no watcher.
        public var watcherExecutable: URL?
        /// How long a start may take before k1 gives up.
        public var startTimeout: Duration
        /// Shows progress while the model loads ("loading model …"); nil is silent.
        public var announce: (@Sendable (String) -> Void)?
        /// Whether the server repacks weights for the CPU (`repack`; false adds `--no-repack`). A configuration made
        /// without k1's settings keeps llama-server's own default.
        public var repack = true
        /// More llama-server arguments, after k1's own (`server_args`).
        public var extraArguments: [String] = []

        /// Creates a configuration.
        public init(modelName: String, modelPath: URL, contextSize: Int = 4096, threads: Int = 0, gpuLayers: Int = 0,
                    idleMinutes: Int = 15, port: Int? = nil, paths: XDGPaths = XDGPaths(),
                    environment: [String: String] = ProcessInfo.processInfo.environment, serverBinary: URL? = nil,
                    watcherExecutable: URL? = Configuration.defaultWatcherExecutable(), startTimeout: Duration = .seconds(300),
                    announce: (@Sendable (String) -> Void)? = { printError($0) }) {
            self.modelName = modelName
            self.modelPath = modelPath
            self.contextSize = contextSize
            self.threads = threads
            self.gpuLayers = gpuLayers
            self.idleMinutes = idleMinutes
            self.port = port
            self.paths = paths
            self.environment = environment
            self.serverBinary = serverBinary
            self.watcherExecutable = watcherExecutable
            self.startTimeout = startTimeout
            self.announce = announce
        }

        /// The configuration for k1's settings: the model (packaged name, file in `models/`, or `.gguf` path),
        /// `context_size`, `threads`, `gpu_layers`, `idle_minutes`. The file need not exist yet.
        /// - Throws: `LLMError.configuration` when the model is neither packaged nor a GGUF file.
        public init(config: K1Config, paths: XDGPaths = XDGPaths(),
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws(LLMError) {
            let name: String, path: URL
            switch ModelCatalog.reference(for: config.model, paths: paths, environment: environment) {
            case .packaged(let model, let url): (name, path) = (model.name, url)
            case .file(let url): (name, path) = (url.deletingPathExtension().lastPathComponent, url)
            case .unknown(let model):
                throw LLMError(.configuration, "model '\(model)' is not one k1 can serve itself: use one of \(ModelCatalog.namesList) or a .gguf path (k1 models use NAME), or set provider to ollama/openai")
            }
            self.init(modelName: name, modelPath: path, contextSize: config.contextSize, threads: config.threads,
                      gpuLayers: config.gpuLayers, idleMinutes: config.idleMinutes, paths: paths, environment: environment)
            repack = config.repack
            extraArguments = config.serverArguments
        }

        /// The running executable when it is k1 (so `k1 server watch` can be started), else nil.
        public static func defaultWatcherExecutable() -> URL? {
            guard let executable = ManagedServerProcess.currentExecutable(), executable.lastPathComponent == "k1" else { return nil }
            return executable
        }

        /// The llama-server command line for `port`, saving prompt caches in `snapshots` when given.
        public func commandLine(port: Int, snapshots: URL? = nil) -> ManagedServerCommandLine {
            var line = ManagedServerCommandLine(modelPath: modelPath.path, modelName: modelName, port: port,
                                                contextSize: contextSize,
                                                threads: ManagedServerCommandLine.threads(configured: threads),
                                                gpuLayers: gpuLayers, slotSavePath: snapshots?.path)
            line.repack = repack
            line.extraArguments = extraArguments
            return line
        }
    }
}
