import Testing
@testable import LineEditor

@Suite("PromptText")
struct PromptTextTests {
    @Test("plain prompt is unchanged")
    func plainPrompt() {
        #expect(PromptText.libeditSafe("k1> ") == "k1> ")
        #expect(PromptText.libeditSafe("") == "")
    }

    @Test("each SGR sequence is wrapped in \\1 … \\2")
    func wrapsSGR() {
        let styled = "\u{1B}[1;32mk1>\u{1B}[0m "
        #expect(PromptText.libeditSafe(styled) == "\u{1}\u{1B}[1;32m\u{2}k1>\u{1}\u{1B}[0m\u{2} ")
    }

    @Test("adjacent sequences share one pair of markers")
    func mergesAdjacent() {
        let styled = "\u{1B}[1m\u{1B}[36mctx\u{1B}[0m\u{1B}[2m:\u{1B}[0m> "
        #expect(PromptText.libeditSafe(styled) == "\u{1}\u{1B}[1m\u{1B}[36m\u{2}ctx\u{1}\u{1B}[0m\u{1B}[2m\u{2}:\u{1}\u{1B}[0m\u{2}> ")
    }

    @Test("visible text is unchanged, including non-ASCII")
    func visibleTextKept() {
        let safe = PromptText.libeditSafe("\u{1B}[33m☸ prod/café\u{1B}[0m ❯ ")
        let visible = safe.unicodeScalars.filter { $0 != "\u{1}" && $0 != "\u{2}" }
        #expect(String(String.UnicodeScalarView(visible)) == "\u{1B}[33m☸ prod/café\u{1B}[0m ❯ ")
        #expect(safe.hasSuffix("\u{2} ❯ "))
    }

    @Test("sequence at the end and OSC title sequences")
    func trailingAndOSC() {
        #expect(PromptText.libeditSafe("k1>\u{1B}[0m") == "k1>\u{1}\u{1B}[0m\u{2}")
        #expect(PromptText.libeditSafe("\u{1B}]0;title\u{7}k1> ") == "\u{1}\u{1B}]0;title\u{7}\u{2}k1> ")
        #expect(PromptText.libeditSafe("\u{1B}]0;t\u{1B}\\k1> ") == "\u{1}\u{1B}]0;t\u{1B}\\\u{2}k1> ")
    }

    @Test("a lone ESC or an unterminated sequence is still hidden")
    func loneEscape() {
        #expect(PromptText.libeditSafe("a\u{1B}") == "a\u{1}\u{1B}\u{2}")
        #expect(PromptText.libeditSafe("a\u{1B}[1;3") == "a\u{1}\u{1B}[1;3\u{2}")
    }

    @Test("already marked prompts are left alone (idempotent)")
    func idempotent() {
        let once = PromptText.libeditSafe("\u{1B}[1;32mk1>\u{1B}[0m ")
        #expect(PromptText.libeditSafe(once) == once)
    }
}
