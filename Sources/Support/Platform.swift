import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls and fields whose spelling differs between Linux (Glibc) and macOS (Darwin), in one place.
///
/// k1 is written for both; its continuous integration builds and tests on Linux only. Each module above Support keeps
/// its own platform-specific code in one `Platform+….swift` file that extends this type (LineEditor, which sits
/// beside Support, has its own). Names are qualified here (`Glibc.write`) because the types that call them often
/// have a method of the same name.
public enum Platform {
    /// `write(2)`: the bytes written, or -1 with `errno` set.
    public static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #elseif canImport(Darwin)
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// `read(2)`: the bytes read, 0 at end of file, or -1 with `errno` set.
    public static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #elseif canImport(Darwin)
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `close(2)`, once (never retried: on Linux the descriptor is gone even when it reports `EINTR`).
    @discardableResult
    public static func close(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(fd)
        #elseif canImport(Darwin)
        Darwin.close(fd)
        #endif
    }

    /// `bind(2)`.
    public static func bind(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.bind(fd, address, length)
        #elseif canImport(Darwin)
        Darwin.bind(fd, address, length)
        #endif
    }

    /// `connect(2)`.
    public static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.connect(fd, address, length)
        #elseif canImport(Darwin)
        Darwin.connect(fd, address, length)
        #endif
    }

    /// The modification time of a `stat` result: `st_mtim` on Linux, `st_mtimespec` on macOS.
    public static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Glibc)
        (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #elseif canImport(Darwin)
        (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
    }

    /// The device of a `stat` result as an unsigned number (`dev_t` is unsigned on Linux, signed on macOS).
    public static func device(_ info: stat) -> UInt64 {
        UInt64(truncatingIfNeeded: info.st_dev)
    }
}
