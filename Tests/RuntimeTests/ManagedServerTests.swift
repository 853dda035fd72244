import Foundation
import Support
import Testing
@testable import HTTP
@testable import Runtime
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ManagedServerTests {
    static let record = ManagedServerRecord(
        pid: 4242, port: 40123, model: "smollm2-135m", modelPath: "/data/k1/models/smollm2-135m.gguf",
        startedAt: Date(timeIntervalSince1970: 1_800_000_000), lastUsed: Date(timeIntervalSince1970: 1_800_000_060),
        executable: "/venv/bin/llama-server", watcherPid: 4243)

    @Test func commandLine() {
        let line = ManagedServerCommandLine(modelPath: "/m/q.gguf", modelName: "qwen2.5-coder-1.5b", port: 40123,
                                            contextSize: 4096, threads: 2, gpuLayers: 0)
        #expect(line.arguments == ["-m", "/m/q.gguf", "--host", "127.0.0.1", "--port", "40123", "-c", "4096", "-t", "2",
                                   "--alias", "qwen2.5-coder-1.5b", "-np", "1"])
        var saving = line
        saving.slotSavePath = "/c/k1/slots"
        #expect(saving.arguments.suffix(2) == ["--slot-save-path", "/c/k1/slots"])
        var gpu = line
        gpu.gpuLayers = 99
        #expect(gpu.arguments.suffix(2) == ["-ngl", "99"])
        #expect(ManagedServerCommandLine.threads(configured: 0, cores: 8) == 8)
        #expect(ManagedServerCommandLine.threads(configured: 3, cores: 8) == 3)
        #expect(ManagedServerCommandLine.threads(configured: 0, cores: 0) == 1)
    }

    @Test func configurationFromSettings() throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        var config = K1Config()
        config.model = "smollm2"
        config.contextSize = 2048
        config.threads = 1
        config.gpuLayers = 5
        let configuration = try ManagedServer.Configuration(config: config, paths: xdg.paths, environment: xdg.environment)
        #expect(configuration.modelName == "smollm2-135m")
        #expect(configuration.modelPath == ModelCatalog.smolLM2.installedURL(paths: xdg.paths))
        #expect(configuration.commandLine(port: 9).arguments == ["-m", configuration.modelPath.path, "--host", "127.0.0.1",
                                                                 "--port", "9", "-c", "2048", "-t", "1", "--alias", "smollm2-135m",
                                                                 "-np", "1", "-ngl", "5", "--no-repack"])
        #expect(configuration.commandLine(port: 9, snapshots: URL(fileURLWithPath: "/s")).arguments.contains("--slot-save-path"))
        config.model = "/models/My Model.gguf"
        #expect(try ManagedServer.Configuration(config: config, paths: xdg.paths, environment: xdg.environment).modelName == "My Model")
        config.model = "llama3.2:3b"
        #expect(throws: LLMError.self) { try ManagedServer.Configuration(config: config, paths: xdg.paths, environment: xdg.environment) }
    }

    @Test func recordRoundTrip() throws {
        let data = Self.record.encoded()
        #expect(ManagedServerRecord.decode(data) == Self.record)
        #expect(Self.record.url.absoluteString == "http://127.0.0.1:40123")
        // Without the optional fields (as an older k1 may write it).
        let minimal = #"{"pid":7,"port":8080,"model":"m","modelPath":"/m.gguf","startedAt":"2027-01-15T08:00:00Z","lastUsed":"2027-01-15T08:00:00Z"}"#
        let decoded = try #require(ManagedServerRecord.decode(Data(minimal.utf8)))
        #expect(decoded.watcherPid == nil && decoded.executable == nil && decoded.port == 8080)
        for bad in ["", "{", "[]", #"{"pid":7}"#, minimal.replacingOccurrences(of: "8080", with: "70000"),
                    minimal.replacingOccurrences(of: #""pid":7"#, with: #""pid":-1"#)] {
            #expect(ManagedServerRecord.decode(Data(bad.utf8)) == nil, "\(bad)")
        }
    }

    @Test func storeSavesLoadsAndQuarantinesACorruptRecord() throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        let store = ManagedServerStore(paths: xdg.paths)
        #expect(store.load() == nil)
        try store.save(Self.record)
        #expect(store.load() == Self.record)
        try Data("{\"pid\": 12, garbage".utf8).write(to: store.recordURL)
        #expect(store.load() == nil)
        #expect(!FileManager.default.fileExists(atPath: store.recordURL.path))
        let backup = store.recordURL.appendingPathExtension("bak.1")
        #expect(try String(contentsOf: backup, encoding: .utf8).hasPrefix("{\"pid\": 12"))
        try store.save(Self.record)   // starts clean
        #expect(store.load() == Self.record)
        store.remove()
        #expect(store.load() == nil)
    }

    @Test func aStoreThatCannotWriteNamesThePathInItsCode() throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        try FileManager.default.createDirectory(at: xdg.paths.state.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: xdg.paths.state)   // a file where the state directory belongs
        let store = ManagedServerStore(paths: xdg.paths)
        do {
            try store.save(Self.record)
            Issue.record("expected an error")
        } catch {
            guard case .notWritable(let path) = error.code else { Issue.record("code \(error.code)"); return }
            #expect(path.hasPrefix(xdg.paths.state.path))
            #expect(error.message.hasSuffix("check that \(xdg.paths.state.path) is writable"))
        }
    }

    @Test func lastUsedIsTheLaterOfRecordAndMarker() throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        let store = ManagedServerStore(paths: xdg.paths)
        var past = Self.record
        past.lastUsed = Date(timeIntervalSinceNow: -3600)
        #expect(store.lastUsed(past) == past.lastUsed)   // no marker yet
        store.touchUsed()
        let touched = store.lastUsed(past)
        #expect(abs(touched.timeIntervalSinceNow) < 5)
        var future = Self.record
        future.lastUsed = Date().addingTimeInterval(3600)
        #expect(store.lastUsed(future) == future.lastUsed)
    }

    @Test func logTail() throws {
        #expect(ManagedServerStore.tail("a\n\nb  \r\nc\n", lines: 2) == ["b", "c"])
        #expect(ManagedServerStore.tail("a\nb", lines: 5) == ["a", "b"])
        #expect(ManagedServerStore.tail("a", lines: 0).isEmpty)
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        let store = ManagedServerStore(paths: xdg.paths)
        #expect(store.logTail(3).isEmpty)
        try XDGPaths.ensureDirectory(xdg.paths.state)
        try (1...5000).map { "line \($0)" }.joined(separator: "\n").write(to: store.logURL, atomically: true, encoding: .utf8)
        #expect(store.logTail(2) == ["line 4999", "line 5000"])
    }

    @Test func freePortIsBindableAndATakenPortIsNot() throws {
        let port = try ManagedServerPort.freeLoopbackPort()
        #expect((1024...65535).contains(port))
        #expect(ManagedServerPort.isFree(port))
        let occupied = try #require(ManagedServerPort.occupy())
        defer { close(occupied.socket) }
        #expect(!ManagedServerPort.isFree(occupied.port))
        #expect(try ManagedServerPort.freeLoopbackPort() != occupied.port)
    }

    @Test func failureClassificationFromTheLog() {
        let bind = ["0.00.002.682 E srv         start: couldn't bind HTTP server socket, hostname: 127.0.0.1, port: 18555",
                    "0.00.030.583 E srv  llama_server: exiting due to HTTP server error"]
        #expect(ManagedServerFailure.cause(logLines: bind) == .portInUse)
        let model = ["0.00.002.568 W srv  llama_server: security: no API key is set",
                     "0.00.004.395 E gguf_init_from_reader: invalid magic characters: 'hell', expected 'GGUF'",
                     "0.00.004.621 E srv    load_model: failed to load model, '/tmp/bad.gguf'",
                     "0.00.004.985 E srv  llama_server: exiting due to model loading error"]
        #expect(ManagedServerFailure.cause(logLines: model) == .badModel)
        #expect(ManagedServerFailure.errorLines(model) == ["gguf_init_from_reader: invalid magic characters: 'hell', expected 'GGUF'",
                                                           "load_model: failed to load model, '/tmp/bad.gguf'",
                                                           "llama_server: exiting due to model loading error"])
        #expect(ManagedServerFailure.cause(logLines: ["llama-server: error while loading shared libraries: libllama.so.0"]) == .brokenRuntime)
        #expect(ManagedServerFailure.cause(logLines: ["ok"], signal: 9, oomKilled: true) == .outOfMemory)
        #expect(ManagedServerFailure.cause(logLines: ["something else"]) == .other)

        let error = ManagedServerFailure.error(model: "smollm2-135m", modelPath: "/tmp/bad.gguf", port: 4000, contextSize: 4096,
                                               logLines: model, status: 1, signaled: false, logPath: "/s/server.log")
        #expect(error.code == .serverFailed)
        #expect(error.message == "llama-server could not load /tmp/bad.gguf (gguf_init_from_reader: invalid magic characters: 'hell', expected 'GGUF' … llama_server: exiting due to model loading error); reinstall it with k1 models install smollm2-135m or pick another with k1 models use NAME (log: /s/server.log)")
        let port = ManagedServerFailure.error(model: "m", modelPath: "/m", port: 18555, contextSize: 4096, logLines: bind,
                                              status: 1, signaled: false, logPath: "/s/server.log")
        #expect(port.code == .portInUse && port.message.contains("127.0.0.1:18555"))
        let silent = ManagedServerFailure.error(model: "m", modelPath: "/m", port: 1, contextSize: 4096, logLines: [],
                                                status: 6, signaled: true, logPath: "/l")
        #expect(silent.message == "llama-server was killed by signal 6 while loading m (no output); see k1 server logs (/l)")
    }

    @Test func watcherDecisions() {
        typealias W = ManagedServerWatcher
        #expect(W.decide(recordedPid: 5, watchedPid: 5, alive: true, idleSeconds: 10, limitSeconds: 900, pollSeconds: 30) == .wait(30))
        #expect(W.decide(recordedPid: 5, watchedPid: 5, alive: true, idleSeconds: 890, limitSeconds: 900, pollSeconds: 30) == .wait(10))
        #expect(W.decide(recordedPid: 5, watchedPid: 5, alive: true, idleSeconds: 900, limitSeconds: 900, pollSeconds: 30) == .stop)
        #expect(W.decide(recordedPid: 5, watchedPid: 5, alive: false, idleSeconds: 0, limitSeconds: 900, pollSeconds: 30) == .exit)
        #expect(W.decide(recordedPid: 6, watchedPid: 5, alive: true, idleSeconds: 999, limitSeconds: 900, pollSeconds: 30) == .exit)
        #expect(W.decide(recordedPid: nil, watchedPid: 5, alive: true, idleSeconds: 999, limitSeconds: 900, pollSeconds: 30) == .exit)
    }

    @Test func statusSummary() {
        let now = Self.record.startedAt.addingTimeInterval(200)
        let status = ManagedServerStatus(record: Self.record, alive: true, health: .ok, lastUsed: Self.record.lastUsed)
        #expect(status.summary(now: now, idleMinutes: 15)
                == "running: pid 4242 on http://127.0.0.1:40123, model smollm2-135m, up 3:20, last used 2:20 ago, stops after 15 min idle (in 12:40)")
        #expect(ManagedServerStatus(record: nil, alive: false, health: .unreachable, lastUsed: nil).summary().hasPrefix("not running"))
        #expect(ManagedServerStatus(record: Self.record, alive: false, health: .unreachable, lastUsed: nil).summary().contains("has exited"))
        #expect(ManagedServerHealth.from(status: 503) == .loading)
        #expect(ManagedServerHealth.from(status: 500) == .status(500))
    }

    @Test func processHelpers() async throws {
        #expect(ManagedServerProcess.isAlive(getpid()))
        #expect(!ManagedServerProcess.isAlive(0))
        let argv = try #require(ManagedServerProcess.commandLine(getpid()))
        #expect(!argv.isEmpty)
        #expect(ManagedServerProcess.isRunning(getpid(), executable: argv[0]))
        #expect(!ManagedServerProcess.isRunning(getpid(), executable: "/usr/bin/definitely-not-this"))
        // A child spawned detached gets its own process group, can be signalled, and is seen as gone afterwards.
        let child = try ManagedServerProcess.spawn(URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"], environment: [:], log: nil)
        let pid = child.processIdentifier
        #expect(getpgid(pid) == pid)
        #expect(getpgid(pid) != getpgid(0))
        #expect(await ManagedServerProcess.terminate(pid, grace: .seconds(3)))
        #expect(!ManagedServerProcess.isAlive(pid))
    }

    @Test func missingBinaryAndModelAreOneLine() async throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        var environment = xdg.environment
        environment["PATH"] = xdg.root.path
        let missingModel = ManagedServer(.init(modelName: "smollm2-135m", modelPath: ModelCatalog.smolLM2.installedURL(paths: xdg.paths),
                                               paths: xdg.paths, environment: environment, serverBinary: URL(fileURLWithPath: "/bin/true"),
                                               watcherExecutable: nil, announce: nil))
        await #expect(throws: LLMError(.modelMissing, "model smollm2-135m is not installed: run k1 models install smollm2-135m")) {
            try await missingModel.ensureRunning()
        }
        let noBinary = ManagedServer(.init(modelName: "x", modelPath: URL(fileURLWithPath: "/x.gguf"), paths: xdg.paths,
                                           environment: environment, watcherExecutable: nil, announce: nil))
        await #expect(throws: LLMError(.serverNotInstalled, "llama-server is not installed: run k1 setup")) {
            try await noBinary.ensureRunning()
        }
        environment[RuntimeInstaller.binaryOverride] = "/nonexistent/llama-server"
        let badOverride = ManagedServer(.init(modelName: "x", modelPath: URL(fileURLWithPath: "/x.gguf"), paths: xdg.paths,
                                              environment: environment, watcherExecutable: nil, announce: nil))
        await #expect(throws: LLMError(.serverNotInstalled, "K1_LLAMA_SERVER=/nonexistent/llama-server is not an executable file: fix or unset it")) {
            try await badOverride.ensureRunning()
        }
    }
}

@Suite("ManagedServerFailure: SIGKILL is not blamed on memory without evidence")
struct ManagedServerKillTests {
    @Test("a SIGKILL with no OOM kill is reported as a kill, never as memory")
    func sigkillWithoutOOM() {
        #expect(ManagedServerFailure.cause(logLines: ["0.00.001.000 I srv  loading model"], signal: 9) == .killed)
        let error = ManagedServerFailure.error(model: "m", modelPath: "/m", port: 1, contextSize: 4096,
                                               logLines: ["0.00.001.000 I srv  loading model"], status: 9,
                                               signaled: true, logPath: "/l")
        #expect(!error.message.contains("memory") || error.message.contains("no out-of-memory kill"))
        #expect(!error.message.contains("context_size"))
        #expect(error.message.contains("signal 9"))
    }

    @Test("a SIGKILL with an OOM kill, or a log that says out of memory, blames memory")
    func oomEvidence() {
        let error = ManagedServerFailure.error(model: "m", modelPath: "/m", port: 1, contextSize: 4096, logLines: [],
                                               status: 9, signaled: true, logPath: "/l", oomKilled: true)
        #expect(error.message.contains("not enough memory") && error.message.contains("context_size"))
        #expect(ManagedServerFailure.cause(logLines: ["ggml: failed to allocate buffer"], signal: 9) == .outOfMemory)
    }

    @Test("the OOM kill count comes from cgroup v2 memory.events")
    func memoryEvents() {
        #expect(OOMKillCounter.oomKills(inMemoryEvents: "low 0\nhigh 0\nmax 3\noom 2\noom_kill 2\noom_group_kill 0\n") == 2)
        #expect(OOMKillCounter.oomKills(inMemoryEvents: "low 0\n") == nil)
        #expect(OOMKillCounter.cgroupPath(inProcCgroup: "0::/user.slice/k1.scope\n") == "/user.slice/k1.scope")
        #expect(OOMKillCounter.cgroupPath(inProcCgroup: "12:memory:/docker/abc\n") == nil)
        #expect(OOMKillCounter.memoryCgroupPath(inProcCgroup: "5:devices:/\n4:memory:/docker/abc\n0::/\n") == "/docker/abc")
        #expect(OOMKillCounter.oomKills(inMemoryEvents: "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n") == 3)
    }
}

@Suite("ManagedServer: warm-up before the first saved prompt cache")
struct ManagedServerSnapshotNeedTests {
    @Test("a warm-up is wanted until the snapshot for this model, context and binary exists")
    func needsSnapshot() throws {
        let xdg = try TemporaryXDG()
        defer { xdg.remove() }
        var configuration = try ManagedServer.Configuration(config: K1Config(), paths: xdg.paths, environment: xdg.environment)
        configuration.serverBinary = URL(fileURLWithPath: "/bin/true")
        let server = ManagedServer(configuration)
        #expect(server.needsPromptSnapshot)
        let snapshot = PromptSnapshot(configuration: configuration, binary: URL(fileURLWithPath: "/bin/true"))
        try XDGPaths.ensureDirectory(snapshot.directory)
        try Data("slot".utf8).write(to: snapshot.url)
        #expect(!server.needsPromptSnapshot)
    }
}
