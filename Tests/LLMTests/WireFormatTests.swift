import Foundation
import Testing
@testable import LLM
@testable import HTTP

@Suite("Wire formats: request bodies and stats mapping")
struct WireFormatTests {
    private func json(_ data: Data) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func llamaCompletionRequest() throws {
        let request = sampleRequest(maxTokens: 64, grammar: "root ::= \"kubectl\"")
        let body = try json(HTTPJSONClient.encode(LlamaCppWire.CompletionRequest(prompt: "P", request: request)))
        #expect(body["prompt"] as? String == "P")
        #expect(body["n_predict"] as? Int == 64)
        #expect(body["temperature"] as? Double == 0)
        #expect(body["stop"] as? [String] == ["\n"])
        #expect(body["seed"] as? Int == 42)
        #expect(body["grammar"] as? String == "root ::= \"kubectl\"")
        #expect(body["cache_prompt"] as? Bool == true)
        #expect(body["stream"] as? Bool == true)
    }

    @Test func llamaRequestOmitsEmptyGrammar() throws {
        let body = try json(HTTPJSONClient.encode(LlamaCppWire.CompletionRequest(prompt: "P", request: sampleRequest(grammar: ""))))
        #expect(body["grammar"] == nil)
    }

    @Test func llamaTimingsBecomeStats() throws {
        let line = #"{"content":"","stop":true,"stop_type":"word","tokens_cached":36,"timings":{"cache_n":20,"prompt_n":11,"prompt_ms":40.692,"predicted_n":5,"predicted_ms":49.468,"predicted_per_second":101.07}}"#
        let chunk = try JSONDecoder().decode(LlamaCppWire.CompletionChunk.self, from: Data(line.utf8))
        #expect(chunk.stats == GenerationStats(promptTokens: 11, cachedPromptTokens: 20, generatedTokens: 5,
                                               promptMilliseconds: 40.692, generationMilliseconds: 49.468, finishReason: "stop"))
        #expect(abs((chunk.stats.tokensPerSecond ?? 0) - 101.07) < 0.1)
    }

    @Test(arguments: [("eos", "stop"), ("word", "stop"), ("limit", "length"), ("none", nil), ("other", "other")] as [(String, String?)])
    func llamaStopTypes(stopType: String, expected: String?) {
        #expect(LlamaCppWire.finishReason(stopType: stopType) == expected)
    }

    @Test func ollamaChatRequest() throws {
        let wire = OllamaWire.ChatRequest(
            model: "llama3.2", messages: [ChatMessage(role: .user, content: "hi")],
            options: OllamaWire.Options(temperature: 0, numCtx: 4096, numPredict: 96, stop: ["\n"], seed: 42),
            keepAlive: "15m", format: .string("json"))
        let body = try json(HTTPJSONClient.encode(wire))
        #expect(body["model"] as? String == "llama3.2")
        #expect(body["stream"] as? Bool == true)
        #expect(body["keep_alive"] as? String == "15m")
        #expect(body["format"] as? String == "json")
        let options = try #require(body["options"] as? [String: Any])
        #expect(options["num_ctx"] as? Int == 4096)
        #expect(options["num_predict"] as? Int == 96)
        #expect(options["stop"] as? [String] == ["\n"])
        #expect(options["seed"] as? Int == 42)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "hi"]])
    }

    @Test func ollamaFinalLineBecomesStats() throws {
        let line = #"{"model":"llama3.2","created_at":"2023-08-04T19:22:45.499127Z","done":true,"done_reason":"stop","total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}"#
        let chunk = try JSONDecoder().decode(OllamaWire.ChatChunk.self, from: Data(line.utf8))
        #expect(chunk.done == true)
        #expect(chunk.stats == GenerationStats(promptTokens: 26, generatedTokens: 282, promptMilliseconds: 342.546,
                                               generationMilliseconds: 4535.599, finishReason: "stop"))
    }

    @Test func openAIRequest() throws {
        var request = sampleRequest()
        request.stop = ["a", "b", "c", "d", "e"]
        let body = try json(HTTPJSONClient.encode(OpenAIWire.ChatRequest(model: "m", request: request)))
        #expect(body["max_tokens"] as? Int == 32)
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Bool])?["include_usage"] == true)
        #expect(body["stop"] as? [String] == ["a", "b", "c", "d"])
        #expect(body["grammar"] == nil)
        request.stop = []
        #expect(try json(HTTPJSONClient.encode(OpenAIWire.ChatRequest(model: "m", request: request)))["stop"] == nil)
    }

    @Test func openAIStatsPreferTimings() {
        let usage = OpenAIWire.Usage(promptTokens: 32, completionTokens: 5,
                                     promptTokensDetails: .init(cachedTokens: 20))
        let timings = LlamaCppWire.Timings(promptN: 12, promptMs: 135.4, predictedN: 5, predictedMs: 95.3, cacheN: 20)
        #expect(OpenAIWire.stats(usage: usage, timings: timings, finishReason: "stop")
                == GenerationStats(promptTokens: 12, cachedPromptTokens: 20, generatedTokens: 5, promptMilliseconds: 135.4,
                                   generationMilliseconds: 95.3, finishReason: "stop"))
        #expect(OpenAIWire.stats(usage: usage, timings: nil, finishReason: "length")
                == GenerationStats(promptTokens: 12, cachedPromptTokens: 20, generatedTokens: 5, finishReason: "length"))
        #expect(OpenAIWire.stats(usage: nil, timings: nil, finishReason: nil) == GenerationStats())
    }

    @Test func chatMLFallback() {
        let prompt = ChatTemplate.chatML([ChatMessage(role: .system, content: "S"), ChatMessage(role: .user, content: "U")])
        #expect(prompt == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n")
    }

    @Test func ollamaModelInfoContextLength() throws {
        let info = OllamaModelInfo(modelInfo: ["general.architecture": .string("qwen2"), "qwen2.context_length": .int(32768),
                                               "llama.context_length": .int(8192)])
        #expect(info.contextLength == 32768)
        #expect(OllamaModelInfo(modelInfo: ["x.context_length": .double(4096)]).contextLength == 4096)
        #expect(OllamaModelInfo().contextLength == nil)
    }

    @Test func pullProgressFraction() {
        #expect(PullProgress(status: "downloading", total: 200, completed: 50).fraction == 0.25)
        #expect(PullProgress(status: "pulling manifest").fraction == nil)
        #expect(PullProgress(status: "success").isSuccess)
    }
}
