import Foundation
import LLM
import Session
import Testing
import TestSupport
@testable import Shell
@testable import Translate

@Suite("Speculative answers while typing")
struct SpeculativeAnswerTests {
    static let shop = SessionContext(namespace: "shop")

    static func translator(_ backend: any LLMBackend, cache: AnswerCache? = nil) -> Translator {
        Translator(backendProvider: { backend }, modelName: "test-model", cache: cache)
    }

    @Test func theSameTextIsAnsweredOnceAndHandedOverAtEnter() async throws {
        let backend = ScriptedBackend(outputs: ["kubectl scale deployment web --replicas=3"])
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .zero)
        ahead.typed("?scale web to 3", context: Self.shop)
        ahead.typed("?scale web to 3", context: Self.shop)
        ahead.typed("  ?scale   web to 3", context: Self.shop)
        try await waitUntil { ahead.startedCount == 1 }
        let task = try #require(ahead.take(request: "scale web to 3", context: Self.shop))
        #expect(try await Self.command(of: task) == "kubectl scale deployment web --replicas=3")
        #expect(backend.calls == 1)
        #expect(ahead.startedCount == 1)
        // Handed over once: a second Enter asks anew.
        #expect(ahead.take(request: "scale web to 3", context: Self.shop) == nil)
    }

    @Test func noAnswerIsBegunBeforeThePause() async throws {
        let backend = GatedBackend(output: "kubectl get pods")
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .seconds(30))
        ahead.typed("?show the pods", context: Self.shop)
        try await Task.sleep(for: .milliseconds(50))
        #expect(ahead.startedCount == 0)
        // Enter before the pause: nothing to hand over, the shell asks itself.
        #expect(ahead.take(request: "show the pods", context: Self.shop) == nil)
        #expect(backend.startedRequests.isEmpty)
    }

    @Test func theTextSoFarIsReadAheadOneRequestAtATime() async throws {
        let backend = GatedBackend(output: "kubectl get pods", readsPromptsAhead: true)
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .seconds(30), readAhead: true)
        ahead.typed("?show the po", context: Self.shop)
        try await waitUntil { backend.startedRequests.count == 1 }
        // Keys while the server reads: nothing else is sent, and the read is not cancelled.
        ahead.typed("?show the pod", context: Self.shop)
        ahead.typed("?show the pods", context: Self.shop)
        try await Task.sleep(for: .milliseconds(50))
        #expect(backend.startedRequests.count == 1)
        #expect(backend.cancelled == 0)
        backend.release()
        // Then the newest text only, skipping the one in between.
        try await waitUntil { backend.startedRequests.count == 2 }
        try await Task.sleep(for: .milliseconds(50))
        #expect(backend.startedRequests.count == 2)
        #expect(backend.startedRequests.last?.hasSuffix("request: show the pods") == true)
        #expect(backend.startedLimits == [0, 0])
        #expect(backend.startedGrammars == [nil, nil])
        #expect(ahead.readAheadCount == 2)
        #expect(ahead.startedCount == 0)
    }

    @Test func aBackendThatCannotReadAheadIsSentNothingUntilThePause() async throws {
        let backend = GatedBackend(output: "kubectl get pods")
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .seconds(30), readAhead: true)
        ahead.typed("?show the pods", context: Self.shop)
        try await Task.sleep(for: .milliseconds(50))
        #expect(backend.startedRequests.isEmpty)
    }

    @Test func nothingIsReadAheadUnlessAskedFor() async throws {
        let backend = GatedBackend(output: "kubectl get pods", readsPromptsAhead: true)
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .seconds(30))
        ahead.typed("?show the pods", context: Self.shop)
        try await Task.sleep(for: .milliseconds(50))
        #expect(backend.startedRequests.isEmpty)
        #expect(ahead.readAheadCount == 0)
    }

    @Test func theAnswerWaitsForTheReadInFlight() async throws {
        let backend = GatedBackend(output: "kubectl get pods", readsPromptsAhead: true)
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .zero, readAhead: true)
        ahead.typed("?show the pods", context: Self.shop)
        try await waitUntil { ahead.startedCount == 1 && backend.startedRequests.count == 1 }
        try await Task.sleep(for: .milliseconds(50))
        #expect(backend.startedLimits == [0])
        backend.release()
        let task = try #require(ahead.take(request: "show the pods", context: Self.shop))
        #expect(try await Self.command(of: task) == "kubectl get pods")
        #expect(backend.startedLimits.count == 2)
        #expect(backend.startedLimits.last.map { $0 > 0 } == true)
    }

    @Test func otherTextOrContextAtEnterGetsNothingAndCancelsTheWork() async throws {
        let backend = GatedBackend(output: "kubectl scale deployment web --replicas=3")
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .zero)
        ahead.typed("?scale web to 3", context: Self.shop)
        try await waitUntil { backend.startedRequests.count == 1 }
        #expect(ahead.take(request: "scale web to 4", context: Self.shop) == nil)
        try await waitUntil { backend.cancelled == 1 }

        ahead.typed("?scale web to 3", context: Self.shop)
        try await waitUntil { backend.startedRequests.count == 2 }
        #expect(ahead.take(request: "scale web to 3", context: SessionContext(namespace: "prod")) == nil)
        try await waitUntil { backend.cancelled == 2 }
    }

    @Test func newerTextCancelsTheStaleAnswer() async throws {
        let backend = GatedBackend(output: "kubectl get pods")
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .zero)
        ahead.typed("?show the po", context: Self.shop)
        try await waitUntil { backend.startedRequests.count == 1 }
        ahead.typed("?show the pods", context: Self.shop)
        try await waitUntil { backend.cancelled == 1 && backend.startedRequests.count == 2 }
        #expect(backend.startedRequests.last?.hasSuffix("request: show the pods") == true)
        backend.release()
        let task = try #require(ahead.take(request: "show the pods", context: Self.shop))
        #expect(try await Self.command(of: task) == "kubectl get pods")
    }

    @Test func linesThatAreNoModelRequestStartNothing() async throws {
        let backend = ScriptedBackend(outputs: ["kubectl get pods"])
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .zero)
        ahead.typed("get pods -n shop", context: Self.shop)
        ahead.typed("?po", context: Self.shop)
        ahead.typed("?", context: Self.shop)
        ahead.typed("?what does kubectl rollout undo do", context: Self.shop)
        try await Task.sleep(for: .milliseconds(50))
        #expect(ahead.startedCount == 0)
        #expect(ahead.readAheadCount == 0)
        #expect(backend.calls == 0)
    }

    @Test func cancelDropsTheWork() async throws {
        let backend = GatedBackend(output: "kubectl get pods")
        let ahead = SpeculativeAnswer(translator: Self.translator(backend), answerAfter: .zero)
        ahead.typed("?show the pods", context: Self.shop)
        try await waitUntil { backend.startedRequests.count == 1 }
        ahead.cancel()
        try await waitUntil { backend.cancelled == 1 }
        #expect(ahead.take(request: "show the pods", context: Self.shop) == nil)
    }

    @Test func nothingIsCachedUntilTheAnswerIsCommitted() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = AnswerCache(url: directory.appendingPathComponent("llm_cache.json"))
        let backend = ScriptedBackend(outputs: ["kubectl get pods"])
        let translator = Self.translator(backend, cache: cache)
        let ahead = SpeculativeAnswer(translator: translator, answerAfter: .zero)
        ahead.typed("?show the pods", context: Self.shop)
        try await waitUntil { ahead.startedCount == 1 }
        let task = try #require(ahead.take(request: "show the pods", context: Self.shop))
        guard case .command(let translation) = try await task.value else {
            Issue.record("expected a command")
            return
        }
        let key = translator.cacheKey(for: "show the pods", context: Self.shop)
        #expect(cache.peek(key) == nil)
        #expect(translation.storable == "kubectl get pods")
        try translator.commit(translation, request: "show the pods")
        #expect(cache.peek(key)?.command == "kubectl get pods")
    }

    @Test func theEditorReportsPausesAndTheAnswerWaitsOnlyWhenReadingAhead() {
        #expect(SpeculativeAnswer.reportPause(typingPauseMilliseconds: 150, readAhead: false) == 150)
        #expect(SpeculativeAnswer.answerDelay(typingPauseMilliseconds: 150, readAhead: false) == .zero)
        #expect(SpeculativeAnswer.reportPause(typingPauseMilliseconds: 150, readAhead: true) == SpeculativeAnswer.settleMilliseconds)
        #expect(SpeculativeAnswer.answerDelay(typingPauseMilliseconds: 150, readAhead: true) == .milliseconds(150))
    }

    /// The command a finished answer gives, nil for no command.
    static func command(of task: Task<TranslationOutcome, any Error>) async throws -> String? {
        guard case .command(let translation) = try await task.value else { return nil }
        return translation.command
    }

    /// Polls `condition` for up to 5 s.
    func waitUntil(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for _ in 0..<1000 where !condition() { try await Task.sleep(for: .milliseconds(5)) }
        #expect(condition(), "condition not met within 5 s", sourceLocation: sourceLocation)
    }
}
