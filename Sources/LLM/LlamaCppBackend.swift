import Foundation
import HTTP

/// llama.cpp's `llama-server` through its native API: the chat is rendered with the model's own template
/// (`POST /apply-template`, ChatML when the server lacks it), then `POST /completion` streams the answer as SSE with
/// `cache_prompt` on, so a fixed system prompt is evaluated once and reused. A request's ``GenerationRequest/answerPrefix``
/// is appended to the rendered prompt (the model continues it) and streamed back as the first token.
public struct LlamaCppBackend: LLMBackend {
    /// `llamacpp`.
    public var kind: String { "llamacpp" }
    /// True: `n_predict: 0` reads the prompt into the server's cache and generates at most one token.
    public var readsPromptsAhead: Bool { true }
    /// The model name shown to the user and used in cache keys (llama-server serves whatever it loaded).
    public let modelName: String
    /// The server's base URL.
    public let baseURL: URL
    /// Seconds a request may take.
    public let timeout: Double
    /// The server, for messages and requests.
    public let endpoint: ServerEndpoint
    private let templates: PromptTemplateCache

    /// Creates a backend for the llama-server at `baseURL`.
    /// - Parameters:
    ///   - baseURL: e.g. `http://127.0.0.1:8080`.
    ///   - model: the name to show and key caches by.
    ///   - timeout: seconds per request.
    ///   - apiKey: a bearer key, for a server started with `--api-key`.
    ///   - unreachableHint: what to suggest when nothing answers.
    public init(baseURL: URL, model: String, timeout: Double = 60, apiKey: String? = nil,
                unreachableHint: String = "start llama-server there, or fix url in config.yaml") {
        self.init(baseURL: baseURL, model: model, timeout: timeout, apiKey: apiKey, unreachableHint: unreachableHint,
                  templates: PromptTemplateCache())
    }

    init(baseURL: URL, model: String, timeout: Double, apiKey: String?, unreachableHint: String,
         templates: PromptTemplateCache) {
        self.modelName = model
        self.baseURL = baseURL
        self.timeout = timeout
        self.templates = templates
        var headers: [String: String] = [:]
        if let apiKey, !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey)" }
        self.endpoint = ServerEndpoint(name: "llama-server", baseURL: baseURL, unreachableHint: unreachableHint,
                                       headers: headers, statusMapper: Self.mapStatus)
    }

    /// Streams a completion: tokens as they come, then `.done` with the server's timings.
    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let endpoint = self.endpoint
        let timeout = self.timeout
        return GenerationStream.make(label: endpoint.label) { continuation in
            let prefix = request.answerPrefix ?? ""
            let prompt = try await renderPrompt(request.messages) + prefix
            let body = try HTTPJSONClient.encode(LlamaCppWire.CompletionRequest(prompt: prompt, request: request))
            let lines = HTTPStream(endpoint: endpoint, timeouts: .request(timeout))
                .lines(endpoint.request("POST", "completion", json: body))
            var parser = SSEParser()
            var progress = StreamProgress()
            var prefixSent = prefix.isEmpty
            func handle(_ event: SSEEvent) throws -> Bool {
                progress.sawEvent = true
                if !prefixSent {
                    prefixSent = true
                    continuation.yield(.token(prefix))
                }
                let chunk = try Self.decodeChunk(event, endpoint: endpoint)
                if let content = chunk.content, !content.isEmpty {
                    progress.sawToken = true
                    continuation.yield(.token(content))
                }
                if chunk.stop == true {
                    continuation.yield(.done(chunk.stats))
                    return true
                }
                return false
            }
            for try await line in lines {
                if let event = parser.push(line: line), try handle(event) { return }
            }
            if let event = parser.finish(), try handle(event) { return }
            progress.foreignLine = parser.firstForeignLine
            throw progress.endedEarly(endpoint.label)
        }
    }

    /// Returns when the server is up with its model loaded.
    /// - Throws: `.serverLoading` while it loads (HTTP 503), `.serverUnreachable` when nothing answers, …
    public func health() async throws(LLMError) {
        let health = try await HTTPJSONClient(endpoint: endpoint, timeout: min(timeout, 5))
            .get("health", as: LlamaCppWire.Health.self)
        guard health.status == "ok" else {
            throw LLMError(.serverLoading, "\(endpoint.label) is not ready (\(health.status)); try again in a few seconds")
        }
    }

    /// The prompt for `messages`: the model's own chat template applied by the server, cached per message list; ChatML
    /// when the server has no `/apply-template` (older builds) or cannot apply the template.
    public func renderPrompt(_ messages: [ChatMessage]) async throws(LLMError) -> String {
        if let cached = await templates.prompt(for: messages) { return cached }
        guard await templates.serverCanApplyTemplate else { return ChatTemplate.chatML(messages) }
        do {
            let rendered = try await HTTPJSONClient(endpoint: endpoint, timeout: timeout)
                .post("apply-template", body: LlamaCppWire.ApplyTemplateRequest(messages: messages),
                      as: LlamaCppWire.ApplyTemplateResponse.self)
            await templates.store(rendered.prompt, for: messages)
            return rendered.prompt
        } catch {
            switch (error.code, error.httpStatus) {
            case (_, 404?), (_, 405?), (_, 501?):
                await templates.markTemplateEndpointMissing()
                return ChatTemplate.chatML(messages)
            case (.httpStatus, _), (.badResponse, _):
                return ChatTemplate.chatML(messages)
            default:
                throw error
            }
        }
    }

    static func decodeChunk(_ event: SSEEvent, endpoint: ServerEndpoint) throws(LLMError) -> LlamaCppWire.CompletionChunk {
        if let failure = ServerErrorBody.parse(line: event.data) { throw endpoint.streamError(failure) }
        if event.type == "error" { throw endpoint.streamError(ServerErrorBody(message: event.data)) }
        do { return try JSONDecoder().decode(LlamaCppWire.CompletionChunk.self, from: Data(event.data.utf8)) } catch {
            throw LLMError(.badResponse, "\(endpoint.label) sent an event k1 cannot read: \(ServerErrorBody.summary(of: Data(event.data.utf8)))")
        }
    }

    @Sendable static func mapStatus(_ status: HTTPStatusError, _ endpoint: ServerEndpoint) -> LLMError {
        let path = status.url.path
        if status.status == 404, path.hasSuffix("/completion") {
            return LLMError(.badResponse, "\(endpoint.label) has no /completion endpoint, so it is not llama-server; for Ollama set provider: ollama, for other servers provider: openai")
        }
        if status.status == 400, status.serverMessage.contains("context") {
            return LLMError(.httpStatus, "\(endpoint.label) rejected the request: \(status.serverMessage); raise context_size or shorten the context")
        }
        return endpoint.defaultError(for: status)
    }
}
