import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps k1 alive on Ctrl-C: SIGINT/SIGQUIT only set a flag (never SIG_IGN, which children would inherit).
/// The terminal still delivers the signal to a running child, which dies as in a normal shell.
public enum InterruptGuard {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0
    /// Interrupts received since start, never cleared (for tests: ``takeInterrupt()`` clears the flag).
    nonisolated(unsafe) static var received: sig_atomic_t = 0

    /// Installs the flag-setting handlers (idempotent).
    public static func install() {
        Platform.setRestartingHandler(SIGINT) { _ in
            InterruptGuard.flag = 1
            InterruptGuard.received &+= 1
        }
        Platform.setRestartingHandler(SIGQUIT) { _ in
            InterruptGuard.flag = 1
            InterruptGuard.received &+= 1
        }
    }

    /// Returns whether an interrupt arrived since the last call, and clears it.
    public static func takeInterrupt() -> Bool {
        defer { flag = 0 }
        return flag != 0
    }
}
