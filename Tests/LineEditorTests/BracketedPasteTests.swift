import Testing
@testable import LineEditor

@Suite("BracketedPaste")
struct BracketedPasteTests {
    private func collect(_ text: String) -> (text: String, ended: Bool) {
        var collector = PasteCollector()
        var ended = false
        for byte in Array(text.utf8) where !ended { ended = collector.feed(byte) }
        return (String(decoding: collector.text, as: UTF8.self), ended)
    }

    @Test("the paste ends at the end marker; the markers are not text")
    func endsAtMarker() {
        let result = collect("?delete pod web-1\nget pods\n\u{1B}[201~")
        #expect(result.ended)
        #expect(result.text == "?delete pod web-1\nget pods\n")
    }

    @Test("an escape sequence inside the paste that is not the end marker is kept as text")
    func partialMarkerIsText() {
        let result = collect("a\u{1B}[20x\u{1B}\u{1B}[201~")
        #expect(result.ended)
        #expect(result.text == "a\u{1B}[20x\u{1B}")
        #expect(!collect("abc\u{1B}[201").ended)
    }

    @Test("pasted line breaks and tabs become spaces, so no pasted byte is an Enter")
    func lineBreaksAreSpaces() {
        let keys = BracketedPaste.keystrokes(forPasted: Array("?delete pod web-1\r\nget pods\n\tx\r".utf8))
        let text = String(String.UnicodeScalarView(keys.compactMap { Unicode.Scalar(UInt32($0)) }))
        #expect(text == "?delete pod web-1 get pods  x ")
        #expect(!keys.contains(0x0D) && !keys.contains(0x0A))
    }

    @Test("other control characters in a paste are dropped; UTF-8 is kept whole")
    func controlsDropped() {
        let keys = BracketedPaste.keystrokes(forPasted: Array("ca\u{3}fé\u{1B}[2J\u{7F}\u{9B}".utf8))
        let text = String(String.UnicodeScalarView(keys.compactMap { Unicode.Scalar(UInt32($0)) }))
        #expect(text == "café[2J")
    }
}
