import Foundation
import Support
import Testing
@testable import LLM
@testable import HTTP

@Suite("BackendFactory: provider selection")
struct BackendFactoryTests {
    private func config(_ provider: K1Config.Provider, model: String = K1Config.defaultModel, url: String = "",
                        apiKeyEnv: String = "") -> K1Config {
        var config = K1Config()
        config.provider = provider
        config.model = model
        config.url = url
        config.apiKeyEnv = apiKeyEnv
        config.timeoutSeconds = 10
        config.contextSize = 4096
        config.idleMinutes = 15
        return config
    }

    private func hostPort(_ server: FakeServer) -> String { "127.0.0.1:\(server.port)" }

    @Test func autoPicksOllamaWhenItHasTheModel() async throws {
        let ollama = try await FakeServer.start("fake_ollama")
        defer { ollama.stop() }
        let backend = try await BackendFactory.make(config: config(.auto, model: "llama3"),
                                                    environment: ["OLLAMA_HOST": hostPort(ollama)], managedServer: nil, ollamaProbeTimeout: 10)
        let chosen = try #require(backend as? OllamaBackend)
        #expect(chosen.modelName == "llama3:latest")
        #expect(chosen.baseURL == ollama.baseURL)
        #expect(chosen.options == OllamaBackend.Options(numCtx: 4096, keepAlive: "15m"))
        #expect(try #require(await BackendFactory.make(config: config(.auto, model: "codellama-13b"),
                                                       environment: ["OLLAMA_HOST": hostPort(ollama)],
                                                       managedServer: nil, ollamaProbeTimeout: 10) as? OllamaBackend).modelName == "codellama:13b")
    }

    @Test func autoFallsBackToTheManagedServer() async throws {
        let ollama = try await FakeServer.start("fake_ollama")
        defer { ollama.stop() }
        let managed = StubManagedServer(running: [deadURL])
        let withoutModel = try await BackendFactory.make(config: config(.auto), environment: ["OLLAMA_HOST": hostPort(ollama)],
                                                         managedServer: managed, ollamaProbeTimeout: 10)
        #expect(withoutModel is ManagedLlamaCppBackend)
        let noOllama = try await BackendFactory.make(config: config(.auto), environment: ["OLLAMA_HOST": "127.0.0.1:1"],
                                                     managedServer: managed, ollamaProbeTimeout: 10)
        #expect(noOllama is ManagedLlamaCppBackend)
        #expect(noOllama.modelName == "qwen2.5-coder-1.5b")
    }

    @Test func autoOnlyLooksForOllamaOnThisMachine() async throws {
        #expect(BackendFactory.autoOllamaURL(environment: [:]) == OllamaHost.defaultURL)
        #expect(BackendFactory.autoOllamaURL(environment: ["OLLAMA_HOST": "0.0.0.0:11500"])?.absoluteString == "http://127.0.0.1:11500")
        #expect(BackendFactory.autoOllamaURL(environment: ["OLLAMA_HOST": "localhost:1"]) != nil)
        #expect(BackendFactory.autoOllamaURL(environment: ["OLLAMA_HOST": "203.0.113.7:11434"]) == nil)
        #expect(BackendFactory.autoOllamaURL(environment: ["OLLAMA_HOST": "https://ollama.example.com"]) == nil)
        #expect(BackendFactory.autoOllamaURL(environment: ["OLLAMA_HOST": "ftp://x"]) == nil)
        let backend = try await BackendFactory.make(config: config(.auto), environment: ["OLLAMA_HOST": "203.0.113.7:11434"],
                                                    managedServer: StubManagedServer(running: [deadURL]), ollamaProbeTimeout: 10)
        #expect(backend is ManagedLlamaCppBackend)
    }

    @Test func autoWithoutAnyServerIsAConfigurationError() async {
        await #expect(throws: LLMError.self) {
            _ = try await BackendFactory.make(config: config(.auto), environment: ["OLLAMA_HOST": "127.0.0.1:1"], managedServer: nil, ollamaProbeTimeout: 10)
        }
    }

    @Test func autoWithURLAsksWhatAnswersThere() async throws {
        let ollama = try await FakeServer.start("fake_ollama")
        defer { ollama.stop() }
        let llama = try await FakeServer.start("fake_llama_server")
        defer { llama.stop() }
        #expect(try await BackendFactory.make(config: config(.auto, url: ollama.baseURL.absoluteString),
                                              environment: [:], managedServer: nil, ollamaProbeTimeout: 10) is OllamaBackend)
        let external = try await BackendFactory.make(config: config(.auto, url: llama.baseURL.absoluteString),
                                                     environment: [:], managedServer: nil, ollamaProbeTimeout: 10)
        #expect((external as? LlamaCppBackend)?.baseURL == llama.baseURL)
    }

    @Test func llamacpp() async throws {
        let external = try await BackendFactory.make(config: config(.llamacpp, url: "127.0.0.1:8080"), environment: [:], managedServer: nil, ollamaProbeTimeout: 10)
        #expect((external as? LlamaCppBackend)?.baseURL.absoluteString == "http://127.0.0.1:8080")
        let managed = try await BackendFactory.make(config: config(.llamacpp), environment: [:],
                                                    managedServer: StubManagedServer(running: [deadURL]), ollamaProbeTimeout: 10)
        #expect(managed is ManagedLlamaCppBackend)
        await #expect(throws: LLMError.self) {
            _ = try await BackendFactory.make(config: config(.llamacpp), environment: [:], managedServer: nil, ollamaProbeTimeout: 10)
        }
    }

    @Test func ollamaHonoursURLThenOllamaHost() async throws {
        let fromURL = try await BackendFactory.make(config: config(.ollama, url: "http://127.0.0.1:1"),
                                                    environment: ["OLLAMA_HOST": "10.9.9.9:1"], managedServer: nil, ollamaProbeTimeout: 10)
        #expect((fromURL as? OllamaBackend)?.baseURL.absoluteString == "http://127.0.0.1:1")
        let fromEnvironment = try await BackendFactory.make(config: config(.ollama), environment: ["OLLAMA_HOST": "0.0.0.0:1"],
                                                            managedServer: nil, ollamaProbeTimeout: 10)
        #expect((fromEnvironment as? OllamaBackend)?.baseURL.absoluteString == "http://127.0.0.1:1")
        #expect(fromEnvironment.modelName == "qwen2.5-coder-1.5b")
    }

    @Test func openaiNeedsURLAndTheKeyVariable() async throws {
        do {
            _ = try await BackendFactory.make(config: config(.openai), environment: [:], managedServer: nil, ollamaProbeTimeout: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains("provider openai needs url"))
        }
        do {
            _ = try await BackendFactory.make(config: config(.openai, url: "http://gpu:8000/v1", apiKeyEnv: "TEAM_KEY"),
                                              environment: [:], managedServer: nil, ollamaProbeTimeout: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains("TEAM_KEY is not set"))
        }
        let backend = try await BackendFactory.make(config: config(.openai, model: "qwen", url: "http://gpu:8000/v1", apiKeyEnv: "TEAM_KEY"),
                                                    environment: ["TEAM_KEY": "sk-secret"], managedServer: nil, ollamaProbeTimeout: 10)
        let openai = try #require(backend as? OpenAIBackend)
        #expect(openai.baseURL.absoluteString == "http://gpu:8000")
        #expect(openai.endpoint.headers["Authorization"] == "Bearer sk-secret")
        #expect(!openai.endpoint.label.contains("sk-secret"))
    }

    @Test func badURLIsAConfigurationError() async {
        do {
            _ = try await BackendFactory.make(config: config(.llamacpp, url: "ftp://x"), environment: [:], managedServer: nil, ollamaProbeTimeout: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
        }
    }
}
