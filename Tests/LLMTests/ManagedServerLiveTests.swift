import Foundation
import Support
import Testing
@testable import LLM
@testable import HTTP
@testable import Runtime
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real llama-server and a small GGUF, when both are on this machine: the binary from `K1_LLAMA_SERVER` or k1's
/// installed runtime; the model from `K1_TEST_GGUF` or the installed `smollm2-135m` (`k1 models install smollm2-135m`).
enum LiveServer {
    static let environment = ProcessInfo.processInfo.environment

    static let binary: URL? = {
        guard let url = RuntimeInstaller.llamaServerPath(paths: XDGPaths(environment: environment), environment: environment),
              FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
        return url
    }()

    static let model: URL? = {
        if let path = environment["K1_TEST_GGUF"], FileManager.default.fileExists(atPath: path) { return URL(fileURLWithPath: path) }
        let installed = ModelCatalog.smolLM2.installedURL(paths: XDGPaths(environment: environment))
        return FileManager.default.fileExists(atPath: installed.path) ? installed : nil
    }()

    static var available: Bool { binary != nil && model != nil }

    /// A configuration in temporary XDG directories with a unique model name, so its processes can be counted.
    static func configuration(_ xdg: TemporaryXDG, model: URL? = nil, name: String? = nil) -> ManagedServer.Configuration {
        ManagedServer.Configuration(modelName: name ?? "k1test-\(UUID().uuidString.prefix(8))", modelPath: model ?? self.model!,
                                    contextSize: 512, threads: 0, paths: xdg.paths, environment: xdg.environment,
                                    serverBinary: binary, watcherExecutable: nil, startTimeout: .seconds(120), announce: nil)
    }

    /// Pids of live processes whose command line contains `marker`.
    static func processes(containing marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard ManagedServerProcess.isAlive(pid), let argv = ManagedServerProcess.commandLine(pid) else { return false }
            return argv.contains { $0.contains(marker) }
        }
    }

    /// Runs `body` with temporary XDG directories, then stops the recorded server and kills anything left running
    /// with `marker` in its command line.
    static func withDirectories(_ body: (TemporaryXDG, String) async throws -> Void) async throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        let marker = xdg.root.lastPathComponent
        do {
            try await body(xdg, marker)
        } catch {
            await cleanUp(xdg, marker)
            throw error
        }
        await cleanUp(xdg, marker)
    }

    static func cleanUp(_ xdg: TemporaryXDG, _ marker: String) async {
        await ManagedServer.stop(paths: xdg.paths)
        for pid in processes(containing: marker) { await ManagedServerProcess.terminate(pid, grace: .seconds(2)) }
        xdg.remove()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

@Suite(.serialized, .enabled(if: LiveServer.available, "needs llama-server (k1 setup) and a small GGUF (K1_TEST_GGUF or smollm2-135m)"))
struct ManagedServerLiveTests {
    @Test func startsReusesRestartsAndStops() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let configuration = LiveServer.configuration(xdg)
            let server = ManagedServer(configuration)
            let started = ContinuousClock.now
            let url = try await server.ensureRunning()
            let elapsed = ContinuousClock.now - started
            print("start-to-healthy (\(configuration.modelPath.lastPathComponent)): \(String(format: "%.2f", LiveServer.seconds(elapsed))) s")
            #expect(url.host == "127.0.0.1")
            #expect(await ManagedServerHealth.check(port: url.port!) == .ok)
            let record = try #require(server.store.load())
            #expect(record.url == url)
            #expect(record.model == configuration.modelName)
            #expect(getpgid(record.pid) == record.pid)          // its own process group: Ctrl-C does not reach it
            #expect(getpgid(record.pid) != getpgid(0))

            // Another instance (another k1 process) reuses it.
            let other = ManagedServer(LiveServer.configuration(xdg, name: configuration.modelName))
            #expect(try await other.ensureRunning() == url)
            #expect(other.store.load()?.pid == record.pid)
            #expect(LiveServer.processes(containing: configuration.modelName) == [record.pid])

            // restart: a new process, the old one gone.
            let restartedURL = try await other.restart()
            let restarted = try #require(other.store.load())
            #expect(restarted.pid != record.pid)
            #expect(!ManagedServerProcess.isAlive(record.pid))
            #expect(await ManagedServerHealth.check(port: restartedURL.port!) == .ok)

            let stopped = await server.stop()
            #expect(stopped?.pid == restarted.pid)
            #expect(!ManagedServerProcess.isAlive(restarted.pid))
            #expect(server.store.load() == nil)
            #expect(await ManagedServer.status(paths: xdg.paths).record == nil)
            #expect(await server.stop() == nil)
        }
    }

    @Test func racingStartersEndWithOneServer() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let name = "k1race-\(UUID().uuidString.prefix(8))"
            // Separate instances: each takes the lock through its own open file description, like separate processes.
            let servers = (0..<3).map { _ in ManagedServer(LiveServer.configuration(xdg, name: name)) }
            async let first = servers[0].ensureRunning()
            async let second = servers[1].ensureRunning()
            async let third = servers[2].ensureRunning()
            let urls = try await [first, second, third]
            #expect(Set(urls).count == 1)
            let pids = LiveServer.processes(containing: name)
            #expect(pids.count == 1)
            #expect(pids.first == servers[0].store.load()?.pid)
        }
    }

    @Test func anotherModelReplacesTheRunningServer() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let first = ManagedServer(LiveServer.configuration(xdg))
            _ = try await first.ensureRunning()
            let oldPid = try #require(first.store.load()?.pid)
            // The same weights under another path count as another model.
            let link = xdg.root.appendingPathComponent("other.gguf")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: LiveServer.model!)
            let second = ManagedServer(LiveServer.configuration(xdg, model: link))
            _ = try await second.ensureRunning()
            let record = try #require(second.store.load())
            #expect(record.pid != oldPid)
            #expect(record.modelPath == link.path)
            #expect(!ManagedServerProcess.isAlive(oldPid))
        }
    }

    @Test func aBadModelFileFailsWithTheLogTail() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let bad = xdg.root.appendingPathComponent("broken.gguf")
            try Data("this is not a model\n".utf8).write(to: bad)
            let server = ManagedServer(LiveServer.configuration(xdg, model: bad))
            do {
                _ = try await server.ensureRunning()
                Issue.record("expected a failure")
            } catch let error as LLMError {
                #expect(error.code == .serverFailed)
                #expect(error.message.contains("could not load \(bad.path)"))
                #expect(error.message.contains("invalid magic"))
                #expect(error.message.contains(server.store.logURL.path))
                #expect(!error.message.contains("\n"))
            }
            #expect(server.store.load() == nil)
        }
    }

    @Test func aTakenPortFailsWithOneLine() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let occupied = try #require(ManagedServerPort.occupy())
            defer { close(occupied.socket) }
            var configuration = LiveServer.configuration(xdg)
            configuration.port = occupied.port
            let server = ManagedServer(configuration)
            do {
                _ = try await server.ensureRunning()
                Issue.record("expected a failure")
            } catch let error as LLMError {
                #expect(error.code == .portInUse)
                #expect(error.message.hasPrefix("llama-server could not listen on 127.0.0.1:\(occupied.port): the port is taken"))
                #expect(error.message.contains("couldn't bind"))
            }
            #expect(server.store.load() == nil)
        }
    }

    @Test func thePromptCacheOutlivesARestartAndABadSnapshotIsDropped() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            var configuration = LiveServer.configuration(xdg)
            configuration.contextSize = 1024
            let server = ManagedServer(configuration)
            let backend = ManagedLlamaCppBackend(server: server, timeout: 120)
            // A system prompt well past PromptSnapshot.minimumPromptTokens.
            let system = "You turn requests into kubectl commands.\n" + (1...40).map { "request: pods in ns\($0)\nkubectl get pods -n ns\($0)" }
                .joined(separator: "\n")
            func ask(_ text: String, warmUp: Bool = false) async throws -> GenerationStats {
                var request = GenerationRequest(messages: [ChatMessage(role: .system, content: system),
                                                           ChatMessage(role: .user, content: text)], maxTokens: 4)
                request.savesPromptSnapshot = warmUp
                return try await backend.complete(request).stats
            }
            let first = try await ask("nodes", warmUp: true)
            #expect((first.promptTokens ?? 0) >= PromptSnapshot.minimumPromptTokens)
            let binary = try #require(server.store.load()?.executable)
            let snapshot = PromptSnapshot(configuration: configuration, binary: URL(fileURLWithPath: binary))
            #expect(FileManager.default.fileExists(atPath: snapshot.url.path), "the warm-up's long prompt was saved")

            // A new server process restores it: the same system prompt is not read again.
            _ = try await server.restart()
            let again = try await ask("services")
            #expect((again.cachedPromptTokens ?? 0) >= PromptSnapshot.minimumPromptTokens)
            #expect((again.promptTokens ?? .max) < (first.promptTokens ?? 0) / 4)

            // A snapshot the server cannot read is deleted at the next start, and the server works.
            try Data("not a slot file".utf8).write(to: snapshot.url)
            _ = try await server.restart()
            #expect(!FileManager.default.fileExists(atPath: snapshot.url.path))
            let afterBadFile = try await ask("secrets", warmUp: true)
            #expect((afterBadFile.generatedTokens ?? 0) > 0)
            #expect(((try? Data(contentsOf: snapshot.url))?.count ?? 0) > 1000, "saved anew after the warm-up")
        }
    }

    @Test("the saved prompt cache holds the warm-up's tokens, never those of a user's request sent before it")
    func theSnapshotHoldsOnlyTheWarmUp() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            var configuration = LiveServer.configuration(xdg)
            configuration.contextSize = 1024
            let server = ManagedServer(configuration)
            let backend = ManagedLlamaCppBackend(server: server, timeout: 120)
            let system = "You turn requests into kubectl commands.\n" + (1...40).map { "request: pods in ns\($0)\nkubectl get pods -n ns\($0)" }
                .joined(separator: "\n")
            func ask(_ text: String, warmUp: Bool) async throws -> GenerationStats {
                var request = GenerationRequest(messages: [ChatMessage(role: .system, content: system),
                                                           ChatMessage(role: .user, content: text)], maxTokens: 1)
                request.savesPromptSnapshot = warmUp
                return try await backend.complete(request).stats
            }
            // A user's request comes first (the warm-up still running in the background): nothing is saved.
            let secret = "create secret generic db --from-literal=password=hunter2 " + (1...30).map { "label\($0)=value\($0)" }
                .joined(separator: " ")
            let user = try await ask(secret, warmUp: false)
            let userTokens = (user.promptTokens ?? 0) + (user.cachedPromptTokens ?? 0)
            let binary = try #require(server.store.load()?.executable)
            let snapshot = PromptSnapshot(configuration: configuration, binary: URL(fileURLWithPath: binary))
            #expect(!FileManager.default.fileExists(atPath: snapshot.url.path), "a user's request is never saved")

            let warm = try await ask("pods", warmUp: true)
            let warmTokens = (warm.promptTokens ?? 0) + (warm.cachedPromptTokens ?? 0)
            #expect(FileManager.default.fileExists(atPath: snapshot.url.path), "the warm-up was saved")
            #expect(userTokens > warmTokens + 50)

            // What a new server restores is the warm-up's prompt (and its one generated token), not the user's.
            let record = try await server.restart()
            let restored = try #require(await snapshot.restore(into: record))
            #expect(restored >= warmTokens - 1 && restored <= warmTokens + 1,
                    "restored \(restored) tokens; the warm-up had \(warmTokens), the user's request \(userTokens)")

            // The server's files are private: 0600 files in 0700 directories.
            func mode(_ url: URL) -> Int {
                ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
            }
            #expect(mode(snapshot.url) == 0o600 && mode(snapshot.directory) == 0o700)
            #expect(mode(server.store.logURL) == 0o600 && mode(server.store.recordURL) == 0o600)
            #expect(mode(server.store.logURL.deletingLastPathComponent()) == 0o700)
        }
    }

    @Test func aDeadRecordedServerIsReplaced() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let configuration = LiveServer.configuration(xdg)
            let store = ManagedServerStore(paths: xdg.paths)
            let gone = try ManagedServerProcess.spawn(URL(fileURLWithPath: "/bin/true"), arguments: [], environment: [:], log: nil)
            gone.waitUntilExit()
            try store.save(ManagedServerRecord(pid: gone.processIdentifier, port: 1, model: configuration.modelName,
                                               modelPath: configuration.modelPath.path, startedAt: Date(), lastUsed: Date()))
            // A corrupt record next time: quarantined, then a clean start.
            let url = try await ManagedServer(configuration).ensureRunning()
            #expect(url.port != 1)
            try Data("garbage".utf8).write(to: store.recordURL)
            let running = LiveServer.processes(containing: configuration.modelName)
            #expect(running.count == 1)
            _ = try await ManagedServer(configuration).ensureRunning()
            #expect(FileManager.default.fileExists(atPath: store.recordURL.appendingPathExtension("bak.1").path))
            // The unrecorded old server is still there (k1 cannot know it); stop it by pid for the test.
            for pid in running where pid != store.load()?.pid { await ManagedServerProcess.terminate(pid) }
        }
    }

    @Test func theWatcherStopsAnIdleServerButNotAUsedOne() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let server = ManagedServer(LiveServer.configuration(xdg))
            _ = try await server.ensureRunning()
            let pid = try #require(server.store.load()?.pid)
            // Generous margins: on a busy machine a sleeping task can wake late.
            let watcher = Task { await ManagedServerWatcher.run(paths: xdg.paths, pid: pid, idleSeconds: 4, pollSeconds: 0.2) }
            for _ in 0..<24 {                                // in use for 6 s: longer than the idle limit
                server.noteUsed()
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(ManagedServerProcess.isAlive(pid))
            #expect(await watcher.value)                     // then idle: stopped
            #expect(!ManagedServerProcess.isAlive(pid))
            #expect(server.store.load() == nil)
            #expect(server.store.logTail(1).first?.contains("stopped llama-server (pid \(pid))") == true)
        }
    }

    @Test func theWatcherExitsWhenTheServerIsGone() async throws {
        try await LiveServer.withDirectories { xdg, _ in
            let server = ManagedServer(LiveServer.configuration(xdg))
            _ = try await server.ensureRunning()
            let pid = try #require(server.store.load()?.pid)
            let watcher = Task { await ManagedServerWatcher.run(paths: xdg.paths, pid: pid, idleSeconds: 600, pollSeconds: 0.2) }
            await ManagedServerProcess.terminate(pid)
            #expect(await watcher.value == false)
            #expect(server.store.load() == nil)              // the dead server's record is cleaned up
        }
    }
}
