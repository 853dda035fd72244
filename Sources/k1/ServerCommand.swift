import ArgumentParser
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

/// `k1 server status|start|stop|logs`: k1's managed llama-server (plus the hidden idle watcher).
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Control k1's managed llama-server.",
        discussion: "The server starts by itself on the first ? request and stops after idle_minutes unused.",
        subcommands: [Status.self, Start.self, Stop.self, Logs.self, Binary.self, Watch.self],
        defaultSubcommand: Status.self
    )

    /// `k1 server status`.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show whether the server runs, its port, model and idle time.")

        func run() async throws {
            let config = Environment.loadConfig(strict: false)
            let status = await ManagedServer.status(paths: Environment.paths)
            print(status.summary(idleMinutes: config.idleMinutes))
        }
    }

    /// `k1 server start`.
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the server for the configured model (or reuse the running one).")

        @Option(name: .long, help: "Model to serve instead of the configured one.")
        var model: String?

        func run() async throws {
            var config = Environment.loadConfig(strict: true)
            if let model { config.model = model }
            let paths = Environment.paths
            let started = ContinuousClock.now
            let url = try await ModelsCommand.orExitAsync { () async throws(LLMError) -> URL in
                let server = try ManagedServer(config: config, paths: paths)
                return try await server.ensureRunning()
            }
            let elapsed = ContinuousClock.now - started
            let record = ManagedServerStore(paths: paths).load()
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("llama-server ready at \(url.absoluteString)" + (record.map { " (pid \($0.pid), model \($0.model))" } ?? "")
                  + String(format: " in %.1f s", seconds))
        }
    }

    /// `k1 server stop`.
    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the server.")

        func run() async throws {
            if let record = await ManagedServer.stop(paths: Environment.paths) {
                print("stopped llama-server (pid \(record.pid), model \(record.model))")
            } else {
                print("llama-server is not running")
            }
        }
    }

    /// `k1 server logs [-n N]`.
    struct Logs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the end of the server's log.")

        @Option(name: .short, help: "Number of lines.")
        var n = 40

        func run() async throws {
            let store = ManagedServerStore(paths: Environment.paths)
            guard FileManager.default.fileExists(atPath: store.logURL.path) else {
                print("no server log yet (\(store.logURL.path))")
                return
            }
            for line in store.logTail(max(1, n)) { print(line) }
        }
    }

    /// `k1 server binary`.
    struct Binary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the llama-server binary k1 runs ($K1_LLAMA_SERVER, k1's runtime, or PATH); exit 1 if none.")

        func run() async throws {
            guard let binary = RuntimeInstaller(paths: Environment.paths).llamaServerPath(),
                  FileManager.default.isExecutableFile(atPath: binary.path) else {
                printError("k1: llama-server is not installed: run k1 setup")
                throw ExitCode(1)
            }
            print(binary.path)
        }
    }

    /// `k1 server watch --pid PID --idle-minutes N` (hidden): started with the server; stops it when idle.
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop the managed server after it has been idle (started by k1 itself).", shouldDisplay: false)

        @Option(name: .long, help: "The server's process id.")
        var pid: Int32

        @Option(name: .long, help: "Minutes unused before stopping it.")
        var idleMinutes: Int = 15

        @Option(name: .long, help: "Seconds unused before stopping it (overrides --idle-minutes).")
        var idleSeconds: Double?

        @Option(name: .long, help: "Seconds between checks.")
        var pollSeconds: Double = 30

        func run() async throws {
            // Detached from the terminal: a closing terminal or Ctrl-C in the shell must not end the watch.
            signal(SIGHUP, SIG_IGN)
            signal(SIGINT, SIG_IGN)
            await ManagedServerWatcher.run(paths: Environment.paths, pid: pid,
                                           idleSeconds: idleSeconds ?? Double(idleMinutes * 60), pollSeconds: pollSeconds)
        }
    }
}
