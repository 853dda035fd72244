import Foundation
import Support
import HTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// k1's own llama-server: started on demand on a free loopback port, shared by every k1 process through the record
/// in `state/server.json`, and stopped by its watcher (`k1 server watch`) after `idle_minutes` unused.
///
/// Check-and-start runs under a lock on `server.json.lock`, so k1 processes starting at the same moment end up with
/// one server.
public final class ManagedServer: ManagedServerProviding {
    /// What to run.
    public let configuration: Configuration
    /// The record, lock, marker and log files.
    public let store: ManagedServerStore

    /// Creates the managed server for a configuration (nothing starts until `ensureRunning()`).
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        self.store = ManagedServerStore(paths: configuration.paths)
    }

    /// Creates the managed server for k1's settings.
    /// - Throws: `LLMError.configuration` when the model is neither packaged nor a GGUF file.
    public convenience init(config: K1Config, paths: XDGPaths = XDGPaths(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(LLMError) {
        self.init(try Configuration(config: config, paths: paths, environment: environment))
    }

    /// The model's name.
    public var modelName: String { configuration.modelName }

    /// Returns the running server's URL, starting it (and waiting for its model to load) when needed.
    /// A recorded server for another model is stopped first.
    /// - Throws: `LLMError` — `.serverNotInstalled`, `.modelMissing`, `.portInUse`, `.serverFailed` (with the end of
    ///   the log), `.timeout`, `.cancelled`.
    public func ensureRunning() async throws(LLMError) -> URL {
        if let url = await healthyRecordedServer() {
            store.touchUsed()
            return url
        }
        return try await locked { () async throws(LLMError) -> URL in
            if let record = store.load(), ManagedServer.isAlive(record) {
                if record.modelPath == configuration.modelPath.path {
                    // Ours: healthy, or still loading because the k1 that started it was interrupted.
                    if let url = try await waitForRecorded(record) { return url }
                } else {
                    configuration.announce?("stopping llama-server for \(record.model) to load \(modelName)…")
                }
            }
            await stopRecordedLocked()
            return try await start()
        }
    }

    /// Stops whatever server is recorded and starts the configured one.
    /// When another k1 restarted it while this one waited for the lock, that fresh server is used instead.
    public func restart() async throws(LLMError) -> URL {
        let requested = Date()
        return try await locked { () async throws(LLMError) -> URL in
            if let record = store.load(), record.startedAt > requested, record.modelPath == configuration.modelPath.path,
               ManagedServer.isAlive(record), await ManagedServerHealth.check(port: record.port) == .ok {
                store.touchUsed()
                return record.url
            }
            await stopRecordedLocked()
            return try await start()
        }
    }

    /// Saves the server's prompt cache (``PromptSnapshot``) once per start, after the warm-up request
    /// (``GenerationRequest/savesPromptSnapshot``) when it read at least ``PromptSnapshot/minimumPromptTokens`` tokens,
    /// so that the next start restores it.
    public func promptCacheFilled(promptTokens: Int) async {
        guard promptTokens >= PromptSnapshot.minimumPromptTokens, let record = store.load(), ManagedServer.isAlive(record),
              let executable = record.executable else { return }
        let snapshot = PromptSnapshot(configuration: configuration, binary: URL(fileURLWithPath: executable))
        await snapshot.saveIfOlder(than: record.startedAt, from: record.url)
    }

    /// True when the prompt-cache snapshot for this model, context size and server binary does not exist yet.
    public var needsPromptSnapshot: Bool {
        guard let binary = try? serverBinary() else { return false }
        return !FileManager.default.fileExists(atPath: PromptSnapshot(configuration: configuration, binary: binary).url.path)
    }

    /// Marks the server as used now, postponing its idle stop (touches `state/server.used`).
    public func noteUsed() {
        store.touchUsed()
    }

    /// Stops the recorded server, if any.
    /// - Returns: the record of the server that was stopped, nil when none was running.
    @discardableResult
    public func stop() async -> ManagedServerRecord? {
        await ManagedServer.stop(paths: configuration.paths)
    }

    /// Stops the server recorded in `paths.state` (and its watcher) and removes the record.
    /// - Returns: the record of the server that was stopped, nil when none was running.
    @discardableResult
    public static func stop(paths: XDGPaths) async -> ManagedServerRecord? {
        let store = ManagedServerStore(paths: paths)
        let lock = try? ManagedServerLock(store.lockURL)
        let held = await lock?.acquire(timeout: .seconds(30)) ?? false
        defer { if held { lock?.release() } }
        return await stopRecorded(store)
    }

    /// The recorded server's state, for `k1 server status`.
    public static func status(paths: XDGPaths) async -> ManagedServerStatus {
        let store = ManagedServerStore(paths: paths)
        guard let record = store.load() else { return ManagedServerStatus(record: nil, alive: false, health: .unreachable, lastUsed: nil) }
        let alive = isAlive(record)
        let health = alive ? await ManagedServerHealth.check(port: record.port) : .unreachable
        return ManagedServerStatus(record: record, alive: alive, health: health, lastUsed: store.lastUsed(record))
    }

    // MARK: - Internals

    /// Whether the recorded process is alive and is the recorded executable.
    static func isAlive(_ record: ManagedServerRecord) -> Bool {
        ManagedServerProcess.isRunning(record.pid, executable: record.executable)
    }

    /// The recorded server's URL when it runs the configured model and answers `/health` with 200 (no lock).
    private func healthyRecordedServer() async -> URL? {
        guard let record = store.load(), record.modelPath == configuration.modelPath.path, ManagedServer.isAlive(record),
              await ManagedServerHealth.check(port: record.port) == .ok else { return nil }
        return record.url
    }

    /// Runs `body` holding the server lock.
    private func locked<T: Sendable>(_ body: () async throws(LLMError) -> T) async throws(LLMError) -> T {
        let lock = try ManagedServerLock(store.lockURL)
        let busy = LLMError(.timeout, "another k1 has been starting llama-server for too long; check k1 server logs, then k1 server stop")
        return try await lock.withLock(timeout: configuration.startTimeout + .seconds(30), busy: busy, body)
    }

    /// Waits for a recorded live server of the right model to answer; nil when it must be replaced.
    private func waitForRecorded(_ record: ManagedServerRecord) async throws(LLMError) -> URL? {
        switch await ManagedServerHealth.check(port: record.port) {
        case .ok:
            store.touchUsed()
            return record.url
        case .loading:
            let outcome = await waitUntilHealthy(port: record.port, isRunning: { ManagedServer.isAlive(record) })
            if case .healthy = outcome {
                store.touchUsed()
                return record.url
            }
            if case .cancelled = outcome { throw LLMError(.cancelled, "cancelled while llama-server was loading \(modelName)") }
            return nil
        case .unreachable, .status:
            return nil
        }
    }

    private func stopRecordedLocked() async {
        await ManagedServer.stopRecorded(store)
    }

    @discardableResult
    private static func stopRecorded(_ store: ManagedServerStore) async -> ManagedServerRecord? {
        guard let record = store.load() else { return nil }
        var stopped: ManagedServerRecord?
        if isAlive(record) {
            await ManagedServerProcess.terminate(record.pid)
            stopped = record
        }
        if let watcher = record.watcherPid, let argv = ManagedServerProcess.commandLine(watcher), argv.contains("watch") {
            kill(watcher, SIGTERM)
        }
        store.remove()
        return stopped
    }

    /// Starts llama-server (the lock is held): checks binary and model, picks a port, spawns the server and its
    /// watcher, records it, and waits for `/health`. Retries twice when the port was taken meanwhile.
    private func start() async throws(LLMError) -> URL {
        let binary = try serverBinary()
        guard FileManager.default.fileExists(atPath: configuration.modelPath.path) else {
            if let packaged = ModelCatalog.lookup(modelName) {
                throw LLMError(.modelMissing, "model \(packaged.name) is not installed: run k1 models install \(packaged.name)")
            }
            throw LLMError(.modelMissing, "no model file at \(configuration.modelPath.path): fix the path with k1 models use PATH.gguf, or run k1 models install \(ModelCatalog.defaultModel.name)")
        }
        var attempt = 0
        while true {
            attempt += 1
            let port: Int
            if let fixed = configuration.port { port = fixed } else { port = try ManagedServerPort.freeLoopbackPort() }
            let snapshot = PromptSnapshot(configuration: configuration, binary: binary)
            let snapshots = (try? XDGPaths.ensureDirectory(snapshot.directory))
                .map { snapshot.directory }
            let commandLine = configuration.commandLine(port: port, snapshots: snapshots)
            let oomKillsBefore = OOMKillCounter.current()
            let process = try ManagedServerProcess.spawn(binary, arguments: commandLine.arguments,
                                                         environment: configuration.environment, log: store.logURL)
            let now = Date()
            var record = ManagedServerRecord(pid: process.processIdentifier, port: port, model: modelName,
                                             modelPath: configuration.modelPath.path, startedAt: now, lastUsed: now,
                                             executable: binary.path)
            try store.save(record)
            store.touchUsed()
            if let watcher = startWatcher(pid: record.pid) {
                record.watcherPid = watcher
                try store.save(record)
            }
            switch await waitUntilHealthy(port: port, isRunning: { process.isRunning }) {
            case .healthy:
                // The prompt cache of an earlier start: the first request then reads only what is new to it.
                if snapshots != nil { await snapshot.restore(into: record.url) }
                return record.url
            case .exited:
                store.remove()
                let error = ManagedServerFailure.error(
                    model: modelName, modelPath: configuration.modelPath.path, port: port, contextSize: configuration.contextSize,
                    logLines: store.logTail(40), status: process.terminationStatus,
                    signaled: process.terminationReason == .uncaughtSignal, logPath: store.logURL.path,
                    oomKilled: OOMKillCounter.current().map { $0 > (oomKillsBefore ?? Int.max) } ?? false)
                if error.code == .portInUse && configuration.port == nil && attempt < 3 { continue }
                throw error
            case .timedOut:
                await ManagedServerProcess.terminate(record.pid)
                store.remove()
                let last = ManagedServerFailure.errorLines(store.logTail(3)).last ?? "no output"
                throw LLMError(.timeout, "llama-server did not finish loading \(modelName) within \(configuration.startTimeout) (last log line: \(last)); see k1 server logs")
            case .cancelled:
                throw LLMError(.cancelled, "cancelled while llama-server was loading \(modelName) (it keeps loading in the background)")
            }
        }
    }

    private func serverBinary() throws(LLMError) -> URL {
        let override = configuration.environment[RuntimeInstaller.binaryOverride].flatMap { $0.isEmpty ? nil : $0 }
        guard let binary = configuration.serverBinary
                ?? RuntimeInstaller.llamaServerPath(paths: configuration.paths, environment: configuration.environment) else {
            throw LLMError(.serverNotInstalled, "llama-server is not installed: run k1 setup")
        }
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            if override != nil, configuration.serverBinary == nil {
                throw LLMError(.serverNotInstalled, "\(RuntimeInstaller.binaryOverride)=\(binary.path) is not an executable file: fix or unset it")
            }
            throw LLMError(.serverNotInstalled, "llama-server at \(binary.path) is not executable: run k1 setup again")
        }
        return binary
    }

    /// Starts `k1 server watch` for `pid` when a watcher executable is configured and idle stop is on.
    private func startWatcher(pid: Int32) -> Int32? {
        guard configuration.idleMinutes > 0, let executable = configuration.watcherExecutable else { return nil }
        let arguments = ["server", "watch", "--pid", String(pid), "--idle-minutes", String(configuration.idleMinutes)]
        let watcher = try? ManagedServerProcess.spawn(executable, arguments: arguments, environment: configuration.environment,
                                                      log: store.logURL, appendLog: true)
        return watcher?.processIdentifier
    }

    private enum StartOutcome { case healthy, exited, timedOut, cancelled }

    /// Polls `/health` every 100 ms until 200, the process exits, the start timeout passes, or the task is cancelled.
    /// Announces "loading model …" once when it takes more than half a second.
    private func waitUntilHealthy(port: Int, isRunning: () -> Bool) async -> StartOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        var announced = false
        while true {
            if Task.isCancelled { return .cancelled }
            guard isRunning() else { return .exited }
            if await ManagedServerHealth.check(port: port, timeout: 1) == .ok { return .healthy }
            guard isRunning() else { return .exited }
            let elapsed = clock.now - started
            if elapsed >= configuration.startTimeout { return .timedOut }
            if !announced, elapsed >= .milliseconds(500) {
                announced = true
                configuration.announce?("loading model \(modelName)…")
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
