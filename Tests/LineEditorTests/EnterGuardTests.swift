import Testing
@testable import LineEditor

@Suite("EnterGuard")
struct EnterGuardTests {
    @Test("Enter within the window after a suggestion appeared is ignored; after it, it confirms")
    func window() {
        let guardian = EnterGuard(armedAt: 1_000)
        #expect(guardian.ignores(0x0D, at: 1_000))
        #expect(guardian.ignores(0x0A, at: 1_149))
        #expect(!guardian.ignores(0x0D, at: 1_150))
        #expect(!guardian.ignores(0x0D, at: 5_000))
    }

    @Test("other keys are never ignored, and an unarmed guard ignores nothing")
    func otherKeys() {
        #expect(!EnterGuard(armedAt: 1_000).ignores(UInt8(ascii: "x"), at: 1_001))
        #expect(!EnterGuard.off.ignores(0x0D, at: 0))
    }
}
