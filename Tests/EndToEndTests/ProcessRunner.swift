import Foundation

/// Runs short-lived commands to completion. Output goes through temporary files, so a chatty child can never
/// block on a full pipe, and a watchdog kills a child that outlives its timeout.
enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it.
    /// - Parameters:
    ///   - environment: the child's whole environment (nil: this process's).
    ///   - input: written to the child's standard input through a pipe, which is then closed (nil: `/dev/null`).
    ///   - timeout: the child is killed after this long, and the call throws.
    /// - Returns: the exit status and both outputs.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    input: String? = nil, timeout: Duration = .seconds(30)) throws -> ProcessOutput {
        let files = FileManager.default
        let directory = files.temporaryDirectory.appendingPathComponent("k1-e2e-run-\(UUID().uuidString)")
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: directory) }
        let stdoutURL = directory.appendingPathComponent("stdout")
        let stderrURL = directory.appendingPathComponent("stderr")
        _ = files.createFile(atPath: stdoutURL.path, contents: nil)
        _ = files.createFile(atPath: stderrURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let inputPipe, let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }

        let pid = process.processIdentifier
        let started = ContinuousClock.now
        let watchdog = DispatchWorkItem { _ = kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()

        let stdout = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        let signaled = process.terminationReason == .uncaughtSignal
        if signaled && process.terminationStatus == SIGKILL && ContinuousClock.now - started >= timeout {
            throw E2EError.timedOut(waitingFor: "\(executable) \(arguments.joined(separator: " ")) to exit",
                                    after: timeout, screen: stdout + stderr)
        }
        return ProcessOutput(status: signaled ? 128 + process.terminationStatus : process.terminationStatus,
                             stdout: stdout, stderr: stderr)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
