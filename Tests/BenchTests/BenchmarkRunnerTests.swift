import Foundation
import LLM
import Session
import Support
import Synchronization
import Testing
@testable import Translate
@testable import Bench
import TestSupport

@Suite("BenchmarkRunner")
struct BenchmarkRunnerTests {
    static let cases = [
        BenchmarkCase(id: "simple-001", category: .simple, prompt: "pods in kube-system",
                      expected: ["kubectl get pods -n kube-system"]),
        BenchmarkCase(id: "context-001", category: .context, prompt: "scale it to 3",
                      expected: ["kubectl scale deployment checkout --replicas=3"],
                      context: BenchmarkContext(namespace: "shop", selection: "deployment/checkout")),
        BenchmarkCase(id: "edge-001", category: .edge, prompt: "nodes", expected: ["kubectl get nodes"],
                      context: BenchmarkContext(namespace: "shop")),
    ]

    @Test func runsEveryCaseThroughTheTranslatorAndScores() async throws {
        let backend = ScriptedBackend(outputs: [
            "kubectl get pods -n kube-system",
            "kubectl scale deploy/checkout -n shop --replicas 3",
            "kubectl get namespaces",
        ])
        let translator = Translator(backendProvider: { backend }, modelName: "test-model", cache: nil)
        let runner = BenchmarkRunner(oracle: nil)
        let progress = Mutex<[Int]>([])
        let outcomes = try await runner.run(Self.cases, translate: BenchmarkRunner.translating(with: translator, useCache: false)) { done, total in
            #expect(total == 3)
            progress.withLock { $0.append(done) }
        }
        #expect(backend.calls == 3)
        #expect(progress.withLock { $0 } == [1, 2, 3])
        #expect(outcomes.map(\.id) == ["simple-001", "context-001", "edge-001"])
        #expect(outcomes.map(\.exact) == [true, false, false])
        #expect(outcomes.map(\.semantic) == [true, true, false])
        #expect(outcomes.allSatisfy { $0.syntax == nil && $0.syntaxValid == nil })
        #expect(outcomes[0].promptTokens == 12)
        #expect(outcomes[0].cachedPromptTokens == 900)
        #expect(outcomes[0].generatedTokens == 8)
        #expect(outcomes[0].serverMilliseconds == 400)
        #expect(outcomes[0].latencyMilliseconds > 0)
        #expect(!outcomes[0].cached)
    }

    @Test func contextReachesThePrompt() async throws {
        let backend = ScriptedBackend(outputs: ["kubectl scale deployment checkout --replicas=3"])
        let translator = Translator(backendProvider: { backend }, modelName: "test-model", cache: nil)
        _ = try await BenchmarkRunner(oracle: nil).run([Self.cases[1]], translate: BenchmarkRunner.translating(with: translator, useCache: false))
        let user = try #require(backend.lastGeneration?.messages.last?.content)
        #expect(user.contains("selected: deployment/checkout in shop"))
        #expect(user.hasSuffix("request: scale it to 3"))
    }

    @Test func repetitionsAndErrors() async throws {
        let calls = Mutex(0)
        let translate: BenchmarkRunner.Translate = { item, _ in
            let call = calls.withLock { $0 += 1; return $0 }
            if item.id == "edge-001" { throw TranslateError.noCommand(raw: "I cannot") }
            return BenchmarkAnswer(command: item.expected[0], latencyMilliseconds: Double(call),
                                   stats: GenerationStats(promptTokens: 5, generatedTokens: 3))
        }
        let outcomes = try await BenchmarkRunner(repetitions: 2, oracle: nil).run(Self.cases, translate: translate)
        #expect(outcomes.count == 6)
        #expect(outcomes.map(\.repetition) == [0, 0, 0, 1, 1, 1])
        #expect(outcomes.map(\.latencyMilliseconds).prefix(2) == [1, 2])
        let failed = outcomes.filter { $0.id == "edge-001" }
        #expect(failed.allSatisfy { $0.produced == nil && $0.error != nil && !$0.passed })
        #expect(BenchmarkSummary(outcomes).semantic == 4)
        #expect(BenchmarkSummary(outcomes).errors == 2)
    }

    @Test func cancellationStopsTheRun() async {
        let task = Task {
            try await BenchmarkRunner(oracle: nil).run(Self.cases) { item, _ in
                withUnsafeCurrentTask { $0?.cancel() }
                return BenchmarkAnswer(command: item.expected[0], latencyMilliseconds: 1)
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test(.enabled(if: ExecutableLocator.locate("kubectl", environment: ProcessInfo.processInfo.environment) != nil, "kubectl is not installed"))
    func oracleVerdictsAreAttached() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let oracle = try #require(await SyntaxOracle(cacheDirectory: directory))
        let translate: BenchmarkRunner.Translate = { item, _ in
            if item.id == "edge-001" { throw TranslateError.noCommand(raw: "") }
            let command = item.id == "simple-001" ? "kubectl get pods --bogus" : item.expected[0]
            return BenchmarkAnswer(command: command, latencyMilliseconds: 1)
        }
        let outcomes = try await BenchmarkRunner(oracle: oracle).run(Self.cases, translate: translate)
        #expect(outcomes.map(\.syntaxValid) == [false, true, false])
        #expect(outcomes[0].syntax?.message.contains("unknown flag") == true)
        #expect(BenchmarkSummary(outcomes).syntaxValidPercent.map { abs($0 - 100.0 / 3) < 1e-9 } == true)
    }
}
