import Foundation

/// `Fixtures/hostile_openai_server.py` running on a free loopback port for one test: an OpenAI-compatible backend whose
/// answers hold terminal control sequences. Stopped when released (its standard input is a lifeline).
final class HostileModelServer {
    /// The server's port on 127.0.0.1.
    let port: Int
    /// Requests it answered, one `POST /path` line each.
    let requestLog: URL
    private let process: ChildProcess
    private let lifeline: Int32

    init(directory: URL) throws {
        guard let python = HostTools.python3 else { throw E2EError.processFailed("python3 is not installed") }
        requestLog = directory.appendingPathComponent("model-requests.log")
        _ = FileManager.default.createFile(atPath: requestLog.path, contents: nil)
        let stdin = try ChildProcess.pipe()
        let stdout = try ChildProcess.pipe()
        defer { close(stdin.read); close(stdout.read) }
        process = try ChildProcess(python, ["-u", KubeFixture.fixtures.appendingPathComponent("hostile_openai_server.py").path,
                                            "--log", requestLog.path, "--watch-stdin"],
                                   stdin: .descriptor(stdin.read), stdout: .descriptor(stdout.write), stderr: .null)
        close(stdout.write)
        lifeline = stdin.write
        var announced: [UInt8] = []
        var byte: UInt8 = 0
        while announced.last != UInt8(ascii: "\n"), read(stdout.read, &byte, 1) == 1 { announced.append(byte) }
        let line = String(decoding: announced, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            close(lifeline)
            process.send(SIGKILL)
            process.wait()
            throw E2EError.processFailed("the hostile model server did not announce its port: \(line)")
        }
        self.port = port
    }

    deinit {
        close(lifeline)
        process.send(SIGTERM)
        process.wait()
    }

    /// How many chat completions it served.
    var completions: Int {
        ((try? String(contentsOf: requestLog, encoding: .utf8)) ?? "").components(separatedBy: "chat/completions").count - 1
    }
}
