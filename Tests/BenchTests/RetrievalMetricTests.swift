import Testing
@testable import Translate
@testable import Bench
import TestSupport

@Suite("RetrievalMetric: retrieval measured without the model")
struct RetrievalMetricTests {
    static let retriever = ExampleRetriever(bank: ExampleBank(examples: [
        PromptExample(request: "roll back deployment web", command: "kubectl rollout undo deployment/web"),
        PromptExample(request: "roll back deployment web to revision 2", command: "kubectl rollout undo deployment/web --to-revision=2"),
        PromptExample(request: "pods in shop", command: "kubectl get pods -n shop"),
    ]))

    @Test func pathsAndKeyFlags() {
        #expect(RetrievalMetric.path(of: "kubectl rollout undo deploy/web") == "rollout undo")
        #expect(RetrievalMetric.path(of: "kubectl frobnicate") == nil)
        #expect(RetrievalMetric.keyFlags(of: "kubectl get pods -n shop -o wide -l app=web") == ["selector"])
    }

    @Test func countsPathAndFlagHits() {
        let cases = [
            BenchmarkCase(id: "a", category: .simple, prompt: "roll back the api deployment", expected: ["kubectl rollout undo deployment/api"], voice: "operator"),
            BenchmarkCase(id: "b", category: .simple, prompt: "roll back api to revision 4", expected: ["kubectl rollout undo deployment/api --to-revision=4"]),
            BenchmarkCase(id: "c", category: .simple, prompt: "drain node n1", expected: ["kubectl drain n1 --ignore-daemonsets"]),
            BenchmarkCase(id: "d", category: .fix, prompt: "fix it", expected: ["not a command"]),
        ]
        var options = PromptBuilder.Options()
        options.retrievedExamples = 1
        let result = RetrievalMetric.measure(cases, options: options, retriever: Self.retriever)
        #expect(result.total == RetrievalMetric.Counts(cases: 3, pathHits: 2, flagHits: 2))
        #expect(result.byVoice["operator"]?.cases == 1)
        #expect(result.misses.map(\.id) == ["c"])
        #expect(RetrievalMetric.render(result).contains("voice operator"))
    }
}
