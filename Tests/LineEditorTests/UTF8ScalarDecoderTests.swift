import Testing
@testable import LineEditor

@Suite("UTF8ScalarDecoder")
struct UTF8ScalarDecoderTests {
    private func decode(_ bytes: [UInt8]) -> [UInt32] {
        var decoder = UTF8ScalarDecoder()
        return bytes.flatMap { decoder.feed($0) }.map(\.value)
    }

    @Test("1 to 4 byte scalars", arguments: ["a", "é", "☸", "€", "😀", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"])
    func validScalars(_ text: String) {
        #expect(decode(Array(text.utf8)) == text.unicodeScalars.map(\.value))
    }

    @Test("a multi-byte scalar comes out only once complete")
    func waitsForWholeScalar() {
        var decoder = UTF8ScalarDecoder()
        #expect(decoder.feed(0xF0).isEmpty)
        #expect(decoder.isInsideSequence)
        #expect(decoder.feed(0x9F).isEmpty)
        #expect(decoder.feed(0x98).isEmpty)
        #expect(decoder.feed(0x80).map(\.value) == [0x1F600])
        #expect(!decoder.isInsideSequence)
    }

    @Test("mixed text decodes to the same scalars")
    func mixedText() {
        let text = "café ü kubectl ☸ 😀!"
        #expect(decode(Array(text.utf8)) == text.unicodeScalars.map(\.value))
    }

    @Test("stray continuation bytes and invalid lead bytes become U+FFFD")
    func invalidBytes() {
        #expect(decode([0x80]) == [0xFFFD])
        #expect(decode([0xBF, 0x41]) == [0xFFFD, 0x41])
        #expect(decode([0xC0, 0xC1, 0xF5, 0xFF]) == [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD])
    }

    @Test("a byte that breaks a sequence is decoded afresh")
    func interruptedSequence() {
        #expect(decode([0xC3, 0x41]) == [0xFFFD, 0x41])
        #expect(decode([0xE2, 0x98, 0x03]) == [0xFFFD, 0x03])
        #expect(decode([0xE2, 0xC3, 0xA9]) == [0xFFFD, 0xE9])
        #expect(decode([0xF0, 0x9F, 0x98, 0x1B]) == [0xFFFD, 0x1B])
    }

    @Test("overlong forms, surrogates and values above U+10FFFF are rejected")
    func rejectedForms() {
        #expect(decode([0xE0, 0x80, 0x80]) == [0xFFFD, 0xFFFD, 0xFFFD])   // overlong 3-byte
        #expect(decode([0xED, 0xA0, 0x80]) == [0xFFFD, 0xFFFD, 0xFFFD])   // U+D800
        #expect(decode([0xF0, 0x80, 0x80, 0x80]) == [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD])
        #expect(decode([0xF4, 0x90, 0x80, 0x80]) == [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD])
    }

    @Test("reset drops a partial sequence")
    func reset() {
        var decoder = UTF8ScalarDecoder()
        _ = decoder.feed(0xE2)
        decoder.reset()
        #expect(!decoder.isInsideSequence)
        #expect(decoder.feed(0x41).map(\.value) == [0x41])
    }
}
