import Foundation
import KubectlKit
import LLM
import Session
import Testing
@testable import Translate
@testable import HTTP
import TestSupport

@Suite("Translator")
struct TranslatorTests {
    struct Fixture {
        let directory: URL
        let cache: AnswerCache
        let backend: ScriptedBackend
        let provided: ProviderCounter
        let translator: Translator

        init(outputs: [String], model: String = "test-model", withCache: Bool = true) throws {
            directory = try temporaryDirectory()
            cache = AnswerCache(url: directory.appendingPathComponent("llm_cache.json"))
            let backend = ScriptedBackend(outputs: outputs)
            let provided = ProviderCounter()
            self.backend = backend
            self.provided = provided
            translator = Translator(backendProvider: { provided.increment(); return backend }, modelName: model,
                                    cache: withCache ? cache : nil, promptVersion: PromptTemplate.promptVersion)
        }

        func cleanUp() { try? FileManager.default.removeItem(at: directory) }
    }

    static let shop = SessionContext(namespace: "shop")

    @Test func missAsksTheModelAndSanitizes() async throws {
        let fixture = try Fixture(outputs: ["```bash\nkubectl get pods -n kube-system\n```"])
        defer { fixture.cleanUp() }
        let result = try await fixture.translator.translate("pods in kube-system", context: Self.shop)
        #expect(result.command == "kubectl get pods -n kube-system")
        #expect(result.raw.contains("```"))
        #expect(!result.cached)
        #expect(result.risk.risk == .readOnly)
        #expect(result.issues.isEmpty)
        #expect(result.stats?.generatedTokens == 8)
        #expect(result.model == "test-model")
        #expect(result.promptVersion == PromptTemplate.promptVersion)
        #expect(fixture.backend.calls == 1)
        #expect(fixture.backend.lastGeneration?.messages.last?.content == "ns: shop\nrequest: pods in kube-system")
    }

    @Test func hitSkipsTheBackendEntirely() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods -A"])
        defer { fixture.cleanUp() }
        _ = try await fixture.translator.translate("all pods", context: Self.shop)
        let again = try await fixture.translator.translate("  All PODS? ", context: Self.shop)
        #expect(again.cached)
        #expect(again.command == "kubectl get pods -A")
        #expect(again.stats == nil)
        #expect(fixture.backend.calls == 1)

        // A new translator (a new process) with a provider that must not be called.
        let cache = AnswerCache(url: fixture.cache.url)
        let fresh = Translator(backendProvider: { throw LLMError(.serverUnreachable, "must not be called") },
                               modelName: "test-model", cache: cache)
        let hit = try await fresh.translate("all pods", context: Self.shop)
        #expect(hit.cached)
        #expect(fixture.provided.value == 1)
    }

    @Test func contextAndModelSeparateAnswers() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods", "kubectl get pods -o wide"])
        defer { fixture.cleanUp() }
        _ = try await fixture.translator.translate("pods", context: Self.shop)
        let other = try await fixture.translator.translate("pods", context: SessionContext(namespace: "prod"))
        #expect(!other.cached)
        #expect(fixture.backend.calls == 2)

        let otherModel = Translator(backendProvider: { fixture.backend }, modelName: "other-model", cache: fixture.cache)
        let result = try await otherModel.translate("pods", context: Self.shop)
        #expect(!result.cached)
        #expect(fixture.backend.calls == 3)
    }

    @Test func noCacheNeitherReadsNorWrites() async throws {
        let fixture = try Fixture(outputs: ["kubectl get nodes"])
        defer { fixture.cleanUp() }
        _ = try await fixture.translator.translate("nodes", context: SessionContext(), useCache: false)
        #expect(fixture.cache.list().isEmpty)
        _ = try await fixture.translator.translate("nodes", context: SessionContext())
        let bypass = try await fixture.translator.translate("nodes", context: SessionContext(), useCache: false)
        #expect(!bypass.cached)
        #expect(fixture.backend.calls == 3)
    }

    @Test func editsAreLearned() async throws {
        let fixture = try Fixture(outputs: ["kubectl delete pod payments-api-7d9f8-x2k4q"])
        defer { fixture.cleanUp() }
        let context = SessionContext(namespace: "shop", selection: ObjectSelection(resource: "pods", name: "payments-api-7d9f8-x2k4q", namespace: "shop"))
        let first = try await fixture.translator.translate("restart it", context: context)
        #expect(!first.cached)
        let edited = "kubectl delete pod payments-api-7d9f8-x2k4q -n shop"
        #expect(try fixture.translator.learn(request: "restart it", context: context, command: edited))
        #expect(try !fixture.translator.learn(request: "restart it", context: context, command: edited))

        let second = try await fixture.translator.translate("Restart it", context: context)
        #expect(second.cached)
        #expect(second.learned)
        #expect(second.command == edited)
        #expect(second.risk.risk == .deletes)
        #expect(fixture.backend.calls == 1)
        #expect(fixture.cache.stats().editedEntries == 1)
    }

    @Test func emptyOutputIsAnErrorAndIsNotCached() async throws {
        let fixture = try Fixture(outputs: ["   ", "Sorry, I can't help with that."])
        defer { fixture.cleanUp() }
        await #expect(throws: TranslateError.noCommand(raw: "   ")) {
            try await fixture.translator.translate("pods", context: SessionContext())
        }
        do {
            _ = try await fixture.translator.translate("pods", context: SessionContext())
            Issue.record("expected an error")
        } catch let error as TranslateError {
            guard case .noCommand = error else { Issue.record("expected noCommand, got \(error)"); return }
            #expect(error.description == "the model gave no kubectl command; rephrase or try again")
        }
        #expect(fixture.cache.list().isEmpty)
    }

    @Test func emptyRequestIsAnError() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods"])
        defer { fixture.cleanUp() }
        await #expect(throws: TranslateError.emptyRequest) {
            try await fixture.translator.translate("  ? ", context: SessionContext())
        }
        #expect(fixture.provided.value == 0)
    }

    @Test func tokensStreamToTheCaller() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods -l app=checkout"])
        defer { fixture.cleanUp() }
        let pieces = WarningLog()
        _ = try await fixture.translator.translate("pods with label app=checkout", context: SessionContext(),
                                                   onToken: { pieces.append($0) })
        #expect(pieces.all.count > 1)
        #expect(pieces.all.joined() == "kubectl get pods -l app=checkout")
    }

    @Test func issuesAndRiskAreReported() async throws {
        let fixture = try Fixture(outputs: ["kubectl delete pod web --show-all -n default"])
        defer { fixture.cleanUp() }
        let result = try await fixture.translator.translate("delete pod web in default", context: SessionContext())
        #expect(result.issues.map(\.kind) == [.unknownFlag])
        #expect(result.risk.risk == .deletes)
    }

    @Test func anInventedFlagIsDroppedFromAReadOnlyCommand() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods --show-all -n default"])
        defer { fixture.cleanUp() }
        let result = try await fixture.translator.translate("all pods in default", context: SessionContext())
        #expect(result.command == "kubectl get pods -n default")
        #expect(result.issues.isEmpty)
        #expect(result.note?.contains("--show-all") == true)
    }

    @Test func aFieldSelectorTheServerRejectsIsAnIssue() async throws {
        let fixture = try Fixture(outputs: ["kubectl get nodes --field-selector status.capacity.cpu=4"])
        defer { fixture.cleanUp() }
        let result = try await fixture.translator.translate("nodes with 4 cpus", context: SessionContext())
        #expect(result.issues.map(\.kind).contains(.fieldSelector))
    }

    @Test func pipelineIsKeptAndLabelledUnknown() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods | grep Crash"])
        defer { fixture.cleanUp() }
        let result = try await fixture.translator.translate("crashing pods", context: SessionContext())
        #expect(result.command == "kubectl get pods | grep Crash")
        #expect(result.risk.risk == .unknown)
        #expect(result.note != nil)
    }

    @Test func worksWithoutACache() async throws {
        let fixture = try Fixture(outputs: ["kubectl get pods"], withCache: false)
        defer { fixture.cleanUp() }
        _ = try await fixture.translator.translate("pods", context: SessionContext())
        let again = try await fixture.translator.translate("pods", context: SessionContext())
        #expect(!again.cached)
        #expect(fixture.backend.calls == 2)
        #expect(try !fixture.translator.learn(request: "pods", context: SessionContext(), command: "kubectl get po"))
    }

    @Test func backendIsMadeOnceAndRetriedAfterFailure() async throws {
        let backend = ScriptedBackend(outputs: ["kubectl get pods"])
        let attempts = ProviderCounter()
        let translator = Translator(backendProvider: {
            attempts.increment()
            if attempts.value == 1 { throw LLMError(.serverUnreachable, "no server at 127.0.0.1:8080; run k1 server start") }
            return backend
        }, modelName: "m", cache: nil)
        await #expect(throws: LLMError.self) { try await translator.translate("pods", context: SessionContext()) }
        _ = try await translator.translate("pods", context: SessionContext())
        _ = try await translator.translate("nodes", context: SessionContext())
        #expect(attempts.value == 2)
    }

    @Test func oracleIssuesAreAppended() async throws {
        struct Grumpy: CommandOracle {
            func check(_ command: String) async -> [ValidationIssue] { [ValidationIssue(.rejectedByOracle, "nope")] }
        }
        let translator = Translator(backendProvider: { ScriptedBackend(outputs: ["kubectl get pods"]) }, modelName: "m",
                                    cache: nil, oracle: Grumpy())
        let result = try await translator.translate("pods", context: SessionContext())
        #expect(result.issues.map(\.kind) == [.rejectedByOracle])
    }

    @Test func runawayAnswerIsRepairedFlaggedAndNotCached() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = AnswerCache(url: directory.appendingPathComponent("llm_cache.json"))
        let backend = ScriptedBackend(outputs: [
            "kubectl delete pods -l app=checkout -l env=prod -l stage=prod -l env=prod -l stage=prod -l env=",
        ], finishReason: "length")
        let translator = Translator(backendProvider: { backend }, modelName: "m", cache: cache)
        let result = try await translator.translate("delete the checkout pods", context: SessionContext())
        // The loop is cut, then the repeated -l (of which kubectl reads only the last) joins one selector.
        #expect(result.command == "kubectl delete pods -l app=checkout,env=prod,stage=prod")
        #expect(result.issues.first?.kind == .truncated)
        #expect(cache.list().isEmpty)
    }

    @Test func madeUpNamespaceIsDroppedWithANote() async throws {
        let fixture = try Fixture(outputs: ["kubectl describe pod api-7c9d5-kx2lq -n shop"])
        defer { fixture.cleanUp() }
        let result = try await fixture.translator.translate("describe pod api-7c9d5-kx2lq", context: SessionContext())
        #expect(result.command == "kubectl describe pod api-7c9d5-kx2lq")
        #expect(result.note == "dropped made-up -n shop")
        #expect(result.notes == [AnswerNote(.madeUpDropped, "dropped made-up -n shop")])
        #expect(fixture.cache.list().first?.command == "kubectl describe pod api-7c9d5-kx2lq")
    }

    /// Rejects commands that contain `bad`, like kubectl rejecting an unknown flag.
    struct Picky: CommandOracle {
        func check(_ command: String) async -> [ValidationIssue] {
            command.contains("json") ? [ValidationIssue(.rejectedByOracle, "kubectl rejects it: no json today")] : []
        }
    }

    @Test func rejectedAnswerIsSentBackOnceWithTheComplaint() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = AnswerCache(url: directory.appendingPathComponent("llm_cache.json"))
        let backend = ScriptedBackend(outputs: ["kubectl get pods -o json", "kubectl get pods -o wide"])
        let translator = Translator(backendProvider: { backend }, modelName: "m", cache: cache, oracle: Picky())
        let result = try await translator.translate("pods, wide or json", context: SessionContext())
        #expect(result.command == "kubectl get pods -o wide")
        #expect(result.issues.isEmpty)
        #expect(result.note?.contains("repaired") == true)
        #expect(result.notes.map(\.kind) == [.secondCandidate])
        #expect(result.stats?.requests == 2)
        #expect(backend.calls == 2)
        // The second candidate is asked without retrieved examples: the system message is the fixed one.
        let turns = try #require(backend.lastGeneration?.messages)
        #expect(turns.map(\.role) == [.system, .user])
        #expect(turns[0].content == PromptTemplate.systemPrompt)
        #expect(result.note?.contains("no json today") == true)
        #expect(result.stats?.generatedTokens == 16, "both generations count")
        #expect(cache.list().map(\.command) == ["kubectl get pods -o wide"])
    }

    @Test func answerStillWrongAfterRepairIsShownWithItsWarningAndNotCached() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = AnswerCache(url: directory.appendingPathComponent("llm_cache.json"))
        let backend = ScriptedBackend(outputs: ["kubectl get pods -o json", "kubectl get pods -o jsonpath={.items}"])
        let translator = Translator(backendProvider: { backend }, modelName: "m", cache: cache, oracle: Picky())
        let result = try await translator.translate("pods as json", context: SessionContext())
        #expect(result.command == "kubectl get pods -o json")
        #expect(result.issues.map(\.kind) == [.rejectedByOracle])
        #expect(backend.calls == 2)
        #expect(cache.list().isEmpty)
    }

    @Test func madeUpNameAsksForARepairAndRepairCanBeTurnedOff() async throws {
        let backend = ScriptedBackend(outputs: ["kubectl describe node gpu-node-9", "kubectl describe node worker-3"])
        let translator = Translator(backendProvider: { backend }, modelName: "m", cache: nil)
        let result = try await translator.translate("describe node worker-3", context: SessionContext())
        #expect(result.command == "kubectl describe node worker-3")
        #expect(result.note?.contains("gpu-node-9 appears nowhere") == true)

        let once = ScriptedBackend(outputs: ["kubectl describe node gpu-node-9", "kubectl describe node worker-3"])
        let noRepair = Translator(backendProvider: { once }, modelName: "m", cache: nil,
                                  options: PromptBuilder.Options(repair: false))
        let kept = try await noRepair.translate("describe node worker-3", context: SessionContext())
        #expect(kept.command == "kubectl describe node gpu-node-9")
        #expect(kept.issues.map(\.kind) == [.unknownName])
        #expect(once.calls == 1)
    }

    @Test func garbledCopiesAreFixedWithoutAskingAgain() async throws {
        let backend = ScriptedBackend(outputs: ["kubectl describe node worker-node-3"])
        let translator = Translator(backendProvider: { backend }, modelName: "m", cache: nil)
        let result = try await translator.translate("describe node worker-3", context: SessionContext())
        #expect(result.command == "kubectl describe node worker-3")
        #expect(result.note?.contains("copied worker-node-3 → worker-3") == true)
        #expect(result.issues.isEmpty)
        #expect(backend.calls == 1)

        let flags = ScriptedBackend(outputs: ["kubectl get pods -n shop --wide"])
        let fixed = try await Translator(backendProvider: { flags }, modelName: "m", cache: nil)
            .translate("pods in shop wide", context: SessionContext())
        #expect(fixed.command == "kubectl get pods -n shop -o wide")
        #expect(fixed.note?.contains("--wide → -o wide") == true)
    }
}
