import Foundation
import Synchronization
import Testing
@testable import LLM
@testable import HTTP
@testable import Runtime
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The backends against a real llama-server running the tiny SmolLM2-135M model. Runs only where both exist
/// (`RealLlamaServer`); checks structure, never the model's wording. Each test starts and kills its own server.
@Suite("Backends against a real llama-server (SmolLM2-135M)", .serialized,
       .enabled(if: RealLlamaServer.available, "needs llama-server (k1 venv or K1_TEST_LLAMA_SERVER) and K1_TEST_GGUF"),
       .timeLimit(.minutes(5)))
struct RealLlamaServerTests {
    private func request(maxTokens: Int, stop: [String] = [], grammar: String? = nil, temperature: Double = 0) -> GenerationRequest {
        GenerationRequest(messages: [ChatMessage(role: .system, content: "You translate requests into one kubectl command."),
                                     ChatMessage(role: .user, content: "list all pods in the namespace kube-system")],
                          maxTokens: maxTokens, temperature: temperature, stop: stop, seed: 42, grammar: grammar)
    }

    @Test func completionReportsTextAndStats() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 180)
        let result = try await backend.complete(request(maxTokens: 16))
        #expect(!result.text.isEmpty)
        let stats = result.stats
        #expect((stats.promptTokens ?? 0) > 0)
        #expect((stats.generatedTokens ?? 0) > 0)
        #expect((stats.generationMilliseconds ?? 0) > 0)
        #expect(stats.finishReason == "stop" || stats.finishReason == "length")
        #expect(stats.tokensPerSecond != nil)
        // The same prompt again: the server reuses its cached prefix.
        let again = try await backend.complete(request(maxTokens: 4))
        #expect((again.stats.cachedPromptTokens ?? 0) > 0)
    }

    @Test func rendersTheModelsOwnTemplate() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        let prompt = try await LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 180).renderPrompt(request(maxTokens: 1).messages)
        #expect(prompt.contains("list all pods in the namespace kube-system"))
        #expect(prompt.contains("<|im_start|>"))   // SmolLM2's template is ChatML
        #expect(prompt.hasSuffix("assistant\n"))
    }

    @Test func streamsSeveralTokensBeforeDone() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        let result = await StreamResult.collect(LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 180).generate(request(maxTokens: 24)))
        #expect(result.error == nil)
        #expect(result.tokens.count >= 3)
        #expect(result.stats?.generatedTokens == result.tokens.count || result.stats?.generatedTokens != nil)
        #expect(result.eventsAfterDone == 0)
    }

    @Test func cancellingMidStreamReturnsAtOnce() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 120)
        let (tokens, signal) = AsyncStream<Void>.makeStream()
        let task = Task { () -> LLMError? in
            do {
                for try await event in backend.generate(request(maxTokens: 1500, temperature: 0.8)) {
                    if case .token = event { signal.yield() }
                }
                return Task.isCancelled ? ServerEndpoint.cancelled : nil
            } catch {
                return error as? LLMError
            }
        }
        var seen = 0
        for await _ in tokens {
            seen += 1
            if seen == 3 { break }
        }
        let start = ContinuousClock.now
        task.cancel()
        let error = await task.value
        #expect(seconds(since: start) < 20)
        #expect(error?.code == .cancelled)
        // The server dropped the cancelled generation and answers the next request.
        let next = try await backend.complete(request(maxTokens: 4))
        #expect((next.stats.generatedTokens ?? 0) > 0)
    }

    @Test func grammarShapesTheOutput() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        let grammar = #"root ::= "kubectl " [a-z]+ ( " " [a-z0-9-]+ ){0,4} "\n""#
        let result = try await LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 180)
            .complete(request(maxTokens: 48, stop: ["\n"], grammar: grammar))
        #expect(result.text.wholeMatch(of: /kubectl [a-z]+( [a-z0-9-]+){0,4}/) != nil, "\(result.text)")
    }

    @Test func openAIBackendOnTheSameServer() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        for base in [server.baseURL, server.baseURL.appendingPathComponent("v1")] {
            let backend = OpenAIBackend(baseURL: base, model: "smollm2", timeout: 180)
            let result = await StreamResult.collect(backend.generate(request(maxTokens: 12)))
            #expect(result.error == nil)
            #expect(!result.text.isEmpty)
            #expect((result.stats?.generatedTokens ?? 0) > 0)
            #expect((result.stats?.promptTokens ?? 0) + (result.stats?.cachedPromptTokens ?? 0) > 0)
            #expect(result.stats?.finishReason != nil)
            #expect(try await backend.models().count == 1)
        }
    }

    @Test func killingTheServerMidRequestIsOneLine() async throws {
        let server = try await LlamaServerProcess.start()
        defer { server.stop() }
        let backend = LlamaCppBackend(baseURL: server.baseURL, model: "smollm2", timeout: 180)
        let (tokens, signal) = AsyncStream<Void>.makeStream()
        let task = Task { () -> StreamResult in
            var result = StreamResult()
            do {
                for try await event in backend.generate(request(maxTokens: 1500, temperature: 0.8)) {
                    if case .token(let piece) = event {
                        result.tokens.append(piece)
                        signal.yield()
                    }
                }
            } catch let error as LLMError {
                result.error = error
            } catch {
                result.otherError = "\(error)"
            }
            return result
        }
        for await _ in tokens { break }
        let start = ContinuousClock.now
        kill(server.process.processIdentifier, SIGKILL)
        let result = await task.value
        #expect(seconds(since: start) < 20)
        #expect(!result.tokens.isEmpty)
        #expect(result.error?.code == .truncatedStream || result.error?.code == .serverUnreachable, "\(String(describing: result.error))")
        expectOneLine(result.error)
        // And with the server gone, the next request says so.
        let after = await StreamResult.collect(backend.generate(request(maxTokens: 4)))
        #expect(after.error?.code == .serverUnreachable)
        expectOneLine(after.error)
    }

    @Test func managedBackendRestartsADeadServer() async throws {
        let first = try await LlamaServerProcess.start()
        defer { first.stop() }
        first.stop()   // the managed server died while k1 was idle
        let managed = RealManagedServer(stale: first.baseURL)
        defer { managed.stopAll() }
        let result = try await ManagedLlamaCppBackend(server: managed, timeout: 180).complete(request(maxTokens: 8))
        #expect((result.stats.generatedTokens ?? 0) > 0)
        #expect(managed.restarts == 1)
    }
}

/// A managed-server stand-in whose `ensureRunning` returns the address of a server that died, and whose `restart`
/// starts a real llama-server.
final class RealManagedServer: ManagedServerProviding {
    private let stale: URL
    private let started = Mutex<[LlamaServerProcess]>([])
    let modelName = "smollm2"

    init(stale: URL) { self.stale = stale }

    var restarts: Int { started.withLock { $0.count } }

    func ensureRunning() async throws(LLMError) -> URL { stale }

    func restart() async throws(LLMError) -> URL {
        do {
            let server = try await LlamaServerProcess.start()
            started.withLock { $0.append(server) }
            return server.baseURL
        } catch {
            throw LLMError(.serverFailed, "could not start llama-server: \(error)")
        }
    }

    func noteUsed() {}

    func stopAll() { started.withLock { $0.forEach { $0.stop() } } }
}
