import Testing
@testable import LineEditor

@Suite("CancelKeyScanner")
struct CancelKeyScannerTests {
    @Test("Ctrl-C cancels at once")
    func controlC() {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed(0x03) == .controlC)
        #expect(!scanner.isAwaitingEscapeFollowUp)
    }

    @Test("a lone ESC cancels once the timeout passes")
    func loneEscape() {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed(0x1B) == nil)
        #expect(scanner.isAwaitingEscapeFollowUp)
        #expect(scanner.escapeTimedOut() == .escape)
        #expect(!scanner.isAwaitingEscapeFollowUp)
        #expect(scanner.escapeTimedOut() == nil)
    }

    @Test("arrow keys, Home/End and Alt+key are not cancels", arguments: [
        [0x1B, 0x5B, 0x41], [0x1B, 0x5B, 0x44], [0x1B, 0x4F, 0x41], [0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43],
        [0x1B, 0x5B, 0x33, 0x7E], [0x1B, 0x62], [0x1B, 0x5B, 0x48],
    ] as [[UInt8]])
    func keySequences(_ bytes: [UInt8]) {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed(bytes) == nil)
        #expect(!scanner.isAwaitingEscapeFollowUp)
        #expect(scanner.escapeTimedOut() == nil)
    }

    @Test("a sequence split across reads is still not a cancel")
    func splitSequence() {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed([0x1B] as [UInt8]) == nil)
        #expect(scanner.isAwaitingEscapeFollowUp)
        #expect(scanner.feed([0x5B, 0x42] as [UInt8]) == nil)
        #expect(scanner.escapeTimedOut() == nil)
    }

    @Test("ordinary text is ignored; Ctrl-C inside it is found")
    func text() {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed(Array("kubectl get pods\r".utf8)) == nil)
        #expect(scanner.feed(Array("ab".utf8) + [0x03, 0x61]) == .controlC)
    }

    @Test("Esc pressed twice quickly still cancels")
    func doubleEscape() {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed([0x1B, 0x1B] as [UInt8]) == nil)
        #expect(scanner.isAwaitingEscapeFollowUp)
        #expect(scanner.escapeTimedOut() == .escape)
    }

    @Test("Ctrl-C right after ESC cancels as Ctrl-C")
    func escapeThenControlC() {
        var scanner = CancelKeyScanner()
        #expect(scanner.feed([0x1B, 0x03] as [UInt8]) == .controlC)
    }
}
