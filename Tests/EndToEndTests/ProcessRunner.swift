import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

        var stdin = ChildProcess.Stream.null
        var pipeEnds: [Int32] = []
        if input != nil {
            let ends = try ChildProcess.pipe()
            pipeEnds = [ends.read, ends.write]
            stdin = .descriptor(ends.read)
        }
        let child: ChildProcess
        do {
            child = try ChildProcess(executable, arguments, environment: environment, stdin: stdin,
                                     stdout: .file(stdoutURL), stderr: .file(stderrURL))
        } catch {
            pipeEnds.forEach { close($0) }
            throw error
        }
        if let input {
            // Written while this process still holds the read end too, so an early exit cannot raise SIGPIPE here.
            let writer = FileHandle(fileDescriptor: pipeEnds[1], closeOnDealloc: true)
            try? writer.write(contentsOf: Data(input.utf8))
            try? writer.close()
            close(pipeEnds[0])
        }

        let pid = child.pid
        let started = ContinuousClock.now
        let watchdog = DispatchWorkItem { _ = kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds, execute: watchdog)
        let status = child.wait()
        watchdog.cancel()

        let stdout = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        if status == 128 + SIGKILL && ContinuousClock.now - started >= timeout {
            throw E2EError.timedOut(waitingFor: "\(executable) \(arguments.joined(separator: " ")) to exit",
                                    after: timeout, screen: stdout + stderr)
        }
        return ProcessOutput(status: status, stdout: stdout, stderr: stderr)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
