import Foundation
import HTTP

/// Any OpenAI-compatible server (vLLM, TGI, LM Studio, llama-server, a team's GPU box): `POST {base}/v1/chat/completions`
/// streamed as SSE up to `data: [DONE]`, asking for `usage` and reading llama-server's `timings` when present.
/// The base URL may be written with or without its trailing `/v1`.
public struct OpenAIBackend: LLMBackend {
    /// `openai`.
    public var kind: String { "openai" }
    /// The server's model id (`model` in requests).
    public let modelName: String
    /// The base URL without `/v1`.
    public let baseURL: URL
    /// Seconds a request may take.
    public let timeout: Double
    /// The server, for messages and requests.
    public let endpoint: ServerEndpoint

    /// Creates a backend.
    /// - Parameters:
    ///   - baseURL: the server, e.g. `http://gpu-box:8000` or `http://gpu-box:8000/v1`.
    ///   - model: the server's model id.
    ///   - apiKey: sent as `Authorization: Bearer …` when not nil (read from the environment by the caller, never stored).
    ///   - timeout: seconds per request.
    public init(baseURL: URL, model: String, apiKey: String? = nil, timeout: Double = 60) {
        let base = URLPath.droppingV1Suffix(baseURL)
        self.modelName = model
        self.baseURL = base
        self.timeout = timeout
        var headers: [String: String] = [:]
        if let apiKey, !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey)" }
        self.endpoint = ServerEndpoint(name: "the OpenAI-compatible server", baseURL: base,
                                       unreachableHint: "check url in config.yaml (or K1_URL) and that the server runs",
                                       headers: headers,
                                       statusMapper: { status, endpoint in Self.mapStatus(status, endpoint, model: model) })
    }

    /// Streams a chat answer: tokens as they come, then `.done` with usage or timings when the server sent them.
    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let endpoint = self.endpoint
        let timeout = self.timeout
        let wire = OpenAIWire.ChatRequest(model: modelName, request: request)
        return GenerationStream.make(label: endpoint.label) { continuation in
            let body = try HTTPJSONClient.encode(wire)
            let lines = HTTPStream(endpoint: endpoint, timeouts: .request(timeout))
                .lines(endpoint.request("POST", "v1/chat/completions", json: body))
            var parser = SSEParser()
            var progress = StreamProgress()
            var finishReason: String?
            var usage: OpenAIWire.Usage?
            var timings: LlamaCppWire.Timings?
            func handle(_ event: SSEEvent) throws -> Bool {
                progress.sawEvent = true
                if event.isDone { return true }
                let chunk = try Self.decodeChunk(event, endpoint: endpoint)
                for choice in chunk.choices ?? [] {
                    if let content = choice.delta?.content, !content.isEmpty {
                        progress.sawToken = true
                        continuation.yield(.token(content))
                    }
                    if let reason = choice.finishReason { finishReason = reason }
                }
                if let value = chunk.usage { usage = value }
                if let value = chunk.timings { timings = value }
                return false
            }
            var done = false
            for try await line in lines {
                if let event = parser.push(line: line), try handle(event) { done = true; break }
            }
            if !done, let event = parser.finish() { done = try handle(event) }
            // Some servers end the stream without `[DONE]`; a finish reason is as good an ending.
            guard done || (finishReason != nil && !Task.isCancelled) else {
                progress.foreignLine = parser.firstForeignLine
                throw progress.endedEarly(endpoint.label)
            }
            continuation.yield(.done(OpenAIWire.stats(usage: usage, timings: timings, finishReason: finishReason)))
        }
    }

    /// The ids of the models the server offers (`GET /v1/models`).
    public func models() async throws(LLMError) -> [String] {
        try await HTTPJSONClient(endpoint: endpoint, timeout: timeout).get("v1/models", as: OpenAIWire.ModelsResponse.self).data.map(\.id)
    }

    static func decodeChunk(_ event: SSEEvent, endpoint: ServerEndpoint) throws(LLMError) -> OpenAIWire.Chunk {
        if let failure = ServerErrorBody.parse(line: event.data) { throw endpoint.streamError(failure) }
        if event.type == "error" { throw endpoint.streamError(ServerErrorBody(message: event.data)) }
        do { return try JSONDecoder().decode(OpenAIWire.Chunk.self, from: Data(event.data.utf8)) } catch {
            throw LLMError(.badResponse, "\(endpoint.label) sent an event k1 cannot read: \(ServerErrorBody.summary(of: Data(event.data.utf8)))")
        }
    }

    @Sendable static func mapStatus(_ status: HTTPStatusError, _ endpoint: ServerEndpoint, model: String) -> LLMError {
        let message = status.serverMessage
        if status.status == 404 {
            if message.lowercased().contains("model") {
                return LLMError(.modelMissing, "\(endpoint.label) does not serve model '\(model)' (\(message)); set model to one of the ids its /v1/models lists")
            }
            return LLMError(.badResponse, "\(endpoint.label) has no \(status.url.path) endpoint; check url (with or without /v1)")
        }
        return endpoint.defaultError(for: status)
    }
}
