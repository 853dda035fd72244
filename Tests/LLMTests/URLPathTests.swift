import Foundation
import Testing
@testable import LLM
@testable import HTTP

@Suite("URLPath: base URLs, joining, display")
struct URLPathTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080", "completion", "http://127.0.0.1:8080/completion"),
        ("http://127.0.0.1:8080/", "/completion", "http://127.0.0.1:8080/completion"),
        ("http://h:11434/proxy/ollama", "api/chat", "http://h:11434/proxy/ollama/api/chat"),
        ("http://h:11434/proxy/ollama/", "/api/chat", "http://h:11434/proxy/ollama/api/chat"),
        ("https://h/v1?x=1", "v1/models", "https://h/v1/v1/models"),
        ("http://127.0.0.1:8080", "slots/0?action=save", "http://127.0.0.1:8080/slots/0?action=save"),
        ("http://h/llm/?x=1", "/slots/0?action=restore", "http://h/llm/slots/0?action=restore"),
    ])
    func joins(base: String, path: String, expected: String) {
        #expect(URLPath.join(URL(string: base)!, path).absoluteString == expected)
    }

    @Test(arguments: [
        ("http://gpu:8000/v1", "http://gpu:8000"),
        ("http://gpu:8000/v1/", "http://gpu:8000"),
        ("http://gpu:8000", "http://gpu:8000"),
        ("https://api.example.com/openai/v1", "https://api.example.com/openai"),
        ("http://gpu:8000/v1beta", "http://gpu:8000/v1beta"),
    ])
    func dropsV1(url: String, expected: String) {
        #expect(URLPath.droppingV1Suffix(URL(string: url)!).absoluteString == expected)
    }

    @Test func openAIBackendAcceptsBothSpellings() {
        let with = OpenAIBackend(baseURL: URL(string: "http://h:8000/v1")!, model: "m")
        let without = OpenAIBackend(baseURL: URL(string: "http://h:8000")!, model: "m")
        #expect(with.endpoint.url("v1/chat/completions") == without.endpoint.url("v1/chat/completions"))
        #expect(with.endpoint.url("v1/chat/completions").absoluteString == "http://h:8000/v1/chat/completions")
    }

    @Test func parsesConfiguredURLs() throws {
        #expect(try URLPath.parseBaseURL("http://127.0.0.1:8080").absoluteString == "http://127.0.0.1:8080")
        #expect(try URLPath.parseBaseURL(" localhost:8080 ").absoluteString == "http://localhost:8080")
        #expect(try URLPath.parseBaseURL("https://gpu.example.com/v1").host == "gpu.example.com")
    }

    @Test func rejectsBadURLs() {
        for text in ["", "ftp://h/x", "http://", "   "] {
            #expect(throws: LLMError.self) { try URLPath.parseBaseURL(text) }
        }
        do {
            _ = try URLPath.parseBaseURL("ftp://h")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains("ftp://h"))
        }
    }

    @Test func displayHidesCredentials() {
        #expect(URLPath.display(URL(string: "http://user:secret@h:1/x/")!) == "http://h:1/x")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", true), ("http://localhost:1", true), ("http://[::1]:8080", true),
        ("http://127.5.0.1", true), ("http://10.0.0.2:11434", false), ("https://api.example.com", false),
        ("http://127.0.0.1.example.com", false),
    ])
    func loopback(url: String, expected: Bool) {
        #expect(URLPath.isLoopback(URL(string: url)!) == expected)
    }
}
