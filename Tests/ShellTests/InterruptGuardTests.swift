#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Shell

@Suite("InterruptGuard")
struct InterruptGuardTests {
    @Test func ctrlCAndCtrlBackslashOnlySetTheFlag() async {
        InterruptGuard.install()
        _ = InterruptGuard.takeInterrupt()
        #expect(!InterruptGuard.takeInterrupt())
        // Without the handler either signal would end the test process.
        for signal in [SIGINT, SIGQUIT] {
            kill(getpid(), signal)   // to the process: some thread that does not block it takes it
            #expect(await Self.interruptArrives(), "signal \(signal)")
            #expect(!InterruptGuard.takeInterrupt())
        }
    }

    /// Waits (at most about 5 s) for the handler to run on whichever thread took the signal.
    static func interruptArrives() async -> Bool {
        for _ in 0..<500 {
            if InterruptGuard.takeInterrupt() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
