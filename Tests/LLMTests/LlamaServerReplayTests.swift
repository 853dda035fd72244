import Foundation
import Testing
@testable import LLM
@testable import HTTP
import TestSupport

/// `LlamaCppBackend` and `OpenAIBackend` against `Fixtures/fake_llama_server.py`, which replays the SSE a real
/// llama-server sent (so these run on machines without llama-server or a model).
@Suite("llama-server and OpenAI backends against a replay of llama-server's protocol")
struct LlamaServerReplayTests {
    @Test func nativeCompletionStreamsTokensThenTimings() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 10)
        let result = await StreamResult.collect(backend.generate(sampleRequest(grammar: "root ::= \"kubectl \" [a-z]+")))
        #expect(result.error == nil)
        #expect(result.tokens == ["kubectl", " get", " pods", " -n", " kube-system"])
        #expect(result.stats == GenerationStats(promptTokens: 11, cachedPromptTokens: 20, generatedTokens: 5,
                                                promptMilliseconds: 40.692, generationMilliseconds: 49.468, finishReason: "stop"))
        let sent = try await server.lastRequest()
        #expect(sent["path"] == .string("/completion"))
        let body = try #require(sent["body"])
        #expect(body["prompt"] == .string("<|im_start|>system\nYou translate requests into one kubectl command.<|im_end|>\n<|im_start|>user\nlist the pods<|im_end|>\n<|im_start|>assistant\n"))
        #expect(body["n_predict"] == .int(32))
        #expect(body["cache_prompt"] == .bool(true))
        #expect(body["stream"] == .bool(true))
        #expect(body["grammar"] == .string("root ::= \"kubectl \" [a-z]+"))
        #expect(body["stop"] == .array([.string("\n")]))
        #expect(body["seed"] == .int(42))
    }

    @Test func anAnswerPrefixIsContinuedNotGenerated() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        var request = sampleRequest()
        request.answerPrefix = "kubectl"
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "m", timeout: 10)
        let result = await StreamResult.collect(backend.generate(request))
        #expect(result.error == nil)
        // The prefix comes back first, so the caller sees the whole answer.
        #expect(result.tokens.first == "kubectl")
        #expect(result.text.hasPrefix("kubectl"))
        let body = try #require(try await server.lastRequest()["body"])
        #expect(body["prompt"] == .string("<|im_start|>system\nYou translate requests into one kubectl command.<|im_end|>\n<|im_start|>user\nlist the pods<|im_end|>\n<|im_start|>assistant\nkubectl"))
    }

    @Test func aFailedRequestStreamsNoPrefix() async throws {
        var request = sampleRequest()
        request.answerPrefix = "kubectl"
        let result = await StreamResult.collect(LlamaCppBackend(baseURL: deadURL, model: "m", timeout: 5).generate(request))
        #expect(result.tokens.isEmpty)
        #expect(result.error?.code == .serverUnreachable)
    }

    @Test func toleratesCommentsAndCRLF() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let result = await StreamResult.collect(LlamaCppBackend(baseURL: server.url(scenario: "comments"), model: "m", timeout: 10).generate(sampleRequest()))
        #expect(result.error == nil)
        #expect(result.text == "kubectl get pods -n kube-system")
        #expect(result.stats?.generatedTokens == 5)
    }

    @Test func fallsBackToChatMLWithoutApplyTemplate() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let backend = LlamaCppBackend(baseURL: server.url(scenario: "oldbuild"), model: "m", timeout: 10)
        let messages = sampleRequest().messages
        #expect(try await backend.renderPrompt(messages) == ChatTemplate.chatML(messages))
        let result = await StreamResult.collect(backend.generate(sampleRequest()))
        #expect(result.error == nil)
        #expect(try await server.lastRequest()["path"] == .string("/oldbuild/completion"))   // no second template call
    }

    @Test func cachesRenderedTemplates() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "m", timeout: 10)
        let messages = sampleRequest().messages
        _ = try await backend.renderPrompt(messages)
        #expect(try await server.lastRequest()["path"] == .string("/apply-template"))
        _ = try await backend.complete(sampleRequest())
        _ = try await backend.renderPrompt(messages)
        #expect(try await server.lastRequest()["path"] == .string("/completion"))
    }

    @Test func health() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        try await LlamaCppBackend(baseURL: server.baseURL, model: "m", timeout: 10).health()
        await #expect(throws: LLMError(.serverLoading, "llama-server at \(URLPath.display(server.url(scenario: "loading"))) is still loading the model; try again in a few seconds", httpStatus: 503)) {
            try await LlamaCppBackend(baseURL: server.url(scenario: "loading"), model: "m", timeout: 10).health()
        }
        do {
            try await LlamaCppBackend(baseURL: deadURL, model: "m", timeout: 10).health()
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .serverUnreachable)
        }
    }

    @Test func loadingDuringGeneration() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let result = await StreamResult.collect(LlamaCppBackend(baseURL: server.url(scenario: "loading"), model: "m", timeout: 10).generate(sampleRequest()))
        #expect(result.error?.code == .serverLoading)
        expectOneLine(result.error)
    }

    @Test func failuresAreOneLine() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        func run(_ scenario: String) async -> StreamResult {
            await StreamResult.collect(LlamaCppBackend(baseURL: server.url(scenario: scenario), model: "m", timeout: 10).generate(sampleRequest()))
        }
        let midstream = await run("midstream")
        #expect(midstream.tokens == ["kubectl"])
        #expect(midstream.error?.serverMessage?.contains("llama_decode failed: out of memory") == true)
        #expect(midstream.error?.message.contains("llama_decode failed: out of memory") == true)
        let dataError = await run("dataerror")
        #expect(dataError.error?.serverMessage != nil)
        let truncated = await run("truncated")
        #expect(truncated.tokens == ["kubectl", " get"])
        #expect(truncated.error?.code == .truncatedStream)
        let context = await run("context")
        #expect(context.error?.code == .httpStatus)
        #expect(context.error?.httpStatus == 400)
        #expect(context.error?.message.contains("raise context_size") == true)
        let garbage = await run("garbage")
        #expect(garbage.error?.code == .badResponse)
        #expect(garbage.error?.message.contains("not an event stream (<html><body>Bad gateway</body></html>)") == true)
        for result in [midstream, dataError, truncated, context, garbage] { expectOneLine(result.error) }
    }

    @Test func notLlamaServer() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let result = await StreamResult.collect(LlamaCppBackend(baseURL: server.baseURL, model: "m", timeout: 10).generate(sampleRequest()))
        #expect(result.error?.message.contains("not llama-server") == true)
        expectOneLine(result.error)
    }

    @Test func openAIChatStreamsToDone() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let backend = OpenAIBackend(baseURL: server.baseURL.appendingPathComponent("v1"), model: "smollm2", apiKey: "sk-test", timeout: 10)
        let result = await StreamResult.collect(backend.generate(sampleRequest()))
        #expect(result.error == nil)
        #expect(result.text == "kubectl get pods -n kube-system")
        #expect(result.stats == GenerationStats(promptTokens: 12, cachedPromptTokens: 20, generatedTokens: 5,
                                                promptMilliseconds: 135.417, generationMilliseconds: 95.339, finishReason: "stop"))
        let sent = try await server.lastRequest()
        #expect(sent["path"] == .string("/v1/chat/completions"))
        #expect(sent["authorization"] == .string("Bearer sk-test"))
        #expect(sent["body"]?["model"] == .string("smollm2"))
        #expect(sent["body"]?["max_tokens"] == .int(32))
        #expect(sent["body"]?["stream_options"]?["include_usage"] == .bool(true))
        #expect(try await backend.models() == ["/models/SmolLM2-135M-Instruct.Q4_1.gguf"])
    }

    @Test func openAIWithoutDoneMarker() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let result = await StreamResult.collect(OpenAIBackend(baseURL: server.url(scenario: "nodone"), model: "m", timeout: 10).generate(sampleRequest()))
        #expect(result.error == nil)
        #expect(result.stats?.finishReason == "stop")
    }

    @Test func openAIFailures() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        func run(_ scenario: String) async -> StreamResult {
            await StreamResult.collect(OpenAIBackend(baseURL: server.url(scenario: scenario), model: "m", timeout: 10).generate(sampleRequest()))
        }
        let dataError = await run("dataerror")
        #expect(dataError.tokens == ["kubectl"])
        #expect(dataError.error?.serverMessage != nil)
        let truncated = await run("truncated")
        #expect(truncated.error?.code == .truncatedStream)
        let loading = await run("loading")
        #expect(loading.error?.code == .serverLoading)
        for result in [dataError, truncated, loading] { expectOneLine(result.error) }
    }

    @Test func cancellingAnOpenAIStream() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let backend = OpenAIBackend(baseURL: server.url(scenario: "slow"), model: "m", timeout: 60)
        let task = Task { try await backend.complete(sampleRequest()) }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        task.cancel()
        await #expect(throws: LLMError(.cancelled, "request cancelled")) { _ = try await task.value }
        #expect(seconds(since: start) < 20)
    }
}
