import Foundation
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs a short-lived helper program (pip, python, sha256sum) for the installers through ``ProcessRunner``, and
/// remembers the running ones so an interrupt can stop them.
struct InstallerCommand: Sendable {
    /// What a finished command left behind.
    struct Output: Sendable {
        /// Exit status (127 when it could not be started).
        var status: Int32
        /// Standard output (empty when streamed to `onLine`).
        var stdout: String
        /// Standard error.
        var stderr: String
        /// Whether it ran and exited 0.
        var succeeded: Bool { status == 0 }
        /// The last non-empty lines of stderr then stdout, for error messages.
        func lastLines(_ count: Int = 2) -> String {
            let lines = (stderr + "\n" + stdout).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.suffix(count).joined(separator: " | ")
        }
    }

    /// The program (a path, or a name looked up in `PATH`).
    var executable: String
    /// Its arguments.
    var arguments: [String]
    /// Its environment.
    var environment: [String: String]
    /// When set, stdout and stderr are appended here instead of being kept.
    var logFile: URL? = nil

    /// Process ids of commands still running, so `stopAll()` can end them.
    private static let running = Mutex<Set<Int32>>([])

    /// Runs the command to completion; `onLine` receives each stdout line as it arrives.
    func run(onLine: (@Sendable (String) -> Void)? = nil) async -> Output {
        let log = logFile.flatMap(Self.openLog)
        let lines = onLine.map { LineSplitter(onLine: $0) }
        let logOnly = log != nil && onLine == nil
        var observer: ProcessOutputObserver?
        if log != nil || lines != nil {
            observer = { stream, chunk in
                if stream == .standardOutput { lines?.add(chunk) }
                log?.write(Data(chunk))
                return .nothing
            }
        }
        let outputLimit: ProcessCaptureLimit = logOnly || onLine != nil ? .discard : ProcessCommand.defaultLimit
        let errorLimit: ProcessCaptureLimit = logOnly ? .discard : ProcessCaptureLimit(bytes: 1 << 20, keep: .last)
        let command = ProcessCommand(executable, arguments: arguments, environment: .replacing(environment),
                                     outputLimit: outputLimit, errorLimit: errorLimit, observer: observer,
                                     onStart: { pid in InstallerCommand.running.withLock { _ = $0.insert(pid) } })
        let result: ProcessResult
        do throws(ProcessRunError) {
            result = try await ProcessRunner.run(command)
        } catch {
            return Output(status: 127, stdout: "", stderr: error.message)
        }
        InstallerCommand.running.withLock { _ = $0.remove(result.processIdentifier) }
        lines?.finish()
        return Output(status: result.termination.shellStatus, stdout: result.outputText, stderr: result.errorText)
    }

    /// Sends SIGTERM to the process group of every command still running (pip's build tools included).
    static func stopAll() {
        for pid in running.withLock({ $0 }) {
            kill(-pid, SIGTERM)
            kill(pid, SIGTERM)
        }
    }

    /// The log file opened for appending (created 0600), nil when it cannot be opened.
    private static func openLog(_ url: URL) -> FileHandle? {
        try? XDGPaths.ensureDirectory(url.deletingLastPathComponent())
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        return fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : nil
    }
}

/// Cuts a stream into lines for `onLine`, the last one given even without its newline.
private final class LineSplitter: Sendable {
    private let onLine: @Sendable (String) -> Void
    private let pending = Mutex<[UInt8]>([])

    init(onLine: @escaping @Sendable (String) -> Void) {
        self.onLine = onLine
    }

    func add(_ chunk: [UInt8]) {
        let lines = pending.withLock { pending -> [String] in
            pending.append(contentsOf: chunk)
            var lines: [String] = []
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            return lines
        }
        lines.forEach(onLine)
    }

    func finish() {
        let rest = pending.withLock { pending -> [UInt8] in defer { pending = [] }; return pending }
        if !rest.isEmpty { onLine(String(decoding: rest, as: UTF8.self)) }
    }
}
