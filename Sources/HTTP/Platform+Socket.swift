import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket calls of the loopback client, whose flags differ between Linux and macOS: Linux sets close-on-exec and
/// non-blocking when it creates a socket and suppresses SIGPIPE per `send`; macOS needs `fcntl` afterwards and
/// suppresses SIGPIPE per socket (`SO_NOSIGPIPE`).
extension Platform {
    /// `SOCK_STREAM` as `addrinfo.ai_socktype` wants it.
    static var streamSocketType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #elseif canImport(Darwin)
        SOCK_STREAM
        #endif
    }

    /// A socket that is non-blocking, closed on exec, and never raises SIGPIPE; -1 with `errno` set on failure.
    static func nonBlockingSocket(family: Int32, type: Int32, protocol: Int32) -> Int32 {
        #if canImport(Glibc)
        return socket(family, type | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), `protocol`)
        #elseif canImport(Darwin)
        let fd = socket(family, type, `protocol`)
        if fd >= 0 { makeNonBlocking(fd) }
        return fd
        #endif
    }

    /// A connected pair of Unix stream sockets, each like ``nonBlockingSocket(family:type:protocol:)``; nil with
    /// `errno` set on failure.
    static func nonBlockingSocketPair() -> (Int32, Int32)? {
        var fds: [Int32] = [-1, -1]
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { return nil }
        #elseif canImport(Darwin)
        guard socketpair(AF_UNIX, SOCK_STREAM, 0, &fds) == 0 else { return nil }
        fds.forEach(makeNonBlocking)
        #endif
        return (fds[0], fds[1])
    }

    /// `send(2)` without SIGPIPE when the peer has gone: the bytes sent, or -1 with `errno` set.
    static func sendWithoutSignal(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        send(fd, buffer, count, Int32(MSG_NOSIGNAL))
        #elseif canImport(Darwin)
        send(fd, buffer, count, 0)   // SO_NOSIGPIPE is set on the socket
        #endif
    }

    #if canImport(Darwin)
    /// Close-on-exec, non-blocking, no SIGPIPE: what Linux sets at creation.
    private static func makeNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
    }
    #endif
}
