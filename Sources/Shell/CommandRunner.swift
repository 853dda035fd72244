import Foundation
import Subprocess
import Support
#if canImport(Glibc)
import Glibc
#endif
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// How a child ended.
public enum ExitStatus: Sendable, Equatable {
    /// Exited with a code.
    case exited(Int32)
    /// Killed by a signal.
    case signaled(Int32)
    /// Could not be started (binary missing, …); the error says why.
    case failedToStart(ProcessRunError)

    /// A shell-style status code: the exit code, 128+signal, or 127 when it could not start.
    public var code: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        case .failedToStart: 127
        }
    }

    /// True for `exited(0)`.
    public var succeeded: Bool { self == .exited(0) }
}

/// The result of running a command.
public struct RunOutcome: Sendable, Equatable {
    /// How it ended.
    public var status: ExitStatus
    /// Standard output, when the plan asked to capture it (it was printed live as well).
    public var captured: String?
    /// The end of standard error, when the plan asked to capture it (it was printed live as well).
    public var capturedError: String?

    /// Creates an outcome.
    public init(status: ExitStatus, captured: String? = nil, capturedError: String? = nil) {
        self.status = status
        self.captured = captured
        self.capturedError = capturedError
    }
}

/// Runs commands attached to the terminal: children stay in k1's process group with the terminal's stdin/stdout/stderr,
/// so `exec -it`, `edit`, `logs -f`, pagers and Ctrl-C behave as in a normal shell.
public protocol CommandRunning: Sendable {
    /// Runs argv directly (no shell). With `capture`, stdout is also returned (while still printed live).
    func run(argv: [String], capture: Bool) async -> RunOutcome
    /// Runs a line through `/bin/sh -c`.
    func runShell(_ script: String) async -> RunOutcome
    /// Runs argv directly; with `captureError`, the end of standard error is also returned (while still printed live).
    func run(argv: [String], capture: Bool, captureError: Bool) async -> RunOutcome
}

extension CommandRunning {
    /// Runners that cannot capture standard error run as ``run(argv:capture:)``.
    public func run(argv: [String], capture: Bool, captureError: Bool) async -> RunOutcome {
        await run(argv: argv, capture: capture)
    }
}

/// The real runner, on swift-subprocess.
public struct CommandRunner: CommandRunning {
    /// Most bytes of captured output kept for parsing (the live output is never cut).
    public static let captureLimit = 2 << 20

    /// Creates a runner.
    public init() {}

    public func run(argv: [String], capture: Bool) async -> RunOutcome {
        await run(argv: argv, capture: capture, captureError: false)
    }

    /// Most bytes of standard error kept (its end: the last lines are the ones that matter).
    public static let errorCaptureLimit = 16 << 10

    public func run(argv: [String], capture: Bool, captureError: Bool) async -> RunOutcome {
        guard let program = argv.first else { return RunOutcome(status: .failedToStart(.emptyCommand)) }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        let arguments = Arguments(Array(argv.dropFirst()))
        fflush(nil)
        do {
            if captureError {
                return try await runCapturingError(executable, arguments: arguments, captureOutput: capture)
            }
            if capture {
                let result = try await Subprocess.run(executable, arguments: arguments, input: .currentStandardInput,
                                                      output: .sequence, error: .currentStandardError) { execution in
                    var kept = [UInt8]()
                    for try await buffer in execution.standardOutput {
                        buffer.withUnsafeBytes { raw in
                            Self.writeAll(raw, fd: 1)
                            if kept.count < Self.captureLimit {
                                kept.append(contentsOf: raw.prefix(Self.captureLimit - kept.count))
                            }
                        }
                    }
                    return String(decoding: kept, as: UTF8.self)
                }
                return RunOutcome(status: Self.status(result.terminationStatus), captured: result.closureResult)
            }
            let result = try await Subprocess.run(executable, arguments: arguments, input: .currentStandardInput,
                                                  output: .currentStandardOutput, error: .currentStandardError)
            return RunOutcome(status: Self.status(result.terminationStatus))
        } catch {
            return RunOutcome(status: .failedToStart(Self.startError(error, program: program)))
        }
    }

    /// Runs with standard error read through a pipe, written on to fd 2 as it arrives and its end kept; standard
    /// output is captured too when asked, else it goes straight to the terminal.
    private func runCapturingError(_ executable: Executable, arguments: Arguments,
                                   captureOutput: Bool) async throws -> RunOutcome {
        if captureOutput {
            let result = try await Subprocess.run(executable, arguments: arguments, input: .currentStandardInput,
                                                  output: .sequence, error: .sequence) { execution in
                async let errorText = Self.tee(execution.standardError, fd: 2, limit: Self.errorCaptureLimit,
                                               keepEnd: true)
                let outputText = try await Self.tee(execution.standardOutput, fd: 1, limit: Self.captureLimit,
                                                    keepEnd: false)
                return (outputText, try await errorText)
            }
            return RunOutcome(status: Self.status(result.terminationStatus), captured: result.closureResult.0,
                              capturedError: result.closureResult.1)
        }
        let result = try await Subprocess.run(executable, arguments: arguments, input: .currentStandardInput,
                                              output: .currentStandardOutput, error: .sequence) { execution in
            try await Self.tee(execution.standardError, fd: 2, limit: Self.errorCaptureLimit, keepEnd: true)
        }
        return RunOutcome(status: Self.status(result.terminationStatus), capturedError: result.closureResult)
    }

    /// Writes every buffer of `sequence` to `fd` and returns the text kept: the first `limit` bytes, or with
    /// `keepEnd` the last ones.
    private static func tee(_ sequence: SubprocessOutputSequence, fd: Int32, limit: Int,
                            keepEnd: Bool) async throws -> String {
        var kept = [UInt8]()
        for try await buffer in sequence {
            buffer.withUnsafeBytes { raw in
                writeAll(raw, fd: fd)
                if keepEnd {
                    kept.append(contentsOf: raw)
                    if kept.count > limit * 2 { kept.removeFirst(kept.count - limit) }
                } else if kept.count < limit {
                    kept.append(contentsOf: raw.prefix(limit - kept.count))
                }
            }
        }
        if keepEnd, kept.count > limit { kept.removeFirst(kept.count - limit) }
        return String(decoding: kept, as: UTF8.self)
    }

    public func runShell(_ script: String) async -> RunOutcome {
        await run(argv: ["/bin/sh", "-c", script], capture: false)
    }

    static func status(_ status: TerminationStatus) -> ExitStatus {
        switch status {
        case .exited(let code): .exited(code)
        case .signaled(let signal): .signaled(signal)
        }
    }

    /// Why `program` did not start, by swift-subprocess's error code (never by its text).
    static func startError(_ error: any Error, program: String) -> ProcessRunError {
        if let error = error as? SubprocessError { return ProcessRunError(error, executable: program) }
        return .launchFailed(executable: program, reason: "\(error)")
    }

    private static func writeAll(_ raw: UnsafeRawBufferPointer, fd: Int32) {
        guard var base = raw.baseAddress else { return }
        var left = raw.count
        while left > 0 {
            let n = Glibc.write(fd, base, left)
            if n < 0 { if errno == EINTR { continue }; return }
            base += n
            left -= n
        }
    }
}
