import Foundation

/// llama-server's native wire format (`POST /completion`, `POST /apply-template`, `GET /health`). Pure types.
enum LlamaCppWire {
    /// The body of `POST /completion`.
    struct CompletionRequest: Encodable, Equatable {
        var prompt: String
        var nPredict: Int
        var temperature: Double
        var stop: [String]
        var seed: Int?
        var grammar: String?
        var cachePrompt = true
        var stream = true

        enum CodingKeys: String, CodingKey {
            case prompt, temperature, stop, seed, grammar, stream
            case nPredict = "n_predict"
            case cachePrompt = "cache_prompt"
        }

        init(prompt: String, request: GenerationRequest) {
            self.prompt = prompt
            nPredict = request.maxTokens
            temperature = request.temperature
            stop = request.stop
            seed = request.seed
            grammar = request.grammar.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// One streamed `data:` object of `/completion`.
    struct CompletionChunk: Decodable, Equatable {
        var content: String?
        var stop: Bool?
        var stopType: String?
        var timings: Timings?
        var tokensCached: Int?
        var tokensEvaluated: Int?
        var tokensPredicted: Int?

        enum CodingKeys: String, CodingKey {
            case content, stop, timings
            case stopType = "stop_type"
            case tokensCached = "tokens_cached"
            case tokensEvaluated = "tokens_evaluated"
            case tokensPredicted = "tokens_predicted"
        }

        /// The stats of the final chunk.
        var stats: GenerationStats {
            var stats = timings?.stats ?? GenerationStats()
            if stats.generatedTokens == nil { stats.generatedTokens = tokensPredicted }
            if stats.promptTokens == nil { stats.promptTokens = tokensEvaluated }
            stats.finishReason = LlamaCppWire.finishReason(stopType: stopType)
            return stats
        }
    }

    /// llama-server's `timings` object (also added to its `/v1/chat/completions` answers).
    struct Timings: Codable, Equatable {
        var promptN: Int?
        var promptMs: Double?
        var predictedN: Int?
        var predictedMs: Double?
        var cacheN: Int?

        enum CodingKeys: String, CodingKey {
            case promptN = "prompt_n"
            case promptMs = "prompt_ms"
            case predictedN = "predicted_n"
            case predictedMs = "predicted_ms"
            case cacheN = "cache_n"
        }

        var stats: GenerationStats {
            GenerationStats(promptTokens: promptN, cachedPromptTokens: cacheN, generatedTokens: predictedN,
                            promptMilliseconds: promptMs, generationMilliseconds: predictedMs)
        }
    }

    /// `stop_type` (`eos`, `word`, `limit`, `none`) in OpenAI's terms (`stop`, `length`).
    static func finishReason(stopType: String?) -> String? {
        switch stopType {
        case "eos", "word": "stop"
        case "limit": "length"
        case nil, "", "none": nil
        case let other?: other
        }
    }

    /// The body of `POST /apply-template`.
    struct ApplyTemplateRequest: Encodable {
        var messages: [ChatMessage]
    }

    /// The answer of `POST /apply-template`.
    struct ApplyTemplateResponse: Decodable {
        var prompt: String
    }

    /// The answer of `GET /health`.
    struct Health: Decodable {
        var status: String
    }
}
