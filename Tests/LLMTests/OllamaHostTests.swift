import Foundation
import Testing
@testable import LLM
@testable import HTTP

@Suite("OllamaHost: url, OLLAMA_HOST and the default")
struct OllamaHostTests {
    @Test(arguments: [
        ("127.0.0.1:11434", "http://127.0.0.1:11434"),
        ("localhost:9999", "http://localhost:9999"),
        ("0.0.0.0", "http://127.0.0.1:11434"),
        ("0.0.0.0:11435", "http://127.0.0.1:11435"),
        (":11500", "http://127.0.0.1:11500"),
        ("gpu-box", "http://gpu-box:11434"),
        ("http://gpu-box:11434", "http://gpu-box:11434"),
        ("http://gpu-box", "http://gpu-box:80"),
        ("https://ollama.example.com", "https://ollama.example.com:443"),
        ("http://h:1234/prefix/", "http://h:1234/prefix"),
        ("[::1]:11434", "http://[::1]:11434"),
        ("::", "http://127.0.0.1:11434"),
        ("  10.0.0.5:11434  ", "http://10.0.0.5:11434"),
    ])
    func parsesLikeTheOllamaCLI(value: String, expected: String) throws {
        #expect(try OllamaHost.parse(value).absoluteString == expected)
    }

    @Test func rejectsBadValues() {
        #expect(throws: LLMError.self) { try OllamaHost.parse("ftp://h:1") }
        #expect(throws: LLMError.self) { try OllamaHost.parse("h:99999") }
        #expect(throws: LLMError.self) { try OllamaHost.parse("h:port") }
    }

    @Test func urlWinsOverTheEnvironment() throws {
        let url = try OllamaHost.resolve(url: "http://10.1.1.1:1", environment: ["OLLAMA_HOST": "0.0.0.0:2"])
        #expect(url.absoluteString == "http://10.1.1.1:1")
    }

    @Test func environmentWinsOverTheDefault() throws {
        #expect(try OllamaHost.resolve(url: "", environment: ["OLLAMA_HOST": "0.0.0.0:2"]).absoluteString == "http://127.0.0.1:2")
        #expect(try OllamaHost.resolve(url: " ", environment: ["OLLAMA_HOST": ""]) == OllamaHost.defaultURL)
        #expect(try OllamaHost.resolve(url: "", environment: [:]).absoluteString == "http://127.0.0.1:11434")
    }
}
