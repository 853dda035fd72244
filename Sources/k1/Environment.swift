import ArgumentParser
import Foundation
import Session
import Shell
import Support
import LLM
import Translate

/// Flags shared by commands that talk to a model; they override config.yaml and K1_* variables.
struct BackendOptions: ParsableArguments {
    @Option(name: .long, help: "Model backend: auto, llamacpp, ollama or openai.")
    var provider: String?

    @Option(name: .long, help: "Model name, .gguf path or server model id.")
    var model: String?

    @Option(name: .long, help: "Base URL of an external model server.")
    var url: String?
}

/// Process-wide set-up shared by the commands: paths, configuration, starting context, model wiring.
enum Environment {
    /// XDG paths for this process.
    static let paths = XDGPaths()

    /// Loads config.yaml + environment + flags. With `strict: false` a bad file is reported and the defaults are used.
    static func loadConfig(overrides: BackendOptions? = nil, strict: Bool) -> K1Config {
        var config: K1Config
        do {
            config = try ConfigLoader.load(file: paths.configFile)
        } catch {
            printError("k1: \(error)" + (strict ? "" : " (using defaults; fix it or run 'k1 config init --force')"))
            if strict { Foundation.exit(1) }
            config = K1Config()
            try? ConfigLoader.applyEnvironment(ProcessInfo.processInfo.environment, to: &config)
        }
        if let overrides {
            if let raw = overrides.provider {
                guard let provider = K1Config.Provider(rawValue: raw) else {
                    printError("k1: --provider must be one of \(K1Config.Provider.allCases.map(\.rawValue).joined(separator: ", "))")
                    Foundation.exit(2)
                }
                config.provider = provider
            }
            if let model = overrides.model { config.model = model }
            if let url = overrides.url { config.url = url }
        }
        return config
    }

    /// The context at start-up: kubeconfig's current context and namespace (read, never written).
    static func startingContext() -> SessionContext {
        let kube = KubeconfigReader.read()
        return SessionContext(kubeconfigContext: kube.context, kubeconfigNamespace: kube.namespace)
    }

    /// Asks a yes/no question on the terminal; default no.
    static func confirm(_ question: String) -> Bool {
        print("\(question) [y/N] ", terminator: "")
        fflush(nil)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The translator every command shares (`k1 shell`, `k1 ask`, `k1 replay`, `k1 bench`): the answer cache, and a
    /// backend built lazily from the configuration on the first cache miss (starting the managed server if needed).
    static func makeTranslator(config: K1Config, useCache: Bool = true) -> Translator {
        let cache = useCache && config.cacheEnabled
            ? AnswerCache(url: paths.answerCacheFile, ttlDays: config.cacheTTLDays, maxEntries: config.cacheMaxEntries)
            : nil
        return Translator(
            backendProvider: { try await makeBackend(config: config) },
            modelName: modelName(config: config), cache: cache, promptVersion: config.promptVersion
        )
    }

    /// The backend the configuration asks for (the managed llama-server when the model is one k1 serves itself).
    static func makeBackend(config: K1Config) async throws -> any LLMBackend {
        let managed = try? ManagedServer(ManagedServer.Configuration(config: config, paths: paths))
        return try await BackendFactory.make(config: config, managedServer: managed)
    }

    /// The model name used in cache keys and previews: the packaged model's name, a GGUF file's base name, or the
    /// configured model id.
    static func modelName(config: K1Config) -> String {
        switch ModelCatalog.reference(for: config.model, paths: paths, environment: ProcessInfo.processInfo.environment) {
        case .packaged(let model, _): model.name
        case .file(let url): url.deletingPathExtension().lastPathComponent
        case .unknown(let name): name
        }
    }

    /// The `?` handler for the shell.
    static func requestHandler(config: K1Config) -> RequestHandling? {
        TranslationRequestHandler(translator: makeTranslator(config: config))
    }

    /// The translator for replay's `?` lines.
    static func replayTranslator(config: K1Config) -> ReplayTranslator? {
        let translator = makeTranslator(config: config)
        return { request, context in
            defer { translator.flushCache() }
            return try await translator.translate(request, context: context).command
        }
    }
}
