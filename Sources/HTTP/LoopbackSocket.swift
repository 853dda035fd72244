import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected, non-blocking TCP socket (`TCP_NODELAY`, close-on-exec) whose waits block in `poll()` on the socket
/// and on a `LoopbackCancellation`, so they end at once when the stream is terminated, and at a deadline.
/// Noncopyable: the descriptor is closed exactly once, when the value goes away. Used by one thread at a time.
struct LoopbackSocket: ~Copyable {
    /// A moment a wait must not pass, with the limit it stands for (for the timeout message).
    struct Deadline: Sendable {
        /// When the wait gives up.
        var instant: ContinuousClock.Instant
        /// The configured limit in seconds.
        var seconds: Double
    }

    /// The socket descriptor.
    let fd: Int32
    private let cancellation: LoopbackCancellation

    private init(fd: Int32, cancellation: LoopbackCancellation) {
        self.fd = fd
        self.cancellation = cancellation
    }

    deinit { Platform.close(fd) }

    /// Resolves `host` with `getaddrinfo` and connects to the first address that accepts.
    /// - Throws: `.refused` when every address refused, `.unknownHost`, `.connectFailed`, `.cancelled`, `.timedOut`.
    static func connect(host: String, port: Int, cancellation: LoopbackCancellation,
                        deadline: Deadline?) throws(LoopbackFailure) -> LoopbackSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Platform.streamSocketType
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        var status: Int32
        var attempts = 0
        repeat {
            // EAI_AGAIN is a temporary failure: a few tries, no more (loopback names come from /etc/hosts).
            status = getaddrinfo(host, String(port), &hints, &list)
            attempts += 1
        } while status == EAI_AGAIN && attempts < 3 && !cancellation.isCancelled
        guard status == 0, let first = list else {
            let reason = status == EAI_SYSTEM ? systemError(errno) : String(cString: gai_strerror(status))
            throw .unknownHost("\(host): \(reason)")
        }
        defer { freeaddrinfo(first) }

        var failure = LoopbackFailure.refused
        var sawOtherError = false
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            do throws(LoopbackFailure) {
                return try connect(info.pointee, cancellation: cancellation, deadline: deadline)
            } catch .refused {
                continue
            } catch .connectFailed(let reason) {
                if !sawOtherError { failure = .connectFailed(reason) }
                sawOtherError = true
            } catch {
                throw error
            }
        }
        // A refusal on every address reads as "connection refused"; another error wins over refusals.
        throw failure
    }

    private static func connect(_ info: addrinfo, cancellation: LoopbackCancellation,
                                deadline: Deadline?) throws(LoopbackFailure) -> LoopbackSocket {
        let fd = Platform.nonBlockingSocket(family: info.ai_family, type: info.ai_socktype, protocol: info.ai_protocol)
        guard fd >= 0 else { throw .connectFailed("socket: \(systemError(errno))") }
        let socket = LoopbackSocket(fd: fd, cancellation: cancellation)
        var on: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))

        if Platform.connect(fd, info.ai_addr, info.ai_addrlen) != 0 {
            let code = errno
            switch code {
            case EINPROGRESS, EINTR:
                // Finishes asynchronously: wait until writable, then read the outcome.
                try socket.wait(for: Int16(POLLOUT), until: deadline)
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else {
                    throw .connectFailed("connect: \(systemError(errno))")
                }
                if error != 0 { throw connectFailure(error) }
            default:
                throw connectFailure(code)
            }
        }
        return socket
    }

    private static func connectFailure(_ code: Int32) -> LoopbackFailure {
        code == ECONNREFUSED ? .refused : .connectFailed("connect: \(systemError(code))")
    }

    /// Writes all of `data`.
    /// - Throws: `.connectionLost` when the server closed or reset the connection, `.cancelled`, `.timedOut`.
    func write(_ data: Data, until deadline: Deadline?) throws(LoopbackFailure) {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { buffer in
                Platform.sendWithoutSignal(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLOUT), until: deadline)
            default: throw .connectionLost("send: \(Self.systemError(code))")
            }
        }
    }

    /// Reads what has arrived (at most `buffer.count` bytes), waiting for at least one byte.
    /// - Returns: the number of bytes read; 0 when the server closed its side.
    /// - Throws: `.connectionLost` on a reset, `.cancelled`, `.timedOut`.
    func read(into buffer: inout [UInt8], until deadline: Deadline?) throws(LoopbackFailure) -> Int {
        while true {
            if cancellation.isCancelled { throw .cancelled }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return count }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLIN), until: deadline)
            default: throw .connectionLost("recv: \(Self.systemError(code))")
            }
        }
    }

    /// Blocks in `poll()` until the socket has `events` (or an error or hang-up to report), the cancellation fires,
    /// or the deadline passes.
    private func wait(for events: Int16, until deadline: Deadline?) throws(LoopbackFailure) {
        var fds = [pollfd(fd: fd, events: events, revents: 0),
                   pollfd(fd: cancellation.waitFD, events: Int16(POLLIN), revents: 0)]
        while true {
            if cancellation.isCancelled { throw .cancelled }
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline.instant - .now
                if left <= .zero { throw .timedOut(deadline.seconds) }
                timeout = Self.milliseconds(roundingUp: left)
            }
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .connectionLost("poll: \(Self.systemError(code))")
            }
            if fds[1].revents != 0 { throw .cancelled }
            if fds[0].revents != 0 { return }
            // A timeout: the loop checks the deadline again.
        }
    }

    /// `duration` in whole milliseconds, rounded up (so a wait never ends just short of its deadline and spins),
    /// at most `Int32.max`.
    static func milliseconds(roundingUp duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds < Int64(Int32.max / 1000) else { return Int32.max }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(max(0, milliseconds))
    }

    /// `strerror` for `code`.
    static func systemError(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
