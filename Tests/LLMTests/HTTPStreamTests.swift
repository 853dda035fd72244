import Foundation
import Testing
@testable import LLM
@testable import HTTP
import TestSupport

@Suite("HTTPStream: refused connections, timeouts, cancellation")
struct HTTPStreamTests {
    @Test func connectionRefusedIsOneLineWithAFix() async {
        for backend in [LlamaCppBackend(baseURL: deadURL, model: "m", timeout: 5) as any LLMBackend,
                        OllamaBackend(baseURL: deadURL, model: "m", timeout: 5),
                        OpenAIBackend(baseURL: deadURL, model: "m", timeout: 5)] {
            let result = await StreamResult.collect(backend.generate(sampleRequest()))
            #expect(result.error?.code == .serverUnreachable, "\(backend.kind)")
            #expect(result.error?.message.contains("connection refused") == true)
            expectOneLine(result.error)
        }
        let ollama = await StreamResult.collect(OllamaBackend(baseURL: deadURL, model: "m", timeout: 5).generate(sampleRequest()))
        #expect(ollama.error?.message == "cannot reach Ollama at http://127.0.0.1:1 (connection refused); start it with: ollama serve (or set OLLAMA_HOST / url)")
    }

    @Test func timeoutBeforeTheFirstByte() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let start = ContinuousClock.now
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "silent", timeout: 0.5).generate(sampleRequest()))
        #expect(result.error?.code == .timeout)
        #expect(result.error?.message.contains("within 0.5 s") == true)
        #expect(seconds(since: start) < 20)   // the fixture would stay silent for 30 s
        expectOneLine(result.error)
    }

    @Test func timeoutInTheMiddleOfTheAnswer() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let start = ContinuousClock.now
        let result = await StreamResult.collect(OllamaBackend(baseURL: server.baseURL, model: "slow", timeout: 0.7).generate(sampleRequest()))
        #expect(result.tokens == ["The"])
        #expect(result.error?.code == .timeout)
        #expect(seconds(since: start) < 20)   // the fixture would stay silent for 30 s
    }

    @Test func idleTimeoutWithoutTotalLimit() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let endpoint = ServerEndpoint(name: "Ollama", baseURL: server.baseURL, unreachableHint: "")
        let stream = HTTPStream(endpoint: endpoint, timeouts: .idle(0.5))
        let body = Data(#"{"model":"slow"}"#.utf8)
        var lines: [String] = []
        var failure: LLMError?
        do {
            for try await line in stream.lines(endpoint.request("POST", "api/chat", json: body)) { lines.append(line) }
        } catch let error as LLMError { failure = error }
        #expect(lines.count == 1)
        #expect(failure?.code == .timeout)
    }

    @Test func cancellingBeforeTheFirstByteStopsAtOnce() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let backend = OllamaBackend(baseURL: server.baseURL, model: "silent", timeout: 60)
        let task = Task { await StreamResult.collect(backend.generate(sampleRequest())) }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.value
        #expect(seconds(since: start) < 20)
        #expect(result.error?.code == .cancelled)
        #expect(result.tokens.isEmpty)
    }

    @Test func cancellingMidStreamStopsAtOnce() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let backend = OllamaBackend(baseURL: server.baseURL, model: "slow", timeout: 60)
        let (firstToken, signal) = AsyncStream<Void>.makeStream()
        let task = Task { () -> (LLMError?, Int) in
            var count = 0
            do {
                _ = try await backend.generate(sampleRequest()).reduce(into: ()) { _, event in
                    if case .token = event { count += 1; signal.yield() }
                }
                return (Task.isCancelled ? LLMError(.cancelled, "request cancelled") : nil, count)
            } catch {
                return (error as? LLMError, count)
            }
        }
        for await _ in firstToken { break }
        let start = ContinuousClock.now
        task.cancel()
        let (error, count) = await task.value
        #expect(seconds(since: start) < 20)
        #expect(count == 1)
        #expect(error?.code == .cancelled)
    }

    @Test func completeReportsCancellation() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let backend = OllamaBackend(baseURL: server.baseURL, model: "silent", timeout: 60)
        let task = Task { try await backend.complete(sampleRequest()) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: LLMError(.cancelled, "request cancelled")) { _ = try await task.value }
    }

    @Test func jsonClientDecodesAndReportsBadAnswers() async throws {
        let server = try await FakeServer.start("fake_ollama")
        defer { server.stop() }
        let client = HTTPJSONClient(endpoint: ServerEndpoint(name: "Ollama", baseURL: server.baseURL, unreachableHint: ""), timeout: 5)
        let version = try await client.get("api/version", as: [String: String].self)
        #expect(version == ["version": "0.5.1"])
        do {
            _ = try await client.get("api/version", as: [Int].self)
            Issue.record("decoding should fail")
        } catch {
            #expect(error.code == .badResponse)
            #expect(error.message.contains("/api/version") || error.message.contains("api/version"))
            expectOneLine(error)
        }
    }
}
