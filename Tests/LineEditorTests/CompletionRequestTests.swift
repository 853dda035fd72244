import Testing
@testable import LineEditor

@Suite("CompletionRequest")
struct CompletionRequestTests {
    @Test("word at the end of the line")
    func wordAtEnd() {
        let line = "kubectl get deploy/we"
        let request = CompletionRequest.fromEditBuffer(lineBytes: Array(line.utf8), cursorByteOffset: line.utf8.count, word: "deploy/we")
        #expect(request == CompletionRequest(line: line, word: "deploy/we", start: 12, end: 21))
    }

    @Test("empty word after a space")
    func emptyWord() {
        let line = "kubectl "
        let request = CompletionRequest.fromEditBuffer(lineBytes: Array(line.utf8), cursorByteOffset: 8, word: "")
        #expect(request == CompletionRequest(line: line, word: "", start: 8, end: 8))
    }

    @Test("cursor in the middle of the line")
    func cursorInside() {
        let line = "kubectl ge pods"
        let request = CompletionRequest.fromEditBuffer(lineBytes: Array(line.utf8), cursorByteOffset: 10, word: "ge")
        #expect(request == CompletionRequest(line: line, word: "ge", start: 8, end: 10))
    }

    @Test("offsets count characters, not UTF-8 bytes")
    func characterOffsets() {
        let line = "echo café --namespace=sh"
        let request = CompletionRequest.fromEditBuffer(lineBytes: Array(line.utf8), cursorByteOffset: line.utf8.count, word: "--namespace=sh")
        #expect(request.start == 10)
        #expect(request.end == 24)
        #expect(request.line == line)
    }

    @Test("an out-of-range cursor is clamped")
    func clamped() {
        let request = CompletionRequest.fromEditBuffer(lineBytes: Array("ab".utf8), cursorByteOffset: 99, word: "ab")
        #expect(request == CompletionRequest(line: "ab", word: "ab", start: 0, end: 2))
        let empty = CompletionRequest.fromEditBuffer(lineBytes: [], cursorByteOffset: 0, word: "")
        #expect(empty == CompletionRequest(line: "", word: "", start: 0, end: 0))
    }
}
