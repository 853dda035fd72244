import Testing
@testable import Translate

@Suite("Example retriever")
struct ExampleRetrieverTests {
    static let bank = ExampleBank(examples: [
        PromptExample(request: "scale web to 3", command: "kubectl scale deployment/web --replicas=3"),
        PromptExample(request: "logs of api-0 since 1h", command: "kubectl logs api-0 --since=1h"),
        PromptExample(request: "delete pod api-0", command: "kubectl delete pod api-0"),
        PromptExample(context: ["ns: shop", "selected: deployment/web in shop"], request: "scale it to 4",
                      command: "kubectl scale deployment/web -n shop --replicas=4"),
        PromptExample(context: ["listed pods in prod:", "NAME STATUS", "a-1 Error"], request: "delete the failing ones",
                      command: "kubectl delete pod a-1 -n prod"),
        PromptExample(request: "rollout restart deployment orders", command: "kubectl rollout restart deployment/orders"),
        PromptExample(request: "restart deploy orders", command: "kubectl rollout restart deployment/orders"),
    ])
    static let retriever = ExampleRetriever(bank: bank)

    @Test func nearestByWords() {
        let found = Self.retriever.nearest(to: "tail logs of web-1 since 2h", context: [], count: 1)
        #expect(found.map(\.command) == ["kubectl logs api-0 --since=1h"])
    }

    @Test func typosStillMeetTheirWordThroughTrigrams() {
        let found = Self.retriever.nearest(to: "rolout restrt billing", context: [], count: 1)
        #expect(found.first?.command == "kubectl rollout restart deployment/orders")
    }

    @Test func contextKindsCount() {
        let withSelection = Self.retriever.nearest(to: "scale it to 9", context: ["selected: deployment/api in data"], count: 1)
        #expect(withSelection.first?.request == "scale it to 4")
        let withListing = Self.retriever.nearest(to: "remove the broken ones",
                                                 context: ["listed pods in shop:", "NAME STATUS", "b-2 Error"], count: 1)
        #expect(withListing.first?.request == "delete the failing ones")
    }

    @Test func sameCommandIsShownOnceAndCountIsRespected() {
        let found = Self.retriever.nearest(to: "restart orders rollout deploy", context: [], count: 5)
        #expect(found.filter { $0.command == "kubectl rollout restart deployment/orders" }.count == 1)
        #expect(Self.retriever.nearest(to: "scale web", context: [], count: 0).isEmpty)
        #expect(Self.retriever.nearest(to: "web", context: [], count: 2).count <= 2)
    }

    @Test func aCharacterBudgetKeepsTheNearestAndSkipsLongOnes() {
        let unlimited = Self.retriever.nearest(to: "delete the failing pods api-0", context: [], count: 4)
        #expect(unlimited.count >= 2)
        let nearest = unlimited[0]
        // A budget smaller than any example still gives the nearest one.
        #expect(Self.retriever.nearest(to: "delete the failing pods api-0", context: [], count: 4, characterBudget: 1) == [nearest])
        // A budget that fits the short examples but not the one with a listing skips only that one.
        let listed = Self.bank.examples[4]
        let budget = unlimited.filter { $0 != listed }.reduce(0) { $0 + $1.promptLength }
        let cut = Self.retriever.nearest(to: "delete the failing pods api-0", context: [], count: 4, characterBudget: budget)
        #expect(cut.reduce(0) { $0 + $1.promptLength } <= max(budget, nearest.promptLength))
        if nearest != listed { #expect(!cut.contains(listed)) }
        #expect(PromptExample(request: "ab", command: "kubectl x").promptLength == "request: ab\nkubectl x".count)
    }

    @Test func unrelatedRequestsGetNothing() {
        #expect(Self.retriever.nearest(to: "zzzz qqqq", context: [], count: 3).isEmpty)
        #expect(ExampleRetriever(bank: ExampleBank(examples: [])).nearest(to: "pods", context: [], count: 3).isEmpty)
    }

    @Test func featuresFoldPluralsCaseAndPunctuation() {
        let features = RetrievalFeatures(request: "Pods, Deployments; svc/web", context: ["ns: x", "last type: pods"])
        #expect(features.words == ["pod", "~pod", "deployment", "~deployment", "svc", "~service", "web", "@ns", "@last"])
        #expect(features.trigrams.contains("#^de"))
        #expect(!features.trigrams.contains("#^sv"), "short words have no trigrams")
    }

    @Test func abbreviationsAndCommandWordsMeetTheirFullSpelling() {
        let query = RetrievalFeatures(request: "del ctx old-ferry pls", context: [])
        #expect(query.words.contains("~delete") && query.words.contains("~context"))
        #expect(query.words.contains("@delete") && query.words.contains("@context"))
        #expect(!query.words.contains("pls"))
        let configMaps = RetrievalFeatures(request: "names of the config maps", context: [])
        #expect(configMaps.words.contains("~configmap") && !configMaps.words.contains("@config"))
        #expect(RetrievalFeatures(request: "may sa builder delete pods", context: []).words.contains("@can"))
        let example = RetrievalFeatures(request: "roll back web", context: [], command: "kubectl rollout undo deploy/web")
        #expect(example.words.contains("@rollout") && example.words.contains("@undo"))
        let retriever = ExampleRetriever(bank: ExampleBank(examples: [
            PromptExample(request: "delete pod old-web", command: "kubectl delete pod old-web"),
            PromptExample(request: "remove the context staging from the kubeconfig", command: "kubectl config delete-context staging"),
        ]))
        #expect(retriever.nearest(to: "rm ctx old-ferry", context: [], count: 1).first?.command == "kubectl config delete-context staging")
    }

    @Test func shippedBankRetrievalIsFastEnoughToBuildOnce() {
        // Not a timing test: the shipped retriever answers, and only from the shipped bank.
        let found = ExampleRetriever.shipped.nearest(to: "scale checkout to 4", context: [], count: 4)
        #expect(found.count == 4)
        #expect(found.allSatisfy { example in ExampleBank.shipped.examples.contains(example) })
    }
}
