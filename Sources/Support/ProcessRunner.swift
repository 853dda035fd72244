import Dispatch
import Foundation
import Subprocess
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs child processes that are not attached to the terminal: standard input from bytes (or nothing), standard
/// output and error captured up to a limit each, an optional deadline after which the child's process group gets
/// SIGTERM and, after a grace period, SIGKILL. The child runs in a process group of its own, so Ctrl-C at k1's
/// terminal never reaches it, and the deadline ends whatever it started too. Cancelling the calling task ends the
/// child the same way. Nothing here blocks a thread: callers await the run.
public enum ProcessRunner {
    /// Runs `command` to its end (or its deadline).
    /// - Throws: ``ProcessRunError`` when it cannot be started; a non-zero exit, a signal or a timeout is a result.
    public static func run(_ command: ProcessCommand) async throws(ProcessRunError) -> ProcessResult {
        guard !command.executable.isEmpty else { throw .emptyCommand }
        let environment = command.environment.resolved(base: ProcessInfo.processInfo.environment)
        guard let path = ExecutableLocator.locate(command.executable, environment: environment) else {
            throw .executableNotFound(command.executable)
        }
        if let directory = command.workingDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { throw .workingDirectoryUnavailable(directory.path) }
        }
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.send(signal: .terminate, toProcessGroup: true,
                                          allowedDurationToNextStep: command.grace)]
        let configuration = Configuration(
            executable: .path(FilePath(path)), arguments: Arguments(command.arguments),
            environment: subprocessEnvironment(command.environment, resolved: environment),
            workingDirectory: command.workingDirectory.map { FilePath($0.path) }, platformOptions: options)
        if command.input != .none { _ = ignoreBrokenPipes }
        let state = RunState(outputLimit: command.outputLimit, errorLimit: command.errorLimit)
        let termination: ProcessTermination
        do {
            termination = try await withTaskCancellationHandler {
                try await withTaskExecutorPreference(ProcessRunnerExecutor.shared) {
                    try await runWithDeadline(configuration, command: command, state: state)
                }
            } onCancel: {
                state.stopOnCancel(grace: command.grace)
            }
        } catch let error as SubprocessError {
            throw ProcessRunError(error, executable: command.executable, workingDirectory: command.workingDirectory?.path)
        } catch {
            throw .communicationFailed(executable: command.executable, reason: "\(error)")
        }
        return state.result(termination: termination)
    }

    // MARK: - Running

    /// SIGPIPE ignored from the first child that is given input on: a child that exits without reading it would
    /// otherwise end k1 itself; the write fails with EPIPE instead and the rest of the input is dropped. Children
    /// start with every signal at its default (swift-subprocess resets them), so they still get SIGPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// What finished: the child, or the deadline's timer.
    private enum Event: Sendable {
        case ended(ProcessTermination)
        case timerDone
    }

    /// Runs the child; when the deadline passes while it runs, sends SIGTERM to its process group and, after the
    /// grace period, SIGKILL. (Cancelling the calling task makes swift-subprocess play the same sequence.)
    private static func runWithDeadline(_ configuration: Configuration, command: ProcessCommand,
                                        state: RunState) async throws -> ProcessTermination {
        try await withThrowingTaskGroup(of: Event.self) { group in
            group.addTask {
                let result = try await Subprocess.run(configuration, input: .inputWriter, output: .sequence,
                                                      error: .sequence) { execution in
                    state.setProcessIdentifier(execution.processIdentifier.value)
                    command.onStart?(execution.processIdentifier.value)
                    await communicate(execution, command: command, state: state)
                }
                return .ended(termination(result.terminationStatus))
            }
            if let deadline = command.deadline {
                group.addTask {
                    await enforce(deadline, grace: command.grace, state: state)
                    return .timerDone
                }
            }
            while let event = try await group.next() {
                guard case .ended(let termination) = event else { continue }
                // Whatever the group started and that outlived its leader's SIGTERM goes too.
                if state.timedOut { kill(-state.processIdentifier, SIGKILL) }
                group.cancelAll()
                return termination
            }
            throw CancellationError()
        }
    }

    /// Waits for `deadline`, then, when the child is still running, marks the run timed out and stops the child's
    /// process group: SIGTERM, then SIGKILL after `grace`. Returns early when cancelled (the child ended).
    private static func enforce(_ deadline: Duration, grace: Duration, state: RunState) async {
        do { try await Task.sleep(for: deadline) } catch { return }
        var pid = state.processIdentifier
        while pid == 0 {
            do { try await Task.sleep(for: .milliseconds(10)) } catch { return }
            pid = state.processIdentifier
        }
        guard isRunning(pid) else { return }
        state.markTimedOut()
        kill(-pid, SIGTERM)
        do { try await Task.sleep(for: grace) } catch { return }
        kill(-pid, SIGKILL)
    }

    /// Whether `pid` still runs: it exists and is not a zombie waiting to be reaped.
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].dropFirst().first != "Z"
        #else
        return true
        #endif
    }

    /// Feeds standard input and reads both outputs at once, so the child never blocks on a full pipe.
    private static func communicate(_ execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>,
                                    command: ProcessCommand, state: RunState) async {
        let writer = execution.standardInputWriter
        let replies = command.input == .replies ? writer : nil
        if command.input == .none { try? await writer.finish() }
        async let output: Void = drain(execution.standardOutput, .standardOutput, command: command, state: state,
                                        writer: replies)
        async let error: Void = drain(execution.standardError, .standardError, command: command, state: state,
                                       writer: replies)
        // Written alongside the reads, as the child may write before it reads.
        if case .bytes(let bytes) = command.input {
            if !bytes.isEmpty { _ = try? await writer.write(bytes) }
            try? await writer.finish()
        }
        _ = await (output, error)
    }

    /// Reads `sequence` to its end (or to the child's end), passing each chunk to the observer and the capture.
    private static func drain(_ sequence: SubprocessOutputSequence, _ stream: ProcessStream, command: ProcessCommand,
                              state: RunState, writer: StandardInputWriter?) async {
        do {
            for try await buffer in sequence {
                let chunk = buffer.withUnsafeBytes { Array($0) }
                state.append(chunk, to: stream)
                guard let observer = command.observer else { continue }
                switch observer(stream, chunk) {
                case .nothing:
                    break
                case .send(let bytes):
                    if let writer, !bytes.isEmpty { _ = try? await writer.write(bytes) }
                case .sendAndClose(let bytes):
                    if let writer {
                        if !bytes.isEmpty { _ = try? await writer.write(bytes) }
                        try? await writer.finish()
                    }
                }
            }
        } catch {
            // The child ended while a read was pending (or the run was cancelled): what was read is kept.
        }
    }

    // MARK: - Conversions

    static func termination(_ status: TerminationStatus) -> ProcessTermination {
        switch status {
        case .exited(let code): .exited(code)
        case .signaled(let signal): .signaled(signal)
        }
    }

    /// swift-subprocess's environment for `environment`: inherited as is, or the resolved variables exactly.
    private static func subprocessEnvironment(_ environment: ProcessEnvironment,
                                              resolved: [String: String]) -> Subprocess.Environment {
        if environment == .inherit { return .inherit }
        return .custom(resolved.sorted { $0.key < $1.key }.map { Array("\($0.key)=\($0.value)\0".utf8) })
    }
}

/// The captures, the timeout flag and the child's pid, shared by the readers and the deadline.
private final class RunState: Sendable {
    private struct Values {
        var output: BoundedCapture
        var error: BoundedCapture
        var timedOut = false
        var processIdentifier: Int32 = 0
    }
    private let values: Mutex<Values>

    init(outputLimit: ProcessCaptureLimit, errorLimit: ProcessCaptureLimit) {
        values = Mutex(Values(output: BoundedCapture(limit: outputLimit), error: BoundedCapture(limit: errorLimit)))
    }

    func append(_ chunk: [UInt8], to stream: ProcessStream) {
        values.withLock { values in
            switch stream {
            case .standardOutput: values.output.append(chunk)
            case .standardError: values.error.append(chunk)
            }
        }
    }

    func markTimedOut() { values.withLock { $0.timedOut = true } }

    var timedOut: Bool { values.withLock { $0.timedOut } }

    func setProcessIdentifier(_ pid: Int32) { values.withLock { $0.processIdentifier = pid } }

    var processIdentifier: Int32 { values.withLock { $0.processIdentifier } }

    /// The caller's task was cancelled: SIGTERM to the child's process group now, SIGKILL after `grace`, from this
    /// thread and a Dispatch timer (swift-subprocess's own teardown waits for a shared thread, which may be busy).
    func stopOnCancel(grace: Duration) {
        let pid = processIdentifier
        guard pid > 0, ProcessRunner.isRunning(pid) else { return }
        kill(-pid, SIGTERM)
        let (seconds, attoseconds) = grace.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) {
            if ProcessRunner.isRunning(pid) { kill(-pid, SIGKILL) }
        }
    }

    func result(termination: ProcessTermination) -> ProcessResult {
        values.withLock { values in
            ProcessResult(termination: termination, standardOutput: values.output.bytes,
                          standardError: values.error.bytes, standardOutputTruncated: values.output.truncated,
                          standardErrorTruncated: values.error.truncated, timedOut: values.timedOut,
                          processIdentifier: values.processIdentifier)
        }
    }
}
