#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Synchronization

/// While a long operation runs (for example waiting for the model), watches the terminal for Ctrl-C
/// or a lone Esc without echoing keys.
///
/// `start` switches the terminal to `-icanon -echo -isig` (Ctrl-C then arrives as a byte, not as
/// SIGINT) and reads it on a background thread with `poll()`. Other keys typed meanwhile are read and
/// discarded. `onCancel` fires at most once, on the watcher thread; it must not block, and should
/// only signal the waiting code (for example cancel a task). Call `stop()` afterwards in every case:
/// it ends the thread and restores the exact terminal mode found by `start`. If the process exits
/// while watching, the mode is restored at exit too.
public final class CancelKeyWatcher: @unchecked Sendable {
    private struct Running {
        let thread: pthread_t
        let wakeReadFD: Int32
        let wakeWriteFD: Int32
        let savedMode: termios
        let restoreToken: UInt64
    }

    private let fd = STDIN_FILENO
    private let isTerminal: Bool
    private let running = Mutex<Running?>(nil)

    /// Creates a watcher for standard input. When standard input is not a terminal, the watcher does
    /// nothing and never fires.
    public init() {
        isTerminal = TerminalIO.isTerminal(STDIN_FILENO)
    }

    deinit {
        stop()
    }

    /// Starts watching. Does nothing when standard input is not a terminal or the watcher already runs.
    /// The lone-Esc timeout is the one configured on `LineEditor.shared`.
    public func start(onCancel: @escaping @Sendable (CancelKey) -> Void) {
        guard isTerminal else { return }
        let timeout = LineEditor.shared.escapeTimeoutMilliseconds
        running.withLock { running in
            guard running == nil, let saved = TerminalIO.attributes(fd) else { return }
            var pipeFDs: [Int32] = [-1, -1]
            guard pipe(&pipeFDs) == 0 else { return }
            _ = fcntl(pipeFDs[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFDs[1], F_SETFD, FD_CLOEXEC)
            let token = TerminalRestorer.register(fd: fd, mode: saved)
            TerminalIO.setAttributes(fd, TerminalIO.watchMode(from: saved), when: TCSANOW)

            let loop = WatchLoop(fd: fd, wakeReadFD: pipeFDs[0], escapeTimeoutMilliseconds: timeout, onCancel: onCancel)
            guard let thread = Platform.startThread({ loop.run() }) else {
                close(pipeFDs[0])
                close(pipeFDs[1])
                TerminalIO.setAttributes(fd, saved)
                TerminalRestorer.unregister(token)
                return
            }
            running = Running(thread: thread, wakeReadFD: pipeFDs[0], wakeWriteFD: pipeFDs[1], savedMode: saved, restoreToken: token)
        }
    }

    /// Stops watching: wakes and ends the thread, then restores the exact terminal mode found by
    /// `start`. Idempotent; safe from `onCancel` itself, from a deinit and at exit.
    public func stop() {
        guard let current = running.withLock({ running -> Running? in
            defer { running = nil }
            return running
        }) else { return }
        var wake: UInt8 = 1
        _ = write(current.wakeWriteFD, &wake, 1)
        if pthread_equal(current.thread, pthread_self()) != 0 {
            pthread_detach(current.thread)   // called from onCancel: the thread ends when it returns
        } else {
            pthread_join(current.thread, nil)
        }
        // Both ends are closed only now: the thread never closes the read end, so the write above
        // can never raise SIGPIPE, even when the thread has already ended after firing.
        close(current.wakeReadFD)
        close(current.wakeWriteFD)
        TerminalIO.setAttributes(fd, current.savedMode)
        TerminalRestorer.unregister(current.restoreToken)
    }
}

/// The watcher thread's loop.
private final class WatchLoop {
    let fd: Int32
    let wakeReadFD: Int32
    let escapeTimeoutMilliseconds: Int
    let onCancel: @Sendable (CancelKey) -> Void

    init(fd: Int32, wakeReadFD: Int32, escapeTimeoutMilliseconds: Int, onCancel: @escaping @Sendable (CancelKey) -> Void) {
        self.fd = fd
        self.wakeReadFD = wakeReadFD
        self.escapeTimeoutMilliseconds = escapeTimeoutMilliseconds
        self.onCancel = onCancel
    }

    func run() {
        if let key = waitForCancelKey() {
            onCancel(key)
        }
    }

    /// Reads until a cancel key, a wake-up from `stop()`, or the end of input.
    private func waitForCancelKey() -> CancelKey? {
        var scanner = CancelKeyScanner()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            var descriptors = [
                pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeReadFD, events: Int16(POLLIN), revents: 0),
            ]
            let timeout = scanner.isAwaitingEscapeFollowUp ? Int32(clamping: escapeTimeoutMilliseconds) : -1
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if ready == 0 {
                if let key = scanner.escapeTimedOut() { return key }
                continue
            }
            if descriptors[1].revents != 0 { return nil }
            let events = descriptors[0].revents
            if events & Int16(POLLIN) != 0 {
                let count = read(fd, &buffer, buffer.count)
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return nil
                }
                if count == 0 { return nil }
                if let key = scanner.feed(buffer[0..<count]) { return key }
            } else if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return nil
            }
        }
    }
}
