import ArgumentParser
import Foundation
import Session
import Shell
import Support
import LLM
import Translate
import Runtime

/// Process-wide set-up shared by the commands: paths, configuration, starting context, model wiring.
enum Environment {
    /// XDG paths for this process.
    static let paths = XDGPaths()

    /// Once per process, before k1 touches its files: makes its directories and files private (one notice when
    /// something changed) and removes temporary files and oracle sandboxes that killed k1 processes left.
    static let housekeeping: Void = {
        let directories = [paths.config, paths.state, paths.cache]
        if let notice = PrivateFiles.notice(PrivateFiles.repair(directories)) { printError(notice) }
        StaleTempFiles.remove(in: directories, scratchParents: [SyntaxOracleSandbox.parentDirectory])
        // Older k1 versions made oracle sandboxes in the system temporary directory.
        StaleTempFiles.removeOld(prefix: "k1-oracle-", in: FileManager.default.temporaryDirectory, olderThan: 3600)
    }()

    /// Loads config.yaml + environment + flags. With `strict: false` a bad file is reported and the defaults are used.
    static func loadConfig(overrides: ModelOptions? = nil, strict: Bool) -> K1Config {
        _ = housekeeping
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
            if let provider = overrides.provider { config.provider = provider }
            if let model = overrides.model { config.model = model }
            if let url = overrides.url {
                if let problem = ServerURL.problem(url) {
                    printError("k1: --url: \(problem)")
                    Foundation.exit(2)
                }
                config.url = url
            }
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
    /// - Parameters:
    ///   - options: prompt settings (`k1 bench` varies them to measure each part of the engine).
    ///   - oracle: the syntax check of fresh answers; by default kubectl itself (``SyntaxOracle``), made on first use.
    ///   - quiet: start a managed server without announcing "loading model …" (for a background warm-up).
    static func makeTranslator(config: K1Config, useCache: Bool = true, options: PromptBuilder.Options? = nil,
                               oracle: (any CommandOracle)? = nil, quiet: Bool = false) -> Translator {
        let cache = useCache && config.cacheEnabled
            ? AnswerCache(url: paths.answerCacheFile, ttlDays: config.cacheTTLDays, maxEntries: config.cacheMaxEntries)
            : nil
        let kubectl = config.kubectl
        let check = oracle ?? DeferredOracle { await SyntaxOracle(kubectl: kubectl) }
        return Translator(
            backendProvider: { try await makeBackend(config: config, quiet: quiet) },
            modelName: modelName(config: config), cache: cache, promptVersion: config.promptVersion,
            options: options ?? promptOptions(config: config), oracle: check
        )
    }

    /// The backend the configuration asks for (the managed llama-server when the model is one k1 serves itself).
    static func makeBackend(config: K1Config, quiet: Bool = false) async throws -> any LLMBackend {
        var server = try? ManagedServer.Configuration(config: config, paths: paths)
        if quiet { server?.announce = nil }
        let managed = server.map(ManagedServer.init)
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

    /// The prompt settings `config.yaml` asks for (`examples`).
    static func promptOptions(config: K1Config) -> PromptBuilder.Options {
        PromptBuilder.Options(retrievedExamples: config.retrievedExamples)
    }

    /// Whether the model server is on this machine: the managed server, Ollama's default, or a loopback `url`.
    /// A warm-up never sends anything to a remote server.
    static func modelIsLocal(config: K1Config) -> Bool {
        let url = config.url.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty else { return true }
        guard let host = URL(string: url)?.host?.lowercased() else { return false }
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
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
