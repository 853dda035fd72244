import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory inter-process lock (`flock`) on a side file, used so that two k1 processes
/// updating the same file (history, cache, server record) never lose each other's changes.
public final class FileLock: @unchecked Sendable {
    private let fd: Int32

    /// Opens (creating if needed) the lock file at `url`.
    public init(_ url: URL) throws(FileError) {
        do { try XDGPaths.ensureDirectory(url.deletingLastPathComponent()) } catch {
            throw FileError(path: url.path, reason: "cannot create directory")
        }
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: url.path, reason: String(cString: strerror(errno))) }
        _ = fchmod(fd, 0o600)
    }

    deinit { close(fd) }

    /// Blocks until the lock is held, runs `body`, then releases it.
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Tries to take the lock without waiting; returns false if another process holds it.
    public func tryLock() -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Releases a lock taken with `tryLock()`.
    public func unlock() { flock(fd, LOCK_UN) }

    /// Runs `body` while holding the lock file `<url>.lock` next to `url`.
    public static func around<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        let lock = try FileLock(url.appendingPathExtension("lock"))
        return try lock.withLock(body)
    }
}
