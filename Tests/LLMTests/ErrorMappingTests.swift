import Foundation
import Testing
@testable import HTTP
@testable import LLM
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Error mapping: every failure is one clear line")
struct ErrorMappingTests {
    let llama = LlamaCppBackend(baseURL: URL(string: "http://127.0.0.1:8080")!, model: "m").endpoint
    let ollama = OllamaBackend(baseURL: URL(string: "http://127.0.0.1:11434")!, model: "llama3.2").endpoint

    private func status(_ code: Int, _ body: String, path: String = "/completion") -> HTTPStatusError {
        HTTPStatusError(status: code, body: Data(body.utf8), url: URL(string: "http://127.0.0.1:8080\(path)")!)
    }

    @Test func connectionRefused() {
        let error = llama.error(forTransport: URLError(.cannotConnectToHost), receivedBody: false, timeout: 60)
        #expect(error.code == .serverUnreachable)
        #expect(error.message == "cannot reach llama-server at http://127.0.0.1:8080 (connection refused); start llama-server there, or fix url in config.yaml")
    }

    @Test func timeouts() {
        let error = llama.error(forTransport: URLError(.timedOut), receivedBody: true, timeout: 60)
        #expect(error.code == .timeout)
        #expect(error.message.contains("within 60 s"))
        #expect(llama.timeoutError(seconds: 0.5).message.contains("within 0.5 s"))
    }

    @Test func cancellation() {
        #expect(llama.error(forTransport: URLError(.cancelled), receivedBody: false, timeout: nil).code == .cancelled)
        #expect(llama.error(forTransport: CancellationError(), receivedBody: false, timeout: nil).code == .cancelled)
    }

    @Test func brokenConnections() {
        #expect(llama.error(forTransport: URLError(.networkConnectionLost), receivedBody: true, timeout: nil).code == .truncatedStream)
        #expect(llama.error(forTransport: URLError(.networkConnectionLost), receivedBody: false, timeout: nil).code == .serverUnreachable)
        #expect(llama.error(forTransport: URLError(.cannotFindHost), receivedBody: false, timeout: nil).message.contains("unknown host"))
    }

    @Test func loadingIsServerLoading() {
        let error = llama.error(for: status(503, #"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#))
        #expect(error.code == .serverLoading)
        #expect(error.httpStatus == 503)
        expectOneLine(error)
    }

    @Test func nestedAndFlatBodiesGiveTheServerMessage() {
        let nested = llama.error(for: status(500, #"{"error":{"code":500,"message":"llama_decode failed","type":"server_error"}}"#))
        #expect(nested.code == .httpStatus)
        #expect(nested.message == "llama-server at http://127.0.0.1:8080 answered HTTP 500: llama_decode failed")
        let flat = ollama.error(for: status(500, #"{"error":"something went wrong"}"#, path: "/api/chat"))
        #expect(flat.message == "Ollama at http://127.0.0.1:11434 answered HTTP 500: something went wrong")
        let html = llama.error(for: status(502, "<html>\n<h1>Bad Gateway</h1>"))
        #expect(html.message.hasSuffix("HTTP 502: <html>"))
        let empty = llama.error(for: status(500, ""))
        #expect(empty.message.lowercased().hasSuffix("http 500: internal server error"))
        for error in [nested, flat, html, empty] { expectOneLine(error) }
    }

    @Test func ollamaMissingModel() {
        let error = ollama.error(for: status(404, #"{"error":"model 'qwen2.5-coder:1.5b' not found"}"#, path: "/api/chat"))
        #expect(error.code == .modelMissing)
        #expect(error.message.contains("run: k1 models pull qwen2.5-coder:1.5b (or: ollama pull qwen2.5-coder:1.5b)"))
        let newer = ollama.error(for: status(404, #"{"error":"model \"phi3\" not found, try pulling it first"}"#, path: "/api/chat"))
        #expect(newer.message.contains("k1 models pull phi3"))
    }

    @Test func notTheExpectedServer() {
        let llamaOnOllama = llama.error(for: status(404, #"{"error":"404 page not found"}"#))
        #expect(llamaOnOllama.message.contains("not llama-server"))
        let ollamaOnLlama = ollama.error(for: status(404, #"{"error":{"message":"File Not Found","type":"not_found_error","code":404}}"#, path: "/api/chat"))
        #expect(ollamaOnLlama.message.contains("not Ollama"))
    }

    @Test func unauthorized() {
        let error = OpenAIBackend(baseURL: URL(string: "https://api.example.com/v1")!, model: "m").endpoint
            .error(for: status(401, #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#))
        #expect(error.message.contains("api_key_env"))
        #expect(error.httpStatus == 401)
    }

    @Test func aFailedPullIsReadFromTheServersWordsNeverFromK1sMessage() {
        let manifest = LLMError(.serverError("pull model manifest: file does not exist"),
                                "Ollama at http://127.0.0.1:11434 failed while answering: pull model manifest: file does not exist")
        let missing = OllamaBackend.pullError(manifest, model: "nonexistent")
        #expect(missing.code == .modelMissing)
        #expect(missing.message == "the Ollama library has no model 'nonexistent'; check the name (e.g. qwen2.5-coder:1.5b)")
        // k1's own line mentioning "not found" is not the server saying so.
        let own = LLMError(.serverFailed, "llama-server not found at /opt/llama-server; run k1 setup")
        #expect(OllamaBackend.pullError(own, model: "x") == own)
        let other = LLMError(.serverError("disk quota exceeded"), "Ollama failed while answering: disk quota exceeded")
        #expect(OllamaBackend.pullError(other, model: "x") == other)
    }

    @Test func streamErrors() {
        let error = ollama.streamError(ServerErrorBody(message: "an error was encountered while running the model"))
        #expect(error.code == .serverError("an error was encountered while running the model"))
        #expect(error.serverMessage == "an error was encountered while running the model")
        #expect(error.message == "Ollama at http://127.0.0.1:11434 failed while answering: an error was encountered while running the model")
    }

    @Test func ollamaNameCandidates() {
        #expect(OllamaBackend.nameCandidates("qwen2.5-coder-1.5b") == ["qwen2.5-coder-1.5b", "qwen2.5-coder-1.5b:latest", "qwen2.5-coder:1.5b"])
        #expect(OllamaBackend.nameCandidates("llama3:8b") == ["llama3:8b"])
        #expect(OllamaBackend.nameCandidates("smollm2-135m") == ["smollm2-135m", "smollm2-135m:latest", "smollm2:135m"])
        #expect(OllamaBackend.nameCandidates("my-model") == ["my-model", "my-model:latest"])
        let models = [OllamaModel(name: "qwen2.5-coder:1.5b"), OllamaModel(name: "llama3:latest")]
        #expect(OllamaBackend.matchingModel("qwen2.5-coder-1.5b", in: models) == "qwen2.5-coder:1.5b")
        #expect(OllamaBackend.matchingModel("llama3", in: models) == "llama3:latest")
        #expect(OllamaBackend.matchingModel("LLAMA3:latest", in: models) == "llama3:latest")
        #expect(OllamaBackend.matchingModel("mistral", in: models) == nil)
    }

    @Test func noProxyValue() {
        #expect(LoopbackProxyBypass.noProxyValue(adding: ["localhost", "127.0.0.1"], to: "") == "localhost,127.0.0.1")
        #expect(LoopbackProxyBypass.noProxyValue(adding: ["localhost", "127.0.0.1"], to: "corp.example, localhost")
                == "corp.example,localhost,127.0.0.1")
        #expect(LoopbackProxyBypass.noProxyValue(adding: ["localhost"], to: "*") == "*")
    }
}
