import Foundation
import LLM
import HTTP
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A replay server from `Fixtures/` (`fake_ollama.py`, `fake_llama_server.py`) running as a child process on a free
/// loopback port. Stop it with `stop()` (use `defer`); it also exits by itself when the test process ends.
final class FakeServer: @unchecked Sendable {
    let process: Process
    let port: Int
    private let stdinPipe: Pipe

    /// The server's root URL.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The root URL with a scenario prefix (`http://127.0.0.1:N/slow`).
    func url(scenario: String) -> URL { URL(string: "http://127.0.0.1:\(port)/\(scenario)")! }

    /// Starts `Fixtures/<script>.py` and waits for it to print its port (off the cooperative thread pool, which
    /// is two threads on a two-core machine).
    static func start(_ script: String) async throws -> FakeServer {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try startBlocking(script) })
            }
        }
    }

    private static func startBlocking(_ script: String) throws -> FakeServer {
        guard let path = Bundle.module.url(forResource: script, withExtension: "py", subdirectory: "Fixtures") else {
            throw FakeServerError("fixture \(script).py is missing from the test bundle")
        }
        let process = Process()
        // The system interpreter when there is one: version-manager shims on PATH can add ~0.2 s per start.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-S", path.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", path.path]
        }
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = Data()
        while !text.contains(0x0A) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text.append(data)
        }
        guard let line = String(data: text, encoding: .utf8)?.split(separator: "\n").first, let port = Int(line) else {
            process.terminate()
            throw FakeServerError("\(script).py did not print its port")
        }
        return FakeServer(process: process, port: port, stdinPipe: input)
    }

    private init(process: Process, port: Int, stdinPipe: Pipe) {
        self.process = process
        self.port = port
        self.stdinPipe = stdinPipe
    }

    /// The last JSON request body the server received, with its path and Authorization header.
    func lastRequest() async throws -> JSONValue {
        let endpoint = ServerEndpoint(name: "fake server", baseURL: baseURL, unreachableHint: "")
        return try await HTTPJSONClient(endpoint: endpoint, timeout: 5).get("_last_request", as: JSONValue.self)
    }

    /// Stops the server. SIGKILL, because a child started from a dispatch worker thread inherits its blocked
    /// signal mask and may never see SIGTERM.
    func stop() {
        try? stdinPipe.fileHandleForWriting.close()
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

struct FakeServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension JSONValue {
    /// `value["a"]` for objects; nil otherwise.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}
