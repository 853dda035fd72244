import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers see either the old or the new content, never a torn one:
/// the bytes go to a temporary file in the same directory, are flushed to disk, then renamed over the target.
/// Files are written with mode 0600 and directories created 0700, whatever the umask.
public enum AtomicFile {
    /// Atomically replaces `url` with `data`, creating the parent directory if needed.
    public static func write(_ data: Data, to url: URL) throws(FileError) {
        let directory = url.deletingLastPathComponent()
        do { try XDGPaths.ensureDirectory(directory) } catch {
            throw FileError(path: directory.path, reason: "cannot create directory (\(error.localizedDescription))")
        }
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: temp.path, reason: String(cString: strerror(errno))) }
        // 0600 whatever the umask: k1's files (cache, history, records) are private, like kubeconfig.
        _ = fchmod(fd, 0o600)
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Platform.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                offset += n
            }
        }
        let savedErrno = errno
        if ok && fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temp.path)
            throw FileError(path: url.path, reason: "write failed (\(String(cString: strerror(savedErrno))))")
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw FileError(path: url.path, reason: "rename failed (\(reason))")
        }
    }

    /// Atomically replaces `url` with the UTF-8 bytes of `text`.
    public static func write(_ text: String, to url: URL) throws(FileError) {
        try write(Data(text.utf8), to: url)
    }

    /// Moves a file that could not be parsed to the first free `<name>.bak.N` (N = 1, 2, …; older backups are never
    /// replaced) so a fresh one can start.
    /// - Returns: the backup's URL, or nil if the file could not be moved.
    @discardableResult
    public static func quarantine(_ url: URL) -> URL? {
        for number in 1...10_000 {
            let backup = url.appendingPathExtension("bak.\(number)")
            // link + unlink instead of rename: rename would silently replace a backup created meanwhile.
            if link(url.path, backup.path) == 0 {
                unlink(url.path)
                return backup
            }
            if errno != EEXIST { return rename(url.path, backup.path) == 0 ? backup : nil }
        }
        return nil
    }
}

/// A file that could not be read or written; `description` names the path and the reason.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or directory involved.
    public let path: String
    /// What went wrong, in a few words.
    public let reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
