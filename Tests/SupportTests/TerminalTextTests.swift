import Testing
@testable import Support

@Suite("TerminalText")
struct TerminalTextTests {
    @Test("OSC title changes, clear-screen, BEL and CSI become visible text")
    func escapesControls() {
        let hostile = "error\u{1B}]0;pwned\u{7}\u{1B}[2J\u{9B}31m\u{7F}end"
        let shown = TerminalText.escaped(hostile)
        #expect(shown == "error^[]0;pwned^G^[[2J<9b>31m^?end")
        #expect(!TerminalText.containsControl(shown))
    }

    @Test("newlines are kept only where one is meant; tabs become spaces; carriage returns never pass")
    func newlines() {
        #expect(TerminalText.escaped("a\nb\r\tc") == "a^Jb^M c")
        #expect(TerminalText.escaped("a\nb\rc", keepNewlines: true) == "a\nb^Mc")
    }

    @Test("ordinary text, including non-ASCII, is unchanged")
    func plain() {
        let text = "kubectl get pods -n café ⚡"
        #expect(TerminalText.escaped(text) == text)
        #expect(!TerminalText.containsControl(text))
    }
}
