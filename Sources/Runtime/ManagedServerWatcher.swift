import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The idle watcher behind `k1 server watch`: a detached process started with the server that stops it after
/// `idle_minutes` without use, removes its record, and exits when the server is gone.
public enum ManagedServerWatcher {
    /// What the watcher does next.
    public enum Decision: Sendable, Equatable {
        /// Check again after this many seconds.
        case wait(Double)
        /// Stop the server: it has been idle long enough.
        case stop
        /// Exit: the server is gone or is no longer the recorded one.
        case exit
    }

    /// Decides from the current facts. Pure.
    /// - Parameters:
    ///   - recordedPid: the pid in `server.json` (nil when there is no record).
    ///   - watchedPid: the server this watcher was started for.
    ///   - alive: whether `watchedPid` is alive.
    ///   - idleSeconds: seconds since the last use.
    ///   - limitSeconds: idle seconds allowed.
    ///   - pollSeconds: the usual interval between checks.
    public static func decide(recordedPid: Int32?, watchedPid: Int32, alive: Bool, idleSeconds: Double,
                              limitSeconds: Double, pollSeconds: Double) -> Decision {
        guard alive, recordedPid == watchedPid else { return .exit }
        if idleSeconds >= limitSeconds { return .stop }
        return .wait(max(0.05, min(pollSeconds, limitSeconds - idleSeconds)))
    }

    /// Watches `pid` until it exits or has been idle for `idleSeconds`, then stops it and removes its record.
    /// - Returns: true when it stopped the server for being idle.
    @discardableResult
    public static func run(paths: XDGPaths, pid: Int32, idleSeconds: Double, pollSeconds: Double = 30) async -> Bool {
        let store = ManagedServerStore(paths: paths)
        while !Task.isCancelled {
            let record = store.load()
            let alive = record.map { ManagedServerProcess.isRunning(pid, executable: $0.executable) } ?? ManagedServerProcess.isAlive(pid)
            let idle = record.map { Date().timeIntervalSince(store.lastUsed($0)) } ?? 0
            switch decide(recordedPid: record?.pid, watchedPid: pid, alive: alive, idleSeconds: idle,
                          limitSeconds: idleSeconds, pollSeconds: pollSeconds) {
            case .wait(let seconds):
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            case .exit:
                if !alive { await removeRecord(store, ifPid: pid) }
                return false
            case .stop:
                guard let lock = try? ManagedServerLock(store.lockURL), await lock.acquire(timeout: .seconds(60)) else { continue }
                defer { lock.release() }
                // Re-check under the lock: a k1 may have just used it, or replaced it.
                guard let current = store.load(), current.pid == pid,
                      Date().timeIntervalSince(store.lastUsed(current)) >= idleSeconds else { continue }
                await ManagedServerProcess.terminate(pid)
                store.remove()
                appendLog(store, "k1: stopped llama-server (pid \(pid)) after \(ProgressBar.formatDuration(idleSeconds)) unused")
                return true
            }
        }
        return false
    }

    private static func removeRecord(_ store: ManagedServerStore, ifPid pid: Int32) async {
        guard let lock = try? ManagedServerLock(store.lockURL), await lock.acquire(timeout: .seconds(10)) else { return }
        defer { lock.release() }
        if store.load()?.pid == pid { store.remove() }
    }

    private static func appendLog(_ store: ManagedServerStore, _ line: String) {
        let fd = open(store.logURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = fchmod(fd, 0o600)
        let data = Array((line + "\n").utf8)
        _ = data.withUnsafeBytes { Platform.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}
