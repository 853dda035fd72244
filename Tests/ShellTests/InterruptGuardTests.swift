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
        // Without the handler either signal would end the test process. (Other suites' shell loops take the flag
        // concurrently, so arrival is read from the count, which nothing clears.)
        for signal in [SIGINT, SIGQUIT] {
            let before = InterruptGuard.received
            kill(getpid(), signal)   // to the process: some thread that does not block it takes it
            #expect(await Self.interruptArrives(after: before), "signal \(signal)")
        }
    }

    /// Waits (at most about 5 s) for the handler to run on whichever thread took the signal.
    static func interruptArrives(after count: sig_atomic_t) async -> Bool {
        for _ in 0..<500 {
            if InterruptGuard.received != count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
