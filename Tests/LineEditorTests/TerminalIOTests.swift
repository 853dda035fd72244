#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Testing
@testable import LineEditor

@Suite("TerminalIO")
struct TerminalIOTests {
    @Test("watch mode turns off line buffering, echo and signal keys, and nothing else")
    func watchMode() {
        var mode = termios()
        mode.c_lflag = tcflag_t(ICANON | ECHO | ISIG | IEXTEN | ECHOE)
        mode.c_oflag = tcflag_t(OPOST | ONLCR)
        mode.c_iflag = tcflag_t(ICRNL)
        let watch = TerminalIO.watchMode(from: mode)
        #expect(watch.c_lflag == tcflag_t(IEXTEN | ECHOE))
        #expect(watch.c_oflag == mode.c_oflag)
        #expect(watch.c_iflag == mode.c_iflag)
        withUnsafeBytes(of: watch.c_cc) { cc in
            #expect(cc[Int(VMIN)] == 1)
            #expect(cc[Int(VTIME)] == 0)
        }
        #expect(!TerminalIO.sameMode(mode, watch))
        #expect(TerminalIO.sameMode(mode, mode))
    }

    @Test("waiting for input times out on a silent pipe and sees written bytes")
    func waitForInput() {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(!TerminalIO.waitForInput(fds[0], milliseconds: 20))
        var byte: UInt8 = 0x1B
        #expect(write(fds[1], &byte, 1) == 1)
        #expect(TerminalIO.waitForInput(fds[0], milliseconds: 20))
        #expect(TerminalIO.readByte(fds[0]) == 0x1B)
        close(fds[1])
        fds[1] = -1
        #expect(TerminalIO.readByte(fds[0]) == nil)
    }
}
