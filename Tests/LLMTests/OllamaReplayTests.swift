import Foundation
import Testing
@testable import LLM
@testable import HTTP
import TestSupport

/// Ollama cannot be installed on the build machines: these run `OllamaBackend` against `Fixtures/fake_ollama.py`,
/// which replays the NDJSON of Ollama's API documentation byte for byte.
@Suite("OllamaBackend against a replay of Ollama's documented protocol")
struct OllamaReplayTests {
    @Test func streamsTokensThenStats() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let backend = OllamaBackend(baseURL: server.baseURL, model: "llama3.2", timeout: 10,
                                    options: .init(numCtx: 4096, keepAlive: "15m"))
        let result = await StreamResult.collect(backend.generate(sampleRequest()))
        #expect(result.error == nil)
        #expect(result.tokens == ["The", " sky", " is blue", " — grüße 🌍."])
        #expect(result.stats == GenerationStats(promptTokens: 26, generatedTokens: 282, promptMilliseconds: 342.546,
                                                generationMilliseconds: 4535.599, finishReason: "stop"))
        #expect(result.eventsAfterDone == 0)
    }

    @Test func sendsTheDocumentedRequest() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let backend = OllamaBackend(baseURL: server.baseURL, model: "llama3.2", timeout: 10,
                                    options: .init(numCtx: 4096, keepAlive: "15m", format: .string("json")))
        _ = try await backend.complete(sampleRequest("show nodes", maxTokens: 50))
        let sent = try await server.lastRequest()
        #expect(sent["path"] == .string("/api/chat"))
        let body = try #require(sent["body"])
        #expect(body["model"] == .string("llama3.2"))
        #expect(body["stream"] == .bool(true))
        #expect(body["keep_alive"] == .string("15m"))
        #expect(body["format"] == .string("json"))
        #expect(body["options"]?["num_ctx"] == .int(4096))
        #expect(body["options"]?["num_predict"] == .int(50))
        #expect(body["options"]?["temperature"] == .int(0))
        #expect(body["options"]?["stop"] == .array([.string("\n")]))
        #expect(body["options"]?["seed"] == .int(42))
        #expect(body["messages"]?["x"] == nil)
        #expect(sent["authorization"] == .null)
    }

    @Test func readsLinesCutAcrossChunks() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "split", timeout: 10).generate(sampleRequest()))
        #expect(result.error == nil)
        #expect(result.text == "The sky is blue — grüße 🌍.")
        #expect(result.stats?.generatedTokens == 282)
    }

    @Test func midStreamErrorLineWithStatus200() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "broken", timeout: 10).generate(sampleRequest()))
        #expect(result.tokens == ["The", " sky"])
        #expect(result.stats == nil)
        #expect(result.error?.code == .serverError("an error was encountered while running the model"))
        #expect(result.error?.message.contains("an error was encountered while running the model") == true)
        expectOneLine(result.error)
    }

    @Test func missingModelSuggestsPull() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "qwen2.5-coder:1.5b", timeout: 10).generate(sampleRequest()))
        #expect(result.error?.code == .modelMissing)
        #expect(result.error?.httpStatus == 404)
        #expect(result.error?.message.contains("run: k1 models pull qwen2.5-coder:1.5b (or: ollama pull qwen2.5-coder:1.5b)") == true)
        expectOneLine(result.error)
    }

    @Test func truncatedAndEmptyStreams() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let truncated = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "truncated", timeout: 10).generate(sampleRequest()))
        #expect(truncated.tokens == ["The", " sky"])
        #expect(truncated.error?.code == .truncatedStream)
        expectOneLine(truncated.error)
        let empty = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "empty", timeout: 10).generate(sampleRequest()))
        #expect(empty.error?.code == .emptyResponse)
        expectOneLine(empty.error)
    }

    @Test func completeThrowsTheStreamError() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        await #expect(throws: LLMError.self) {
            _ = try await OllamaBackend(baseURL: server.baseURL, model: "truncated", timeout: 10).complete(sampleRequest())
        }
        let result = try await OllamaBackend(baseURL: server.baseURL, model: "llama3.2", timeout: 10).complete(sampleRequest())
        #expect(result.text == "The sky is blue — grüße 🌍.")
    }

    @Test func tagsShowVersion() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let backend = OllamaBackend(baseURL: server.baseURL, model: "llama3.2", timeout: 10)
        let tags = try await backend.tags()
        #expect(tags.map(\.name) == ["codellama:13b", "llama3:latest"])
        #expect(tags[0].size == 7365960935)
        #expect(tags[0].details == OllamaModel.Details(format: "gguf", family: "llama", parameterSize: "13B", quantizationLevel: "Q4_0"))
        let info = try await backend.show("llama3.2")
        #expect(info.details?.parameterSize == "8.0B")
        #expect(info.contextLength == 8192)
        #expect(info.capabilities == ["completion"])
        #expect(try await backend.version() == "0.5.1")
        await #expect(throws: LLMError(.modelMissing, "Ollama at \(URLPath.display(server.baseURL)) has no model 'phi3'; run: k1 models pull phi3 (or: ollama pull phi3)", httpStatus: 404)) {
            _ = try await backend.show("phi3")
        }
    }

    @Test func pullStreamsProgressToSuccess() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        var steps: [PullProgress] = []
        for try await step in OllamaBackend(baseURL: server.baseURL, model: "x", timeout: 10).pull("llama3.2") {
            steps.append(step)
        }
        #expect(steps.first?.status == "pulling manifest")
        #expect(steps.last?.isSuccess == true)
        #expect(steps.compactMap(\.fraction).last == 1)
        #expect(steps.count == 9)
        let sent = try await server.lastRequest()
        #expect(sent["body"]?["model"] == .string("llama3.2"))
    }

    @Test func pullOfAnUnknownModel() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        var steps: [PullProgress] = []
        var failure: LLMError?
        do {
            for try await step in OllamaBackend(baseURL: server.baseURL, model: "x", timeout: 10).pull("nonexistent") {
                steps.append(step)
            }
        } catch let error as LLMError { failure = error }
        #expect(steps.map(\.status) == ["pulling manifest"])
        #expect(failure?.code == .modelMissing)
        expectOneLine(failure)
    }

    @Test func http500WithFlatBody() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.url(scenario: "http500"), model: "llama3.2", timeout: 10).generate(sampleRequest()))
        #expect(result.error?.code == .httpStatus)
        #expect(result.error?.message.hasSuffix("answered HTTP 500: something went wrong inside the server") == true)
        expectOneLine(result.error)
    }

    @Test func redirectsAreNotFollowed() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        // Following the redirect would hit an unroutable address and end in a timeout, not in the 302 itself.
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.url(scenario: "redirect"), model: "llama3.2", timeout: 10).generate(sampleRequest()))
        #expect(result.error?.httpStatus == 302)
        #expect(result.error?.message.contains("does not follow redirects") == true)
        #expect(result.error?.message.contains("203.0.113.7") == true)
        expectOneLine(result.error)
    }
}
