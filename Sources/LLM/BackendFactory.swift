import Foundation
import Support
import HTTP
import Runtime

/// Chooses and builds the backend the configuration asks for.
///
/// Privacy: requests go only to the configured `url`, to Ollama's address, or to the managed server on loopback.
/// With `provider: auto` k1 only looks for Ollama on this machine (an `OLLAMA_HOST` pointing elsewhere is used only
/// with `provider: ollama`).
public enum BackendFactory {
    /// How long `auto` waits for Ollama to answer before choosing the managed llama-server.
    public static let ollamaProbeTimeout: Double = 0.3

    /// Builds the backend for `config`.
    /// - Parameters:
    ///   - config: the settings (`provider`, `model`, `url`, `api_key_env`, `timeout`, `context_size`, `idle_minutes`).
    ///   - environment: where `OLLAMA_HOST` and the `api_key_env` variable are read.
    ///   - managedServer: k1's own llama-server, when available.
    ///   - ollamaProbeTimeout: how long `auto` waits for Ollama (default 300 ms).
    /// - Returns:
    ///   - `auto`: Ollama if it answers within 300 ms and has the model, else the managed llama-server. With `url`
    ///     set: Ollama if Ollama answers there, else llama-server at `url`.
    ///   - `llamacpp`: llama-server at `url`, or the managed one when `url` is empty.
    ///   - `ollama`: Ollama at `url`, `OLLAMA_HOST` or `127.0.0.1:11434`.
    ///   - `openai`: the OpenAI-compatible server at `url` (required).
    /// - Throws: `LLMError(.configuration)` for a bad or missing `url`, an unset key variable, or no managed server.
    public static func make(config: K1Config, environment: [String: String] = ProcessInfo.processInfo.environment,
                            managedServer: (any ManagedServerProviding)?,
                            ollamaProbeTimeout: Double = BackendFactory.ollamaProbeTimeout) async throws(LLMError) -> any LLMBackend {
        let timeout = config.timeoutSeconds
        let hasURL = !config.url.trimmingCharacters(in: .whitespaces).isEmpty
        switch config.provider {
        case .auto:
            if hasURL {
                let url = try URLPath.parseBaseURL(config.url)
                if let models = await OllamaBackend.probe(baseURL: url, timeout: ollamaProbeTimeout) {
                    return ollama(config, url: url, model: OllamaBackend.matchingModel(config.model, in: models))
                }
                return LlamaCppBackend(baseURL: url, model: config.model, timeout: timeout,
                                       apiKey: try apiKey(config, environment))
            }
            if let url = autoOllamaURL(environment: environment),
               let models = await OllamaBackend.probe(baseURL: url, timeout: ollamaProbeTimeout),
               let name = OllamaBackend.matchingModel(config.model, in: models) {
                return ollama(config, url: url, model: name)
            }
            guard let managedServer else {
                throw LLMError(.configuration, "no model server: Ollama does not answer with model '\(config.model)' and k1's managed llama-server is unavailable; set provider and url in config.yaml")
            }
            return ManagedLlamaCppBackend(server: managedServer, timeout: timeout)

        case .llamacpp:
            if hasURL {
                return LlamaCppBackend(baseURL: try URLPath.parseBaseURL(config.url), model: config.model, timeout: timeout,
                                       apiKey: try apiKey(config, environment))
            }
            guard let managedServer else {
                throw LLMError(.configuration, "provider llamacpp without url needs k1's managed llama-server, which is unavailable; set url to a running llama-server")
            }
            return ManagedLlamaCppBackend(server: managedServer, timeout: timeout)

        case .ollama:
            let url = try OllamaHost.resolve(url: config.url, environment: environment)
            let models = await OllamaBackend.probe(baseURL: url, timeout: 1)
            return ollama(config, url: url, model: models.flatMap { OllamaBackend.matchingModel(config.model, in: $0) })

        case .openai:
            guard hasURL else {
                throw LLMError(.configuration, "provider openai needs url: set url in config.yaml (or K1_URL) to the server, e.g. http://127.0.0.1:8000/v1")
            }
            return OpenAIBackend(baseURL: try URLPath.parseBaseURL(config.url), model: config.model,
                                 apiKey: try apiKey(config, environment), timeout: timeout)
        }
    }

    /// Where `auto` looks for Ollama: `OLLAMA_HOST` or the default, and only when that is this machine (nil otherwise,
    /// so prompts never go to a remote Ollama the user did not choose with `provider: ollama`).
    static func autoOllamaURL(environment: [String: String]) -> URL? {
        guard let url = try? OllamaHost.resolve(url: "", environment: environment), URLPath.isLoopback(url) else { return nil }
        return url
    }

    /// The bearer key from the variable `api_key_env` names; nil when `api_key_env` is empty.
    /// - Throws: `LLMError(.configuration)` when the variable is named but unset.
    public static func apiKey(_ config: K1Config, _ environment: [String: String]) throws(LLMError) -> String? {
        let variable = config.apiKeyEnv.trimmingCharacters(in: .whitespaces)
        guard !variable.isEmpty else { return nil }
        guard let key = environment[variable], !key.isEmpty else {
            throw LLMError(.configuration, "api_key_env is \(variable), but \(variable) is not set in the environment; export it or clear api_key_env")
        }
        return key
    }

    private static func ollama(_ config: K1Config, url: URL, model: String?) -> OllamaBackend {
        OllamaBackend(baseURL: url, model: model ?? config.model, timeout: config.timeoutSeconds,
                      options: .init(numCtx: config.contextSize,
                                     keepAlive: config.idleMinutes > 0 ? "\(config.idleMinutes)m" : nil))
    }
}
