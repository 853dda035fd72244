import Testing
@testable import Translate
@testable import Bench

@Suite("BenchmarkScorer")
struct BenchmarkScorerTests {
    func score(_ produced: String?, _ expected: [String], ns: String? = nil) -> BenchmarkScore {
        BenchmarkScorer.score(produced: produced, expected: expected, sessionNamespace: ns)
    }

    @Test func exactIgnoresOnlyWhitespace() {
        #expect(score("  kubectl   get pods\t-n  shop ", ["kubectl get pods -n shop"]) ==
                BenchmarkScore(exact: true, semantic: true, matched: "kubectl get pods -n shop"))
        let reordered = score("kubectl get pods -n shop -o wide", ["kubectl get pods -o wide -n shop"])
        #expect(!reordered.exact)
        #expect(reordered.semantic)
    }

    @Test func anyExpectedCommandMatches() {
        let result = score("kubectl exec -it redis-0 -- bash", ["kubectl exec -it redis-0 -- sh", "kubectl exec -it redis-0 -- bash"])
        #expect(result.exact)
        #expect(result.matched == "kubectl exec -it redis-0 -- bash")
    }

    @Test(arguments: [
        ("kubectl get po -n kube-system", "kubectl get pods --namespace kube-system"),
        ("kubectl scale deploy/checkout --replicas 3", "kubectl scale deployment checkout --replicas=3"),
        ("kubectl logs -f web-0 --tail 100", "kubectl logs web-0 --follow --tail=100"),
        ("kubectl get svc frontend -o json", "kubectl get service frontend --output=json"),
        ("kubectl get deployment/web -o yaml", "kubectl get deploy web -o yaml"),
        ("kubectl exec -it redis-0 -- sh", "kubectl exec --stdin --tty redis-0 -- sh"),
        ("kubectl get pods -l 'env!=prod'", "kubectl get pods -l env!=prod"),
        ("kubectl get pods -A", "kubectl get pods --all-namespaces"),
        ("kubectl rollout restart deploy orders", "kubectl rollout restart deployment/orders"),
        ("kubectl port-forward service/frontend 8080:80", "kubectl port-forward svc/frontend 8080:80"),
        ("kubectl apply -R -f k8s/", "kubectl apply -f k8s/ --recursive"),
        ("kubectl delete pod x --force --grace-period 0", "kubectl delete pods x --grace-period=0 --force"),
    ])
    func normalisedFormsAreSemanticMatches(produced: String, expected: String) {
        let result = score(produced, [expected])
        #expect(!result.exact)
        #expect(result.semantic, "\(produced) vs \(expected)")
    }

    @Test(arguments: [
        ("kubectl get pods -n shop", "kubectl get pods -n payments"),
        ("kubectl scale deployment web --replicas=3", "kubectl scale deployment web --replicas=4"),
        ("kubectl get pods", "kubectl get pods -A"),
        ("kubectl logs web-0", "kubectl logs web-0 --previous"),
        ("kubectl delete pod a b", "kubectl delete pod a"),
        ("kubectl get deployments", "kubectl get pods"),
    ])
    func differentCommandsMiss(produced: String, expected: String) {
        #expect(score(produced, [expected]) == .miss)
    }

    @Test func nothingProducedIsAMiss() {
        #expect(score(nil, ["kubectl get pods"]) == .miss)
        #expect(score("   ", ["kubectl get pods"]) == .miss)
    }

    @Test func sessionNamespaceFlagIsImplied() {
        // k1 adds -n shop to a line without -n when the session namespace is shop.
        #expect(score("kubectl scale deployment web -n shop --replicas=3", ["kubectl scale deployment web --replicas=3"], ns: "shop").semantic)
        #expect(score("kubectl scale deployment web --replicas=3", ["kubectl scale deployment web -n shop --replicas=3"], ns: "shop").semantic)
        // Another namespace is another command.
        #expect(!score("kubectl scale deployment web -n cache --replicas=3", ["kubectl scale deployment web --replicas=3"], ns: "shop").semantic)
        // Without a session namespace, -n shop is not implied.
        #expect(!score("kubectl scale deployment web -n shop --replicas=3", ["kubectl scale deployment web --replicas=3"]).semantic)
    }

    @Test func namespaceOnClusterScopedCommandsIsNeverImplied() {
        #expect(!score("kubectl get nodes -n shop", ["kubectl get nodes"], ns: "shop").semantic)
        #expect(!score("kubectl cordon worker-4 -n shop", ["kubectl cordon worker-4"], ns: "shop").semantic)
        #expect(!score("kubectl describe node worker-4 -n shop", ["kubectl describe node worker-4"], ns: "shop").semantic)
    }

    @Test func wordsAfterDoubleDashAreKept() {
        #expect(!score("kubectl exec redis-0 -- env --namespace=shop", ["kubectl exec redis-0 -- env"], ns: "shop").semantic)
    }

    @Test func shellLinesCompareFolded() {
        #expect(score("kubectl get pods | grep web", ["kubectl get pods | grep web"]).exact)
        #expect(!score("kubectl get pods | grep web", ["kubectl get pods"]).semantic)
    }

    @Test func caseScoringUsesTheCaseNamespace() {
        let item = BenchmarkCase(id: "context-x", category: .context, prompt: "scale it to 3",
                                 expected: ["kubectl scale deployment checkout --replicas=3"],
                                 context: BenchmarkContext(namespace: "shop", selection: "deployment/checkout"))
        #expect(BenchmarkScorer.score("kubectl scale deploy/checkout -n shop --replicas 3", for: item).semantic)
    }
}
