import Testing
@testable import LineEditor

@Suite("EnterGuard")
struct EnterGuardTests {
    /// Feeds `keys` (byte, time) in order and returns which were ignored.
    func ignored(_ guardian: EnterGuard, _ keys: [(UInt8, UInt64)]) -> [Bool] {
        var guardian = guardian
        return keys.map { guardian.ignores($0.0, at: $0.1) }
    }

    @Test("Enter within the window after a suggestion appeared is ignored; after it, it confirms")
    func window() {
        #expect(ignored(EnterGuard(armedAt: 1_000), [(0x0D, 1_000), (0x0A, 1_149), (0x0D, 1_150), (0x0D, 5_000)])
                == [true, true, false, false])
    }

    @Test("other keys are never ignored, and an edit ends the guard: Enter on an edited line confirms at once")
    func editsEndTheGuard() {
        #expect(ignored(EnterGuard(armedAt: 1_000), [(UInt8(ascii: "x"), 1_001), (0x0D, 1_002)]) == [false, false])
        #expect(ignored(EnterGuard.off, [(0x0D, 0)]) == [false])
    }
}
