import Foundation
import Support
#if canImport(Glibc)
import Glibc
import HTTP
#endif

/// Starting, recognising and stopping the detached processes of the managed server (llama-server and its watcher).
public enum ManagedServerProcess {
    /// The one child k1 does not run through ``ProcessRunner``: the runner waits for its child and tears it down
    /// when its task ends, while llama-server and its watcher must outlive the k1 that started them, with their output
    /// going straight to a log file, and are supervised through their pid and `/proc` (see ``terminate(_:grace:)``).
    ///
    /// Starts `executable` detached from the terminal's job control: Foundation's `Process` puts the child in a
    /// process group of its own, so Ctrl-C in the shell does not reach it; standard input is `/dev/null` and
    /// standard output and error go to `log` (truncated first unless `appendLog`), or `/dev/null` when nil.
    /// - Returns: the running process (keep it to notice an early exit; dropping it leaves the process running).
    public static func spawn(_ executable: URL, arguments: [String], environment: [String: String],
                             log: URL?, appendLog: Bool = false) throws(LLMError) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        if let log {
            try? XDGPaths.ensureDirectory(log.deletingLastPathComponent())
            let fd = open(log.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (appendLog ? 0 : O_TRUNC), 0o600)
            if fd >= 0 { _ = fchmod(fd, 0o600) }
            guard fd >= 0 else {
                throw LLMError(.serverFailed, "cannot write \(log.path) (\(String(cString: strerror(errno)))): check that the directory is writable")
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do { try runWithDefaultSignalMask(process) } catch {
            throw LLMError(.serverFailed, "cannot start \(executable.path) (\(error.localizedDescription)): check that it is an executable file, or run k1 setup")
        }
        return process
    }

    /// Runs `process` with no signals blocked in the spawning thread. Dispatch and Swift concurrency threads block
    /// most signals and a spawned child inherits that mask; llama-server would then never see SIGTERM (or SIGINT).
    public static func runWithDefaultSignalMask(_ process: Process) throws {
        var empty = sigset_t()
        var saved = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
    }

    /// Whether `pid` is a live process (a zombie counts as dead).
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 1 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        if let data = readProcFile("/proc/\(pid)/stat"), case let stat = String(decoding: data, as: UTF8.self),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            if state == "Z" || state == "X" { return false }
        }
        return true
    }

    /// The command line of `pid` from `/proc`, nil when it cannot be read.
    public static func commandLine(_ pid: Int32) -> [String]? {
        guard let data = readProcFile("/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a `/proc` file (whose reported size is 0, so it is read until end of file).
    static func readProcFile(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// Whether `pid` runs `executable` (compared by path or file name), so a recycled pid is never signalled.
    /// True when `/proc` is unavailable.
    public static func isRunning(_ pid: Int32, executable: String?) -> Bool {
        guard isAlive(pid) else { return false }
        guard let executable, let argv0 = commandLine(pid)?.first else { return true }
        return argv0 == executable || (argv0 as NSString).lastPathComponent == (executable as NSString).lastPathComponent
    }

    /// Sends SIGTERM, waits up to `grace` for the process to exit, then sends SIGKILL.
    /// - Returns: true when the process is gone.
    @discardableResult
    public static func terminate(_ pid: Int32, grace: Duration = .seconds(5)) async -> Bool {
        guard isAlive(pid) else { return true }
        kill(pid, SIGTERM)
        if await waitForExit(pid, timeout: grace) { return true }
        kill(pid, SIGKILL)
        return await waitForExit(pid, timeout: .seconds(3))
    }

    /// Polls until `pid` is gone or `timeout` passes.
    public static func waitForExit(_ pid: Int32, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while isAlive(pid) {
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    /// The path of the running executable (`/proc/self/exe`), used to start `k1 server watch`.
    public static func currentExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL
    }
}
