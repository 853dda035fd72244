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
            termination = try await runWithDeadline(configuration, command: command, state: state)
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

    /// What finished first: the child, or the deadline.
    private enum Event: Sendable {
        case ended(ProcessTermination)
        case deadlinePassed
        case timerCancelled
    }

    /// Runs the child; when the deadline passes first, cancels the run, which makes swift-subprocess play the
    /// teardown sequence (SIGTERM to the group, then SIGKILL) and wait for the child's end.
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
                    do { try await Task.sleep(for: deadline) } catch { return .timerCancelled }
                    return .deadlinePassed
                }
            }
            while let event = try await group.next() {
                switch event {
                case .ended(let termination):
                    group.cancelAll()
                    return termination
                case .deadlinePassed:
                    state.markTimedOut()
                    group.cancelAll()
                case .timerCancelled:
                    continue
                }
            }
            // The run was cancelled by the deadline and ended without a status: it was killed.
            return .signaled(SIGKILL)
        }
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

    func setProcessIdentifier(_ pid: Int32) { values.withLock { $0.processIdentifier = pid } }

    func result(termination: ProcessTermination) -> ProcessResult {
        values.withLock { values in
            ProcessResult(termination: termination, standardOutput: values.output.bytes,
                          standardError: values.error.bytes, standardOutputTruncated: values.output.truncated,
                          standardErrorTruncated: values.error.truncated, timedOut: values.timedOut,
                          processIdentifier: values.processIdentifier)
        }
    }
}
