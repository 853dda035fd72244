import Testing
@testable import LineEditor

@Suite("PrefillText")
struct PrefillTextTests {
    @Test("ordinary commands are unchanged")
    func unchanged() {
        #expect(PrefillText.sanitized("kubectl get pods -n shop") == "kubectl get pods -n shop")
    }

    @Test("tabs and line breaks become single spaces")
    func tabsAndNewlines() {
        #expect(PrefillText.sanitized("kubectl\tget\npods") == "kubectl get pods")
        #expect(PrefillText.sanitized("a\r\nb") == "a b")
        #expect(PrefillText.sanitized("a\rb") == "a b")
    }

    @Test("surrounding whitespace and a trailing newline are trimmed")
    func trimmed() {
        #expect(PrefillText.sanitized("  kubectl get pods\n") == "kubectl get pods")
        #expect(PrefillText.sanitized("\n\t ") == "")
    }

    @Test("other control characters are dropped")
    func controlsDropped() {
        #expect(PrefillText.sanitized("kubectl\u{1B}[A get\u{3}\u{7F} pods\u{85}") == "kubectl[A get pods")
        #expect(PrefillText.sanitized("a\u{4}b\u{9B}c") == "abc")
    }

    @Test("non-ASCII text is kept as whole scalars")
    func unicodeKept() {
        #expect(PrefillText.sanitized("kubectl logs café-pod") == "kubectl logs café-pod")
        #expect(PrefillText.keystrokes(for: "é☸😀") == [0xE9, 0x2638, 0x1F600])
        #expect(PrefillText.keystrokes(for: "a\tb") == [0x61, 0x20, 0x62])
    }
}

@Suite("PrefillText for a line given back")
struct PrefillTextExactTests {
    @Test func keepsSpacesAndOneKeyPerCharacter() {
        let text = "  kubectl get pods \tx é"
        let keys = PrefillText.exactKeystrokes(for: text)
        #expect(keys.count == text.count)
        #expect(String(String.UnicodeScalarView(keys.compactMap { Unicode.Scalar(UInt32($0)) }))
                == "  kubectl get pods  x é")
        #expect(PrefillText.keystrokes(for: text).count < text.count, "a suggestion is trimmed, a line given back is not")
    }
}
