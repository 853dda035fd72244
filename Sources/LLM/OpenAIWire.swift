import Foundation

/// The OpenAI chat-completions wire format as OpenAI-compatible servers speak it (vLLM, TGI, LM Studio,
/// llama-server, Ollama's `/v1`). Pure types.
enum OpenAIWire {
    /// The body of `POST /v1/chat/completions`.
    struct ChatRequest: Encodable {
        struct StreamOptions: Encodable {
            var includeUsage = true
            enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
        }
        var model: String
        var messages: [ChatMessage]
        var stream = true
        var streamOptions = StreamOptions()
        var maxTokens: Int
        var temperature: Double
        var stop: [String]?
        var seed: Int?

        enum CodingKeys: String, CodingKey {
            case model, messages, stream, temperature, stop, seed
            case streamOptions = "stream_options"
            case maxTokens = "max_tokens"
        }

        init(model: String, request: GenerationRequest) {
            self.model = model
            messages = request.messages
            maxTokens = request.maxTokens
            temperature = request.temperature
            stop = request.stop.isEmpty ? nil : Array(request.stop.prefix(4))   // OpenAI accepts at most 4
            seed = request.seed
        }
    }

    /// One streamed `data:` object.
    struct Chunk: Decodable {
        struct Choice: Decodable {
            struct Delta: Decodable { var content: String? }
            var delta: Delta?
            var finishReason: String?
            enum CodingKeys: String, CodingKey {
                case delta
                case finishReason = "finish_reason"
            }
        }
        var choices: [Choice]?
        var usage: Usage?
        var timings: LlamaCppWire.Timings?
    }

    /// Token counts (`stream_options.include_usage`).
    struct Usage: Decodable, Equatable {
        struct PromptDetails: Decodable, Equatable {
            var cachedTokens: Int?
            enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
        }
        var promptTokens: Int?
        var completionTokens: Int?
        var promptTokensDetails: PromptDetails?
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case promptTokensDetails = "prompt_tokens_details"
        }
    }

    /// The answer of `GET /v1/models`.
    struct ModelsResponse: Decodable {
        struct Model: Decodable { var id: String }
        var data: [Model]
    }

    /// Stats from llama-server's `timings` when present (they split cached from evaluated prompt tokens), else from
    /// `usage` (whose `prompt_tokens` include the cached ones).
    static func stats(usage: Usage?, timings: LlamaCppWire.Timings?, finishReason: String?) -> GenerationStats {
        var stats: GenerationStats
        if let timings {
            stats = timings.stats
        } else if let usage {
            let cached = usage.promptTokensDetails?.cachedTokens
            stats = GenerationStats(promptTokens: usage.promptTokens.map { $0 - (cached ?? 0) }, cachedPromptTokens: cached,
                                    generatedTokens: usage.completionTokens)
        } else {
            stats = GenerationStats()
        }
        stats.finishReason = finishReason
        return stats
    }
}
