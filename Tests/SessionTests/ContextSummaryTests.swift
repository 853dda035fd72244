import KubectlKit
import Testing
import Session

@Suite struct ContextSummaryTests {
    @Test func emptyContext() {
        #expect(ContextTracker.summary(SessionContext()) == [
            "namespace: default (kubeconfig sets none)",
            "context: none (kubeconfig has no current context)",
            "listing: none",
        ])
    }

    @Test func sessionSettingsWinOverKubeconfig() {
        let context = SessionContext(namespace: "shop", kubeContext: "staging", kubeconfigContext: "kind-dev",
                                     kubeconfigNamespace: "default")
        #expect(Array(ContextTracker.summary(context).prefix(2)) == [
            "namespace: shop (set with :ns)",
            "context: staging (set with :ctx; kubeconfig: kind-dev)",
        ])
        let kubeconfigOnly = SessionContext(kubeconfigContext: "kind-dev", kubeconfigNamespace: "team-a")
        #expect(Array(ContextTracker.summary(kubeconfigOnly).prefix(2)) == [
            "namespace: team-a (kubeconfig)",
            "context: kind-dev (kubeconfig)",
        ])
    }

    @Test func afterAFewCommands() throws {
        var context = SessionContext(namespace: "shop", kubeconfigContext: "kind-dev", kubeconfigNamespace: "default")
        try track("get pods", output: KubectlOutput.pods, &context)
        try track("describe deploy/web", &context)
        #expect(ContextTracker.summary(context) == [
            "namespace: shop (set with :ns)",
            "context: kind-dev (kubeconfig)",
            "last namespace: shop",
            "last resource: deployments",
            "selection: deployments/web in shop",
            "listing: kubectl get pods — 4 pods in shop, 2 unhealthy",
            "  web-7d4b9c8f6d-2xkqz    Running, ready 1/1",
            "  web-7d4b9c8f6d-9hj4s    CrashLoopBackOff, ready 0/1, restarts 12 (2m ago)  [unhealthy]",
            "  api-5f6c7d8b9-lmn4p     Running, ready 1/2, restarts 1 (5h ago)  [unhealthy]",
            "  migrate-28461234-x7k2p  Completed, ready 0/1",
        ])
    }

    @Test func allNamespacesAndMixedTypesShowWhereEachObjectIs() throws {
        var context = SessionContext()
        try track("get pods -A", output: KubectlOutput.podsAllNamespaces, &context)
        #expect(Array(ContextTracker.summary(context).suffix(4)) == [
            "listing: kubectl get pods -A — 3 pods, 1 unhealthy",
            "  coredns-76f75df574-8xv2k (kube-system)  Running, ready 1/1",
            "  etcd-kind-control-plane (kube-system)   Running, ready 1/1",
            "  web-0 (shop)                            Pending, ready 0/1  [unhealthy]",
        ])
        try track("get pods,svc -n shop", output: KubectlOutput.podsAndServices, &context)
        #expect(Array(ContextTracker.summary(context).suffix(4)) == [
            "listing: kubectl get pods,svc -n shop — 3 objects in shop",
            "  pods/web-0           Running, ready 1/1",
            "  services/kubernetes",
            "  services/web",
        ])
    }

    @Test func otherWorkloadStatuses() throws {
        var context = SessionContext(namespace: "shop")
        try track("get deploy", output: KubectlOutput.deployments, &context)
        #expect(Array(ContextTracker.summary(context).suffix(3)) == [
            "listing: kubectl get deploy — 2 deployments in shop, 1 unhealthy",
            "  web  ready 3/3",
            "  api  ready 1/2  [unhealthy]",
        ])
        try track("get node kind-worker", output: "NAME          STATUS     ROLES    AGE   VERSION\nkind-worker   NotReady   <none>   30d   v1.32.2\n", &context)
        #expect(Array(ContextTracker.summary(context).suffix(2)) == [
            "listing: kubectl get node kind-worker — 1 node, 1 unhealthy",
            "  kind-worker  NotReady  [unhealthy]",
        ])
    }

    @Test func longListingsAreShortened() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods", output: KubectlOutput.manyPods(30), &context)
        let lines = ContextTracker.summary(context, maxObjects: 5)
        #expect(lines.last == "  … and 25 more")
        #expect(lines.filter { $0.hasPrefix("  web-") }.count == 5)
        #expect(lines.contains("listing: kubectl get pods — 30 pods in shop, 10 unhealthy"))
    }

    @Test func emptyListing() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods", output: "", &context)
        #expect(ContextTracker.summary(context).last == "listing: kubectl get pods — no objects")
    }
}
