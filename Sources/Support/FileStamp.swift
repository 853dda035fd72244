import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Identity and modification time of a file, to notice when another process replaced it.
public struct FileStamp: Sendable, Equatable {
    /// The device holding the file.
    public var device: UInt64
    /// The file's inode on that device.
    public var inode: UInt64
    /// Its size in bytes.
    public var size: Int64
    /// Its modification time: whole seconds since 1970…
    public var seconds: Int
    /// …and the nanoseconds past them.
    public var nanoseconds: Int
    /// Whether it is a regular file (not a directory, device, …).
    public var isRegularFile: Bool

    /// The stamp of a `stat` result.
    public init(_ info: stat) {
        device = Platform.device(info)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        (seconds, nanoseconds) = Platform.modificationTime(info)
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The modification time in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64 { Int64(seconds) * 1_000_000_000 + Int64(nanoseconds) }

    /// The stamp of the file at `url`, or nil when it does not exist.
    public static func of(_ url: URL) -> FileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// The stamp of the regular file at `url`, or nil when there is none (missing, a directory, a device, …).
    public static func ofRegularFile(_ url: URL) -> FileStamp? {
        of(url).flatMap { $0.isRegularFile ? $0 : nil }
    }

    /// The stamp of an open file.
    public static func of(descriptor: Int32) -> FileStamp? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileStamp(info)
    }
}
