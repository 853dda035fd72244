import Foundation
import Support
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
        guard let (wait, signal) = Platform.nonBlockingSocketPair() else {
            throw .connectFailed("socketpair: \(LoopbackSocket.systemError(errno))")
        }
        waitFD = wait
        signalFD = signal
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
            _ = Platform.sendWithoutSignal(signalFD, &byte, 1)
        }
    }

    /// Closes both descriptors; later calls do nothing.
    func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            _ = Platform.close(waitFD)
            _ = Platform.close(signalFD)
        }
    }

    deinit { close() }
}
