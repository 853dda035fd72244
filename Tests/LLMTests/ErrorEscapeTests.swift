import Foundation
import Support
import Testing
@testable import LLM
@testable import HTTP

/// A server's error body is text from outside: its control characters never reach the terminal.
@Suite("Error mapping: server text is escaped")
struct ErrorEscapeTests {
    let llama = LlamaCppBackend(baseURL: URL(string: "http://127.0.0.1:8080")!, model: "m").endpoint

    @Test("an error body with an OSC title change, clear-screen and BEL becomes one visible line")
    func hostileErrorBody() {
        let body = #"{"error":{"code":500,"message":"boom\u001b]0;pwned\u0007\u001b[2J\nsecond line","type":"server_error"}}"#
        let status = HTTPStatusError(status: 500, body: Data(body.utf8), url: URL(string: "http://127.0.0.1:8080/completion")!)
        let error = llama.defaultError(for: status)
        #expect(!TerminalText.containsControl(error.message), "\(error.message)")
        #expect(error.message.contains("boom^[]0;pwned^G^[[2J"), "\(error.message)")
        #expect(!error.message.contains("\n"))
    }

    @Test("a mid-stream error event is escaped too")
    func streamError() {
        let failure = ServerErrorBody(message: "bad\u{1B}[31mred\u{7}")
        let error = llama.streamError(failure)
        #expect(!TerminalText.containsControl(error.message), "\(error.message)")
    }
}
