import Foundation
import HTTP

/// An Ollama server: `POST /api/chat` streamed as NDJSON, plus the model-management calls k1 uses (`tags`, `show`,
/// `version`, `pull`). Every NDJSON line is checked for `{"error":…}` before it is read as a chunk, because Ollama
/// reports failures after the answer started as such a line with status 200.
public struct OllamaBackend: LLMBackend {
    /// Request settings beyond `GenerationRequest`.
    public struct Options: Sendable, Equatable {
        /// `num_ctx`: the context window in tokens (Ollama's default is small; k1 sets `context_size`).
        public var numCtx: Int?
        /// `keep_alive`: how long Ollama keeps the model loaded after a request (`5m`, `1h`; `0` unloads at once).
        public var keepAlive: String?
        /// `format`: `.string("json")` for JSON mode, or a JSON schema object.
        public var format: JSONValue?

        /// Creates options.
        public init(numCtx: Int? = nil, keepAlive: String? = nil, format: JSONValue? = nil) {
            self.numCtx = numCtx
            self.keepAlive = keepAlive
            self.format = format
        }
    }

    /// `ollama`.
    public var kind: String { "ollama" }
    /// The Ollama model (`name:tag`).
    public let modelName: String
    /// The server's base URL.
    public let baseURL: URL
    /// Seconds a request may take (for `pull`: the longest silence).
    public let timeout: Double
    /// Request settings.
    public let options: Options
    /// The server, for messages and requests.
    public let endpoint: ServerEndpoint

    /// Creates a backend for the Ollama server at `baseURL` (see `OllamaHost.resolve` for `url`/`OLLAMA_HOST`).
    public init(baseURL: URL = OllamaHost.defaultURL, model: String, timeout: Double = 60, options: Options = Options()) {
        self.modelName = model
        self.baseURL = baseURL
        self.timeout = timeout
        self.options = options
        self.endpoint = ServerEndpoint(name: "Ollama", baseURL: baseURL,
                                       unreachableHint: "start it with: ollama serve (or set OLLAMA_HOST / url)",
                                       statusMapper: { status, endpoint in Self.mapStatus(status, endpoint, model: model) })
    }

    /// Streams a chat answer: tokens as they come, then `.done` with Ollama's counts and durations.
    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let endpoint = self.endpoint
        let timeout = self.timeout
        let wire = OllamaWire.ChatRequest(
            model: modelName, messages: request.messages,
            options: OllamaWire.Options(temperature: request.temperature, numCtx: options.numCtx,
                                        numPredict: request.maxTokens, stop: request.stop, seed: request.seed),
            keepAlive: options.keepAlive, format: options.format)
        return GenerationStream.make(label: endpoint.label) { continuation in
            let body = try HTTPJSONClient.encode(wire)
            var progress = StreamProgress()
            let lines = HTTPStream(endpoint: endpoint, timeouts: .request(timeout))
                .lines(endpoint.request("POST", "api/chat", json: body))
            for try await line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                progress.sawEvent = true
                let chunk = try Self.decodeLine(line, as: OllamaWire.ChatChunk.self, endpoint: endpoint)
                if let content = chunk.message?.content, !content.isEmpty {
                    progress.sawToken = true
                    continuation.yield(.token(content))
                }
                if chunk.done == true {
                    continuation.yield(.done(chunk.stats))
                    return
                }
            }
            throw progress.endedEarly(endpoint.label)
        }
    }

    /// The models Ollama has locally (`GET /api/tags`).
    public func tags() async throws(LLMError) -> [OllamaModel] {
        try await HTTPJSONClient(endpoint: endpoint, timeout: timeout).get("api/tags", as: OllamaWire.TagsResponse.self).models
    }

    /// Details of one local model (`POST /api/show`).
    /// - Throws: `.modelMissing` when Ollama does not have it.
    public func show(_ model: String) async throws(LLMError) -> OllamaModelInfo {
        let client = HTTPJSONClient(endpoint: endpointFor(model: model), timeout: timeout)
        return try await client.post("api/show", body: OllamaWire.ModelRequest(model: model), as: OllamaModelInfo.self)
    }

    /// Ollama's version (`GET /api/version`).
    public func version() async throws(LLMError) -> String {
        try await HTTPJSONClient(endpoint: endpoint, timeout: timeout).get("api/version", as: OllamaWire.VersionResponse.self).version
    }

    /// Downloads a model into Ollama (`POST /api/pull`), streaming its progress lines up to the final `success`.
    /// There is no overall time limit; the stream fails when Ollama stays silent longer than `timeout`.
    /// - Returns: progress lines; errors are `LLMError` (`.modelMissing` for a name the library does not have).
    public func pull(_ model: String) -> AsyncThrowingStream<PullProgress, any Error> {
        let endpoint = endpointFor(model: model)
        let timeout = self.timeout
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let body = try HTTPJSONClient.encode(OllamaWire.ModelRequest(model: model, stream: true))
                    let lines = HTTPStream(endpoint: endpoint, timeouts: .idle(timeout))
                        .lines(endpoint.request("POST", "api/pull", json: body))
                    var progress = StreamProgress()
                    for try await line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                        progress.sawEvent = true
                        let step: PullProgress
                        do throws(LLMError) { step = try Self.decodeLine(line, as: PullProgress.self, endpoint: endpoint) } catch {
                            throw Self.pullError(error, model: model)
                        }
                        continuation.yield(step)
                        if step.isSuccess {
                            continuation.finish()
                            return
                        }
                    }
                    throw progress.endedEarly(endpoint.label)
                } catch {
                    continuation.finish(throwing: Task.isCancelled ? ServerEndpoint.cancelled
                                                                   : GenerationStream.normalize(error, label: endpoint.label))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Probes whether an Ollama server answers at `baseURL` within `timeout` seconds, returning its models.
    /// Nil when nothing (or something else) answers.
    public static func probe(baseURL: URL, timeout: Double = 0.3) async -> [OllamaModel]? {
        try? await OllamaBackend(baseURL: baseURL, model: "", timeout: timeout).tags()
    }

    /// The local model that `name` means: the exact name, `name:latest`, or k1's packaged-name spelling of an
    /// Ollama tag (`qwen2.5-coder-1.5b` → `qwen2.5-coder:1.5b`). Nil when none is installed.
    public static func matchingModel(_ name: String, in models: [OllamaModel]) -> String? {
        let installed = models.map(\.name)
        for candidate in nameCandidates(name) {
            if let hit = installed.first(where: { $0.caseInsensitiveCompare(candidate) == .orderedSame }) { return hit }
        }
        return nil
    }

    /// The Ollama names `name` may stand for, most literal first.
    public static func nameCandidates(_ name: String) -> [String] {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        var candidates = [trimmed]
        if !trimmed.contains(":") {
            candidates.append(trimmed + ":latest")
            if let dash = trimmed.lastIndex(of: "-") {
                let size = trimmed[trimmed.index(after: dash)...].lowercased()
                let number = size.dropLast()
                if let unit = size.last, unit == "b" || unit == "m", !number.isEmpty, Double(number) != nil {
                    candidates.append(trimmed[..<dash] + ":" + trimmed[trimmed.index(after: dash)...])
                }
            }
        }
        return candidates
    }

    // MARK: - Errors

    private func endpointFor(model: String) -> ServerEndpoint {
        var copy = endpoint
        copy.statusMapper = { status, endpoint in Self.mapStatus(status, endpoint, model: model) }
        return copy
    }

    static func decodeLine<T: Decodable>(_ line: String, as type: T.Type, endpoint: ServerEndpoint) throws(LLMError) -> T {
        if let failure = ServerErrorBody.parse(line: line) { throw endpoint.streamError(failure) }
        do { return try JSONDecoder().decode(type, from: Data(line.utf8)) } catch {
            throw LLMError(.badResponse, "\(endpoint.label) sent a line k1 cannot read: \(ServerErrorBody.summary(of: Data(line.utf8)))")
        }
    }

    static func pullError(_ error: LLMError, model: String) -> LLMError {
        let said = error.serverMessage?.lowercased() ?? ""
        if said.contains("file does not exist") || said.contains("not found") {
            return LLMError(.modelMissing, "the Ollama library has no model '\(model)'; check the name (e.g. qwen2.5-coder:1.5b)")
        }
        return error
    }

    @Sendable static func mapStatus(_ status: HTTPStatusError, _ endpoint: ServerEndpoint, model: String) -> LLMError {
        let message = status.serverMessage
        if status.status == 404 {
            if message.lowercased().contains("model") {
                let name = quotedName(in: message) ?? model
                return LLMError(.modelMissing, "\(endpoint.label) has no model '\(name)'; run: k1 models pull \(name) (or: ollama pull \(name))")
            }
            return LLMError(.badResponse, "\(endpoint.label) has no \(status.url.path) endpoint, so it is not Ollama; for llama-server set provider: llamacpp, for other servers provider: openai")
        }
        return endpoint.defaultError(for: status)
    }

    /// The first `'…'` or `"…"` quoted name in an Ollama message (`model 'x' not found`, `model "x" not found`).
    static func quotedName(in message: String) -> String? {
        for quote in ["'", "\""] {
            let parts = message.components(separatedBy: quote)
            if parts.count >= 3, !parts[1].isEmpty { return parts[1] }
        }
        return nil
    }
}
