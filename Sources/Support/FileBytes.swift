import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls so that failures carry the system's reason.
public enum FileBytes {
    /// The file's bytes, or nil when it does not exist.
    public static func readIfPresent(_ url: URL) throws(FileError) -> Data? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileError(path: url.path, reason: reason(errno))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: url.path, reason: "is a directory, not a file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Platform.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: url.path, reason: reason(errno))
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// The file's bytes; a missing file is an error.
    public static func read(_ url: URL) throws(FileError) -> Data {
        guard let data = try readIfPresent(url) else {
            throw FileError(path: url.path, reason: "no such file")
        }
        return data
    }

    /// `strerror` text, lower-cased to read well after a colon.
    public static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
