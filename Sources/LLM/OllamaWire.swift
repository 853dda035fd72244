import Foundation
import HTTP

/// Ollama's wire format (`/api/chat`, `/api/pull`, `/api/show`, …). Pure types.
enum OllamaWire {
    /// The body of `POST /api/chat`.
    struct ChatRequest: Encodable {
        var model: String
        var messages: [ChatMessage]
        var stream = true
        var options: Options
        var keepAlive: String?
        var format: JSONValue?

        enum CodingKeys: String, CodingKey {
            case model, messages, stream, options, format
            case keepAlive = "keep_alive"
        }
    }

    /// The `options` of a chat request.
    struct Options: Encodable, Equatable {
        var temperature: Double
        var numCtx: Int?
        var numPredict: Int
        var stop: [String]
        var seed: Int?

        enum CodingKeys: String, CodingKey {
            case temperature, stop, seed
            case numCtx = "num_ctx"
            case numPredict = "num_predict"
        }
    }

    /// One NDJSON line of `/api/chat`.
    struct ChatChunk: Decodable, Equatable {
        struct Message: Decodable, Equatable {
            var role: String?
            var content: String?
        }
        var message: Message?
        var done: Bool?
        var doneReason: String?
        var promptEvalCount: Int?
        var promptEvalDuration: Int64?
        var evalCount: Int?
        var evalDuration: Int64?

        enum CodingKeys: String, CodingKey {
            case message, done
            case doneReason = "done_reason"
            case promptEvalCount = "prompt_eval_count"
            case promptEvalDuration = "prompt_eval_duration"
            case evalCount = "eval_count"
            case evalDuration = "eval_duration"
        }

        /// The stats of the final line (durations are nanoseconds).
        var stats: GenerationStats {
            GenerationStats(promptTokens: promptEvalCount, cachedPromptTokens: nil, generatedTokens: evalCount,
                            promptMilliseconds: promptEvalDuration.map { Double($0) / 1_000_000 },
                            generationMilliseconds: evalDuration.map { Double($0) / 1_000_000 },
                            finishReason: doneReason)
        }
    }

    /// The body of `POST /api/show` and `POST /api/pull`.
    struct ModelRequest: Encodable {
        var model: String
        var stream: Bool?
    }

    /// The answer of `GET /api/tags`.
    struct TagsResponse: Decodable {
        var models: [OllamaModel]
    }

    /// The answer of `GET /api/version`.
    struct VersionResponse: Decodable {
        var version: String
    }
}
