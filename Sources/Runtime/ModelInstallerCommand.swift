import Foundation
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs a short-lived helper program (pip, python, sha256sum) for the installers, off the concurrency pool,
/// and remembers the running ones so an interrupt can stop them.
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
        let command = self
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: command.runBlocking(onLine: onLine))
            }
        }
    }

    /// Finds `name` in the `PATH` of `environment` (or returns it as is when it contains a `/`).
    static func which(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Sends SIGTERM to the process group of every command still running (pip's build tools included).
    static func stopAll() {
        for pid in running.withLock({ $0 }) {
            kill(-pid, SIGTERM)
            kill(pid, SIGTERM)
        }
    }

    private func runBlocking(onLine: (@Sendable (String) -> Void)?) -> Output {
        guard let path = InstallerCommand.which(executable, environment: environment) else {
            return Output(status: 127, stdout: "", stderr: "\(executable): command not found")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let outPipe = Pipe(), errPipe = Pipe()
        var logHandle: FileHandle?
        if let logFile {
            try? XDGPaths.ensureDirectory(logFile.deletingLastPathComponent())
            let fd = open(logFile.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            if fd >= 0 { logHandle = FileHandle(fileDescriptor: fd, closeOnDealloc: true) }
        }
        if let logHandle, onLine == nil {
            process.standardOutput = logHandle
            process.standardError = logHandle
        } else {
            process.standardOutput = outPipe
            process.standardError = errPipe
        }
        do { try ManagedServerProcess.runWithDefaultSignalMask(process) } catch {
            return Output(status: 127, stdout: "", stderr: "\(executable): \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        InstallerCommand.running.withLock { _ = $0.insert(pid) }
        defer { InstallerCommand.running.withLock { _ = $0.remove(pid) } }

        var stdout = Data(), stderr = Data()
        if logHandle == nil || onLine != nil {
            let errorBox = Mutex(Data())
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                let data = errPipe.fileHandleForReading.readDataToEndOfFile()
                errorBox.withLock { $0 = data }
                group.leave()
            }
            var pending = Data()
            while true {
                let chunk = outPipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                if let onLine {
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: 0x0A) {
                        onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending = Data(pending[pending.index(after: newline)...])
                    }
                } else {
                    stdout.append(chunk)
                }
            }
            if let onLine, !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
            group.wait()
            stderr = errorBox.withLock { $0 }
            if let logHandle {
                logHandle.write(stdout)
                logHandle.write(stderr)
            }
        }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Output(status: status, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
