import Foundation
import HTTP
import Runtime

/// The managed llama-server as a backend: makes sure it runs before each request, then talks to it like
/// `LlamaCppBackend`. If the connection fails before any token arrives (the server died), it restarts the server
/// once and retries once; if that fails too, the error says so in one line.
public struct ManagedLlamaCppBackend: LLMBackend {
    /// `llamacpp`.
    public var kind: String { "llamacpp" }
    /// True: `n_predict: 0` reads the prompt into the server's cache and generates at most one token.
    public var readsPromptsAhead: Bool { true }
    /// The managed server's model.
    public var modelName: String { server.modelName }
    /// The server k1 manages.
    public let server: any ManagedServerProviding
    /// Seconds a request may take (starting the server not included).
    public let timeout: Double
    private let templates = PromptTemplateCache()

    /// Creates the backend.
    public init(server: any ManagedServerProviding, timeout: Double = 60) {
        self.server = server
        self.timeout = timeout
    }

    /// True when the server has no saved prompt cache yet: sending the warm-up request
    /// (``GenerationRequest/savesPromptSnapshot``) before anything else creates one that holds nothing a user typed.
    public var needsPromptSnapshot: Bool { server.needsPromptSnapshot }

    /// Streams a completion from the managed server, starting or restarting it as needed.
    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let server = self.server
        let timeout = self.timeout
        let templates = self.templates
        return GenerationStream.make(label: "the managed llama-server") { continuation in
            server.noteUsed()
            defer { server.noteUsed() }
            var url = try await server.ensureRunning()
            var restarted = false
            while true {
                let backend = LlamaCppBackend(baseURL: url, model: server.modelName, timeout: timeout, apiKey: nil,
                                              unreachableHint: "run: k1 doctor", templates: templates)
                var yielded = false
                do {
                    for try await event in backend.generate(request) {
                        yielded = true
                        if case .done(let stats) = event, request.savesPromptSnapshot {
                            // Before `.done`: a consumer that stops reading there would cancel a save after it.
                            await server.promptCacheFilled(promptTokens: (stats.promptTokens ?? 0) + (stats.cachedPromptTokens ?? 0))
                        }
                        continuation.yield(event)
                    }
                    return
                } catch let error as LLMError {
                    guard !yielded, Self.serverIsGone(error) else { throw error }
                    if restarted {
                        throw LLMError(.serverFailed, "the managed llama-server stopped answering, also after a restart (\(error.message)); run: k1 doctor")
                    }
                    restarted = true
                    do throws(LLMError) {
                        url = try await server.restart()
                    } catch {
                        if error.code == .cancelled { throw error }
                        throw LLMError(.serverFailed, "the managed llama-server stopped answering and did not restart: \(error.message)")
                    }
                }
            }
        }
    }

    /// Whether an error before the first token means the server process is gone (worth a restart).
    static func serverIsGone(_ error: LLMError) -> Bool {
        switch error.code {
        case .serverUnreachable, .truncatedStream, .emptyResponse: true
        default: false
        }
    }
}
