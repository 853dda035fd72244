import Foundation
import Synchronization
import Testing
@testable import LLM
@testable import HTTP
@testable import Runtime
import TestSupport

/// A stand-in for k1's managed llama-server: hands out the URLs it is given and counts the calls.
final class StubManagedServer: ManagedServerProviding {
    private struct State {
        var runningURLs: [URL]
        var restartURLs: [URL]
        var ensureCalls = 0
        var restartCalls = 0
        var usedCalls = 0
    }
    private let state: Mutex<State>
    private let ensureError: LLMError?
    let modelName: String

    init(running: [URL], restarts: [URL] = [], ensureError: LLMError? = nil, model: String = "qwen2.5-coder-1.5b") {
        state = Mutex(State(runningURLs: running, restartURLs: restarts))
        self.ensureError = ensureError
        modelName = model
    }

    var ensureCalls: Int { state.withLock { $0.ensureCalls } }
    var restartCalls: Int { state.withLock { $0.restartCalls } }
    var usedCalls: Int { state.withLock { $0.usedCalls } }

    func ensureRunning() async throws(LLMError) -> URL {
        if let ensureError { throw ensureError }
        return state.withLock { state in
            state.ensureCalls += 1
            return state.runningURLs.count > 1 ? state.runningURLs.removeFirst() : state.runningURLs[0]
        }
    }

    func restart() async throws(LLMError) -> URL {
        let url = state.withLock { state -> URL? in
            state.restartCalls += 1
            return state.restartURLs.isEmpty ? nil : state.restartURLs.removeFirst()
        }
        guard let url else { throw LLMError(.serverFailed, "llama-server exited with status 1 while loading the model") }
        return url
    }

    func noteUsed() { state.withLock { $0.usedCalls += 1 } }
}

@Suite("ManagedLlamaCppBackend: start, restart once, retry once")
struct ManagedLlamaCppBackendTests {
    @Test func usesTheRunningServer() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let managed = StubManagedServer(running: [server.baseURL])
        let backend = ManagedLlamaCppBackend(server: managed, timeout: 10)
        #expect(backend.modelName == "qwen2.5-coder-1.5b")
        #expect(backend.kind == "llamacpp")
        let result = try await backend.complete(sampleRequest())
        #expect(result.text == "kubectl get pods -n kube-system")
        #expect(managed.ensureCalls == 1)
        #expect(managed.restartCalls == 0)
        #expect(managed.usedCalls >= 1)
    }

    @Test func restartsADeadServerOnceAndRetries() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let managed = StubManagedServer(running: [deadURL], restarts: [server.baseURL])
        let result = try await ManagedLlamaCppBackend(server: managed, timeout: 10).complete(sampleRequest())
        #expect(result.text == "kubectl get pods -n kube-system")
        #expect(managed.restartCalls == 1)
    }

    @Test func givesUpAfterOneRestart() async throws {
        let managed = StubManagedServer(running: [deadURL], restarts: [deadURL, deadURL])
        let result = await StreamResult.collect(ManagedLlamaCppBackend(server: managed, timeout: 10).generate(sampleRequest()))
        #expect(managed.restartCalls == 1)
        #expect(result.error?.code == .serverFailed)
        #expect(result.error?.message.hasPrefix("the managed llama-server stopped answering, also after a restart") == true)
        expectOneLine(result.error)
    }

    @Test func reportsAFailedRestart() async throws {
        let managed = StubManagedServer(running: [deadURL], restarts: [])
        let result = await StreamResult.collect(ManagedLlamaCppBackend(server: managed, timeout: 10).generate(sampleRequest()))
        #expect(result.error?.code == .serverFailed)
        #expect(result.error?.message == "the managed llama-server stopped answering and did not restart: llama-server exited with status 1 while loading the model")
    }

    @Test func doesNotRestartAfterTokens() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let managed = StubManagedServer(running: [server.url(scenario: "truncated")], restarts: [server.baseURL])
        let result = await StreamResult.collect(ManagedLlamaCppBackend(server: managed, timeout: 10).generate(sampleRequest()))
        #expect(result.tokens == ["kubectl", " get"])
        #expect(result.error?.code == .truncatedStream)
        #expect(managed.restartCalls == 0)
    }

    @Test func doesNotRestartForRequestErrors() async throws {
        let server = try await FakeServer.start("fake_llama_server")
        defer { server.stop() }
        let managed = StubManagedServer(running: [server.url(scenario: "context")], restarts: [server.baseURL])
        let result = await StreamResult.collect(ManagedLlamaCppBackend(server: managed, timeout: 10).generate(sampleRequest()))
        #expect(result.error?.httpStatus == 400)
        #expect(managed.restartCalls == 0)
    }

    @Test func passesStartFailuresOn() async {
        let managed = StubManagedServer(running: [], ensureError: LLMError(.serverNotInstalled, "llama-server is not installed; run: k1 setup"))
        let result = await StreamResult.collect(ManagedLlamaCppBackend(server: managed, timeout: 10).generate(sampleRequest()))
        #expect(result.error == LLMError(.serverNotInstalled, "llama-server is not installed; run: k1 setup"))
    }
}

@Suite("ManagedLlamaCppBackend: prompt snapshots")
struct ManagedLlamaCppBackendSnapshotTests {
    @Test("a server that keeps no prompt snapshot never asks for a warm-up")
    func noSnapshotNoWarmUp() {
        #expect(!ManagedLlamaCppBackend(server: StubManagedServer(running: [])).needsPromptSnapshot)
    }
}
