import Foundation
import Testing
@testable import Support
#if canImport(Glibc)
import Glibc
#endif

@Suite("Process runner: exit status, capture, limits, deadline, environment, input")
struct ProcessRunnerTests {
    /// Runs `/bin/sh -c script` through the runner.
    func sh(_ script: String, _ configure: (inout ProcessCommand) -> Void = { _ in }) async throws -> ProcessResult {
        var command = ProcessCommand("/bin/sh", arguments: ["-c", script])
        configure(&command)
        return try await ProcessRunner.run(command)
    }

    @Test("The exit code comes back as exited(code)")
    func exitCodes() async throws {
        #expect(try await sh("exit 0").termination == .exited(0))
        let failed = try await sh("exit 3")
        #expect(failed.termination == .exited(3))
        #expect(failed.termination.shellStatus == 3)
        #expect(!failed.succeeded)
        #expect(!failed.timedOut)
    }

    @Test("A child ended by a signal comes back as signaled(signal), 128 + signal as a shell status")
    func signalExit() async throws {
        let result = try await sh("kill -USR1 $$")
        #expect(result.termination == .signaled(SIGUSR1))
        #expect(result.termination.shellStatus == 128 + SIGUSR1)
        #expect(!result.timedOut)
    }

    @Test("Standard output and standard error are captured apart")
    func capture() async throws {
        let result = try await sh("printf 'out line\\n'; printf 'err line\\n' >&2")
        #expect(result.outputText == "out line\n")
        #expect(result.errorText == "err line\n")
        #expect(!result.standardOutputTruncated && !result.standardErrorTruncated)
    }

    @Test("Output over the limit is cut at the limit and flagged; the child still runs to its end")
    func truncation() async throws {
        let result = try await sh("head -c 100000 /dev/zero | tr '\\0' a; head -c 5000 /dev/zero | tr '\\0' b >&2; exit 7") {
            $0.outputLimit = ProcessCaptureLimit(bytes: 1000)
            $0.errorLimit = ProcessCaptureLimit(bytes: 10, keep: .last)
        }
        #expect(result.termination == .exited(7))
        #expect(result.standardOutput == [UInt8](repeating: UInt8(ascii: "a"), count: 1000))
        #expect(result.standardOutputTruncated)
        #expect(result.standardError == [UInt8](repeating: UInt8(ascii: "b"), count: 10))
        #expect(result.standardErrorTruncated)
    }

    @Test("Output exactly at the limit is not flagged")
    func exactlyAtLimit() async throws {
        let result = try await sh("printf 12345") { $0.outputLimit = ProcessCaptureLimit(bytes: 5) }
        #expect(result.outputText == "12345")
        #expect(!result.standardOutputTruncated)
    }

    @Test("A bounded capture keeps the first or the last bytes across chunks")
    func boundedCapture() {
        var first = BoundedCapture(limit: ProcessCaptureLimit(bytes: 4))
        first.append(Array("ab".utf8)); first.append(Array("cdef".utf8))
        #expect(first.bytes == Array("abcd".utf8) && first.truncated)
        var last = BoundedCapture(limit: ProcessCaptureLimit(bytes: 4, keep: .last))
        last.append(Array("ab".utf8)); last.append(Array("cdef".utf8))
        #expect(last.bytes == Array("cdef".utf8) && last.truncated)
        var none = BoundedCapture(limit: .discard)
        none.append(Array("x".utf8))
        #expect(none.bytes.isEmpty && none.truncated)
    }

    @Test("A child that keeps its output open past the deadline is stopped, with what it wrote before")
    func deadlineWithOpenOutput() async throws {
        // The background sleep holds standard output open: reading to the end of it would never finish.
        let result = try await sh("sleep 30 & echo $!; wait") { $0.deadline = .seconds(1) }
        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGTERM))
        let grandchild = try #require(Int32(result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await gone(result.processIdentifier))
        #expect(await gone(grandchild))
    }

    @Test("A child that ignores SIGTERM gets SIGKILL after the grace period")
    func deadlineIgnoringTerm() async throws {
        let result = try await sh("trap '' TERM; echo started; sleep 30") {
            $0.deadline = .seconds(1)
            $0.grace = .milliseconds(500)
        }
        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGKILL))
        #expect(result.outputText == "started\n")
        #expect(await gone(result.processIdentifier))
    }

    @Test("Cancelling the calling task stops the child the same way, and is not a timeout")
    func cancellation() async throws {
        let (started, starting) = AsyncStream<Int32>.makeStream()
        let run = Task {
            try await ProcessRunner.run(ProcessCommand("/bin/sh", arguments: ["-c", "sleep 30"],
                                                       onStart: { starting.yield($0) }))
        }
        for await _ in started { break }
        run.cancel()
        let result = try await run.value
        #expect(result.termination == .signaled(SIGTERM))
        #expect(!result.timedOut)
        #expect(await gone(result.processIdentifier))
    }

    @Test("A child that ends before its deadline is not timed out")
    func deadlineNotReached() async throws {
        let result = try await sh("echo quick") { $0.deadline = .seconds(60) }
        #expect(!result.timedOut)
        #expect(result.termination == .exited(0))
        #expect(result.outputText == "quick\n")
    }

    @Test("Inherited environment with overrides: a variable set, one removed, the rest kept")
    func environmentOverride() async throws {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let result = try await sh("printf '%s|%s|%s' \"$K1_RUNNER_TEST\" \"${HOME-unset}\" \"${PATH:+path}\"") {
            $0.environment = .inheriting(overrides: ["K1_RUNNER_TEST": "set", "HOME": nil])
        }
        #expect(result.outputText == "set|unset|path", "HOME was \(home)")
    }

    @Test("A replaced environment holds exactly the given variables")
    func environmentReplaced() async throws {
        let result = try await ProcessRunner.run(ProcessCommand("/usr/bin/env", environment: .replacing(["ONLY": "this"])))
        #expect(result.outputText == "ONLY=this\n")
    }

    @Test("The child runs in the working directory given")
    func workingDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("k1-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await sh("pwd -P") { $0.workingDirectory = directory }
        let expected = directory.resolvingSymlinksInPath().path
        #expect(result.outputText.trimmingCharacters(in: .newlines) == expected)
    }

    @Test("A missing working directory is a typed error naming it")
    func missingWorkingDirectory() async {
        let missing = URL(fileURLWithPath: "/nonexistent-k1-dir/sub")
        await #expect(throws: ProcessRunError.workingDirectoryUnavailable(missing.path)) {
            try await sh("true") { $0.workingDirectory = missing }
        }
    }

    @Test("Standard input bytes reach the child, then its end")
    func standardInput() async throws {
        let text = String(repeating: "line of input\n", count: 10_000)   // more than a pipe holds
        let result = try await ProcessRunner.run(ProcessCommand("/bin/cat", input: .bytes(Array(text.utf8))))
        #expect(result.outputText == text)
        #expect(result.termination == .exited(0))
    }

    @Test("With no input the child reads the end at once")
    func noInput() async throws {
        let result = try await sh("cat; echo done") { $0.deadline = .seconds(60) }
        #expect(result.outputText == "done\n")
        #expect(!result.timedOut)
    }

    @Test("The observer sees output as it comes and its replies reach standard input")
    func replies() async throws {
        let result = try await sh("echo ready; read answer; echo \"got $answer\"") {
            $0.input = .replies
            $0.deadline = .seconds(60)
            $0.observer = { stream, chunk in
                stream == .standardOutput && String(decoding: chunk, as: UTF8.self).contains("ready")
                    ? .sendAndClose(Array("yes\n".utf8)) : .nothing
            }
        }
        #expect(result.outputText == "ready\ngot yes\n")
        #expect(!result.timedOut)
    }

    @Test("A program that is not on PATH is executableNotFound, with its name")
    func executableNotFound() async {
        await #expect(throws: ProcessRunError.executableNotFound("k1-no-such-program-7c1e")) {
            try await ProcessRunner.run(ProcessCommand("k1-no-such-program-7c1e"))
        }
        await #expect(throws: ProcessRunError.executableNotFound("/nonexistent-k1/bin/tool")) {
            try await ProcessRunner.run(ProcessCommand("/nonexistent-k1/bin/tool"))
        }
        #expect(ProcessRunError.executableNotFound("kubectl").message == "kubectl: command not found")
    }

    @Test("An empty command is a typed error")
    func emptyCommand() async {
        await #expect(throws: ProcessRunError.emptyCommand) { try await ProcessRunner.run(ProcessCommand("")) }
    }

    @Test("A name is looked up in the child's PATH")
    func pathOfChild() async throws {
        let result = try await ProcessRunner.run(ProcessCommand("sh", arguments: ["-c", "echo found"],
                                                                environment: .replacing(["PATH": "/bin:/usr/bin"])))
        #expect(result.outputText == "found\n")
        await #expect(throws: ProcessRunError.executableNotFound("sh")) {
            try await ProcessRunner.run(ProcessCommand("sh", environment: .replacing(["PATH": "/nonexistent-k1"])))
        }
    }

    /// Whether `pid` has ended (no such process, or a zombie waiting for init), waiting up to a few seconds for the
    /// kernel to finish a kill.
    func gone(_ pid: Int32) async -> Bool {
        for _ in 0..<100 {
            if kill(pid, 0) != 0 { return true }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].dropFirst().first == "Z" { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}

@Suite("Process runner: input the child does not read")
struct ProcessRunnerUnreadInputTests {
    @Test("Input a child exits without reading is dropped; k1 goes on and gets the child's status")
    func unreadInput() async throws {
        let input = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)   // more than a pipe holds
        let result = try await ProcessRunner.run(ProcessCommand("/bin/sh", arguments: ["-c", "exit 5"], input: .bytes(input)))
        #expect(result.termination == .exited(5))
    }
}
