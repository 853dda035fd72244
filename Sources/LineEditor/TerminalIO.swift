#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Thin wrappers over the terminal system calls used by the editor and the watcher.
enum TerminalIO {
    /// True when `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// The current terminal attributes of `fd`, or nil when `fd` is not a terminal.
    static func attributes(_ fd: Int32) -> termios? {
        var mode = termios()
        return tcgetattr(fd, &mode) == 0 ? mode : nil
    }

    /// Applies `mode` to `fd`. `TCSADRAIN` lets pending output finish first; input is never flushed.
    @discardableResult
    static func setAttributes(_ fd: Int32, _ mode: termios, when action: Int32 = TCSADRAIN) -> Bool {
        var copy = mode
        while tcsetattr(fd, action, &copy) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }

    /// Turns off ISIG on `fd` if it is on, so that Ctrl-C and Ctrl-\ arrive as bytes instead of signals.
    static func disableSignalKeys(_ fd: Int32) {
        guard var mode = attributes(fd), mode.c_lflag & tcflag_t(ISIG) != 0 else { return }
        mode.c_lflag &= ~tcflag_t(ISIG)
        setAttributes(fd, mode, when: TCSANOW)
    }

    /// `mode` changed for watching keys: no line buffering, no echo, no signal keys, and reads that
    /// return as soon as one byte is there. Output settings are kept, so printing still works.
    static func watchMode(from mode: termios) -> termios {
        var watch = mode
        watch.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &watch.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        return watch
    }

    /// True when both modes are byte for byte the same.
    static func sameMode(_ a: termios, _ b: termios) -> Bool {
        withUnsafeBytes(of: a) { left in withUnsafeBytes(of: b) { right in left.elementsEqual(right) } }
    }

    /// Reads one byte, retrying after signals (`afterInterruption` runs before each retry).
    /// Nil at end of input or on an error.
    static func readByte(_ fd: Int32, afterInterruption: () -> Void = {}) -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && (errno == EINTR || errno == EAGAIN) {
                afterInterruption()
                continue
            }
            return nil
        }
    }

    /// Waits until `fd` has input or `milliseconds` have passed. True when input is there.
    static func waitForInput(_ fd: Int32, milliseconds: Int) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let deadlineMs = Int(deadline.tv_sec) * 1000 + Int(deadline.tv_nsec) / 1_000_000 + max(0, milliseconds)
        while true {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = deadlineMs - (Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000)
            let result = poll(&descriptor, 1, Int32(clamping: max(0, left)))
            if result > 0 { return true }
            if result == 0 { return false }
            if errno != EINTR { return false }
        }
    }

    /// Writes `text` to standard output and flushes it.
    static func write(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }
}

extension TerminalIO {
    /// Milliseconds on the monotonic clock.
    static func monotonicMilliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
    }

    /// Discards input that arrived but was not read yet (keys typed ahead), so that none of it acts on what is
    /// drawn next.
    static func discardPendingInput(_ fd: Int32) {
        _ = tcflush(fd, TCIFLUSH)
    }
}
