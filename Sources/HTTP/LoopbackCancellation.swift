import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes a `LoopbackHTTPTransfer` thread blocked in `poll()` when its stream is terminated: a connected socket pair
/// whose `waitFD` becomes readable on `cancel()`. Thread-safe; both descriptors are closed exactly once, by `close()`,
/// and `cancel()` after `close()` does nothing (so a late cancel never writes to a reused descriptor).
final class LoopbackCancellation: Sendable {
    private struct State {
        var cancelled = false
        var closed = false
    }

    private let state = Mutex(State())
    /// The end the transfer polls for readability.
    let waitFD: Int32
    private let signalFD: Int32

    /// Creates the socket pair.
    /// - Throws: `LoopbackFailure.connectFailed` when no descriptors are left.
    init() throws(LoopbackFailure) {
        var fds: [Int32] = [-1, -1]
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else {
            throw .connectFailed("socketpair: \(LoopbackSocket.systemError(errno))")
        }
        #if !canImport(Glibc)
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var on: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        #endif
        waitFD = fds[0]
        signalFD = fds[1]
    }

    /// Whether `cancel()` was called.
    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Marks the transfer cancelled and wakes its thread; safe from any thread, any number of times.
    func cancel() {
        state.withLock { state in
            guard !state.cancelled else { return }
            state.cancelled = true
            guard !state.closed else { return }
            var byte: UInt8 = 1
            #if canImport(Glibc)
            _ = send(signalFD, &byte, 1, Int32(MSG_NOSIGNAL))
            #else
            _ = send(signalFD, &byte, 1, 0)
            #endif
        }
    }

    /// Closes both descriptors; later calls do nothing.
    func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            _ = LoopbackSocket.closeDescriptor(waitFD)
            _ = LoopbackSocket.closeDescriptor(signalFD)
        }
    }

    deinit { close() }
}
