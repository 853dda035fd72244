import KubectlKit
import Testing
import Session

/// Runs `line` through the tracker as the shell would after kubectl finished.
func track(_ line: String, exit: Int32 = 0, output: String? = nil, _ context: inout SessionContext) throws {
    let command = try KubectlCommand.parse(line: line)
    ContextTracker.apply(command, line: "kubectl " + line, exitStatus: exit, output: output, to: &context)
}

@Suite struct ContextTrackerSelectionTests {
    @Test(arguments: [
        ("describe deploy/web", "deployments", "web", "shop"),
        ("describe deployment web", "deployments", "web", "shop"),
        ("logs web-0", "pods", "web-0", "shop"),
        ("logs -f web-0 -c app --tail=50", "pods", "web-0", "shop"),
        ("logs deploy/web", "deployments", "web", "shop"),
        ("exec -it web-0 -n payments -- sh", "pods", "web-0", "payments"),
        ("edit svc web", "services", "web", "shop"),
        ("scale deploy web --replicas=3", "deployments", "web", "shop"),
        ("rollout restart deploy/web", "deployments", "web", "shop"),
        ("rollout status deployment web -n staging", "deployments", "web", "staging"),
        ("get pod web-0 -o yaml", "pods", "web-0", "shop"),
        ("port-forward svc/web 8080:80", "services", "web", "shop"),
        ("get widgets.example.com gizmo", "widgets.example.com", "gizmo", "shop"),
    ])
    func focusesOnTheObject(_ line: String, _ resource: String, _ name: String, _ namespace: String) throws {
        var context = SessionContext(namespace: "shop", kubeconfigNamespace: "default")
        try track(line, &context)
        #expect(context.selection == ObjectSelection(resource: resource, name: name, namespace: namespace))
    }

    @Test func clusterScopedObjectsHaveNoNamespace() throws {
        var context = SessionContext(namespace: "shop")
        try track("describe node kind-worker", &context)
        #expect(context.selection == ObjectSelection(resource: "nodes", name: "kind-worker", namespace: nil))
    }

    @Test func namespaceFallsBackToKubeconfigThenDefault() throws {
        var context = SessionContext(kubeconfigNamespace: "team-a")
        try track("describe pod web-0", &context)
        #expect(context.selection?.namespace == "team-a")
        context.kubeconfigNamespace = nil
        try track("describe pod web-0", &context)
        #expect(context.selection?.namespace == "default")
    }

    @Test(arguments: ["get pods", "get pods web-0 web-1", "get po/web-0 svc/web", "apply -f web.yaml", "get pods -l app=web"])
    func commandsWithoutOneObjectKeepTheSelection(_ line: String) throws {
        let selected = ObjectSelection(resource: "deployments", name: "web", namespace: "shop")
        var context = SessionContext(namespace: "shop", selection: selected)
        try track(line, &context)
        #expect(context.selection == selected)
    }

    @Test func failedCommandKeepsTheSelection() throws {
        let selected = ObjectSelection(resource: "deployments", name: "web", namespace: "shop")
        var context = SessionContext(namespace: "shop", selection: selected)
        try track("describe deploy wbe", exit: 1, &context)
        #expect(context.selection == selected)
    }

    @Test func deletingTheSelectedObjectClearsIt() throws {
        var context = SessionContext(namespace: "shop")
        try track("describe pod web-1", &context)
        try track("delete pod web-2", &context)
        #expect(context.selection?.name == "web-1")
        try track("delete pod web-1", exit: 1, &context)
        #expect(context.selection?.name == "web-1")
        try track("delete pod web-1", &context)
        #expect(context.selection == nil)
    }
}

@Suite struct ContextTrackerNamespaceAndResourceTests {
    @Test func lastNamespaceComesFromFlagSessionKubeconfigOrDefault() throws {
        var context = SessionContext()
        try track("get pods", &context)
        #expect(context.lastNamespace == "default")
        context.kubeconfigNamespace = "team-a"
        try track("get pods", &context)
        #expect(context.lastNamespace == "team-a")
        context.namespace = "shop"
        try track("get pods", &context)
        #expect(context.lastNamespace == "shop")
        try track("get pods -n payments", &context)
        #expect(context.lastNamespace == "payments")
    }

    @Test(arguments: ["get pods -A", "get nodes", "get ns", "config view", "version", "cluster-info", "api-resources",
                      "drain kind-worker --ignore-daemonsets", "ns shop"])
    func commandsOutsideANamespaceKeepLastNamespace(_ line: String) throws {
        var context = SessionContext(namespace: "shop", lastNamespace: "payments")
        try track(line, &context)
        #expect(context.lastNamespace == "payments")
    }

    @Test(arguments: [
        ("get po", "pods"), ("logs web-0", "pods"), ("describe deploy/web", "deployments"), ("get ing", "ingresses"),
        ("get deployments.apps", "deployments"), ("top pod web-0", "pods"), ("get widgets.example.com", "widgets.example.com"),
        ("get Widgets", "widgets"),
    ])
    func lastResourceIsTheCanonicalPlural(_ line: String, _ resource: String) throws {
        var context = SessionContext()
        try track(line, &context)
        #expect(context.lastResource == resource)
    }

    @Test(arguments: ["get pods,svc", "get all", "version", "config view", "apply -f web.yaml"])
    func commandsWithoutOneTypeKeepLastResource(_ line: String) throws {
        var context = SessionContext(lastResource: "deployments")
        try track(line, &context)
        #expect(context.lastResource == "deployments")
    }

    @Test func failedCommandUpdatesNamespaceAndBuiltInResourceOnly() throws {
        var context = SessionContext(namespace: "shop", lastNamespace: "shop", lastResource: "pods")
        try track("get deploy -n payments", exit: 1, &context)
        #expect(context.lastNamespace == "payments")
        #expect(context.lastResource == "deployments")
        try track("get deploymnets", exit: 1, &context)
        #expect(context.lastResource == "deployments", "a misspelt type is not remembered")
    }
}

@Suite struct ContextTrackerListingTests {
    @Test func podTableBecomesTheListing() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods", output: KubectlOutput.pods, &context)
        let listing = try #require(context.listing)
        #expect(listing.resource == "pods")
        #expect(listing.namespace == "shop")
        #expect(listing.command == "kubectl get pods")
        #expect(listing.objects.map(\.name) == ["web-7d4b9c8f6d-2xkqz", "web-7d4b9c8f6d-9hj4s", "api-5f6c7d8b9-lmn4p", "migrate-28461234-x7k2p"])
        #expect(listing.objects.map(\.healthy) == [true, false, false, true])
        #expect(listing.objects.allSatisfy { $0.namespace == "shop" && $0.resource == "pods" })
        #expect(listing.objects[1].columns == ["READY": "0/1", "STATUS": "CrashLoopBackOff", "RESTARTS": "12 (2m ago)", "AGE": "3d2h"])
    }

    @Test func allNamespacesListingTakesNamespacesFromTheColumn() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods -A", output: KubectlOutput.podsAllNamespaces, &context)
        let listing = try #require(context.listing)
        #expect(listing.namespace == nil)
        #expect(listing.objects.map(\.namespace) == ["kube-system", "kube-system", "shop"])
        #expect(listing.objects.map(\.healthy) == [true, true, false])
        #expect(listing.objects[0].columns["NAMESPACE"] == nil)
    }

    @Test func wideOutputIsATable() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods -o wide", output: KubectlOutput.podsWide, &context)
        let listing = try #require(context.listing)
        #expect(listing.objects.map(\.name) == ["web-0", "web-1"])
        #expect(listing.objects.map(\.healthy) == [true, false])
        #expect(listing.objects[1].columns["NODE"] == "kind-worker2")
        #expect(listing.objects[1].columns["NOMINATED NODE"] == "<none>")
    }

    @Test func deploymentsAndNodes() throws {
        var context = SessionContext(namespace: "shop")
        try track("get deploy", output: KubectlOutput.deployments, &context)
        #expect(context.listing?.resource == "deployments")
        #expect(context.listing?.objects.map(\.healthy) == [true, false])
        try track("get nodes", output: KubectlOutput.nodes, &context)
        let listing = try #require(context.listing)
        #expect(listing.resource == "nodes")
        #expect(listing.namespace == nil)
        #expect(listing.objects.map(\.namespace) == [nil, nil])
        #expect(listing.objects.map(\.healthy) == [true, false])
    }

    @Test func severalTypesInOneListing() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods,svc", output: KubectlOutput.podsAndServices, &context)
        let listing = try #require(context.listing)
        #expect(listing.resource == nil)
        #expect(listing.objects.map(\.name) == ["web-0", "kubernetes", "web"])
        #expect(listing.objects.map(\.resource) == ["pods", "services", "services"])
        #expect(listing.objects.map(\.healthy) == [true, nil, nil])
    }

    @Test func nameOutputCounts() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods -o name", output: KubectlOutput.podNames, &context)
        let listing = try #require(context.listing)
        #expect(listing.objects == [
            ListedObject(name: "web-0", namespace: "shop", resource: "pods"),
            ListedObject(name: "web-1", namespace: "shop", resource: "pods"),
        ])
        try track("get all -o name", output: "pod/web-0\nservice/web\ndeployment.apps/web\nnode/kind-worker\n", &context)
        #expect(context.listing?.objects.map(\.resource) == ["pods", "services", "deployments", "nodes"])
        #expect(context.listing?.objects.map(\.namespace) == ["shop", "shop", "shop", nil])
    }

    @Test(arguments: [
        ("get pod web-0 -o json", KubectlOutput.podJSON),
        ("get pod web-0 -o yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n"),
        ("get pods -o jsonpath={.items[*].metadata.name}", "web-0 web-1"),
        ("get pods -o custom-columns=NAME:.metadata.name", "NAME\nweb-0\n"),
        ("get pods --watch", KubectlOutput.pods),
        ("get pods --no-headers", "web-0   1/1   Running   0   5m\n"),
    ])
    func otherFormatsLeaveTheListing(_ line: String, _ output: String) throws {
        let before = Listing(resource: "deployments", namespace: "shop", command: "kubectl get deploy",
                             objects: [ListedObject(name: "web", resource: "deployments")])
        var context = SessionContext(namespace: "shop", listing: before)
        try track(line, output: output, &context)
        #expect(context.listing == before)
    }

    @Test func uncapturedOrFailedGetLeavesTheListing() throws {
        let before = Listing(resource: "pods", namespace: "shop", command: "kubectl get pods", objects: [ListedObject(name: "web-0")])
        var context = SessionContext(namespace: "shop", listing: before)
        try track("get deploy", output: nil, &context)
        #expect(context.listing == before)
        try track("get deploy", exit: 1, output: "", &context)
        #expect(context.listing == before)
    }

    @Test func emptyOutputIsAnEmptyListing() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods", output: "", &context)
        #expect(context.listing == Listing(resource: "pods", namespace: "shop", command: "kubectl get pods", objects: []))
    }

    @Test func listingKeepsAtMost200Rows() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods", output: KubectlOutput.manyPods(250), &context)
        let listing = try #require(context.listing)
        #expect(listing.objects.count == ContextTracker.maxListedObjects)
        #expect(listing.objects.first?.name == "web-0")
        #expect(listing.objects.last?.name == "web-199")
    }

    @Test func deleteDropsTheObjectFromTheListing() throws {
        var context = SessionContext(namespace: "shop")
        try track("get pods", output: KubectlOutput.pods, &context)
        try track("delete pod web-7d4b9c8f6d-9hj4s", &context)
        #expect(context.listing?.objects.map(\.name) == ["web-7d4b9c8f6d-2xkqz", "api-5f6c7d8b9-lmn4p", "migrate-28461234-x7k2p"])
        try track("delete deploy api-5f6c7d8b9-lmn4p", &context)
        #expect(context.listing?.objects.count == 3, "a deployment of that name is not the pod")
        try track("delete pod migrate-28461234-x7k2p -n other", &context)
        #expect(context.listing?.objects.count == 3, "a pod of that name elsewhere is not this one")
    }
}

@Suite struct ContextTrackerKubeconfigTests {
    @Test func useContextSwitchesKubeconfigsContextAndForgetsTheOldCluster() throws {
        var context = SessionContext(kubeconfigContext: "kind-dev", kubeconfigNamespace: "shop",
                                     selection: ObjectSelection(resource: "pods", name: "web-0", namespace: "shop"),
                                     listing: Listing(resource: "pods", namespace: "shop", command: "kubectl get pods", objects: []))
        try track("config use-context prod", exit: 1, &context)
        #expect(context.kubeconfigContext == "kind-dev")
        try track("config use-context prod", &context)
        #expect(context.kubeconfigContext == "prod")
        #expect(context.kubeconfigNamespace == nil)
        #expect(context.selection == nil)
        #expect(context.listing == nil)
        #expect(context.effectiveContext == "prod")
    }

    @Test func useContextUnderASessionContextKeepsTheSelection() throws {
        let selection = ObjectSelection(resource: "pods", name: "web-0", namespace: "shop")
        var context = SessionContext(kubeContext: "staging", kubeconfigContext: "kind-dev", selection: selection)
        try track("config use-context prod", &context)
        #expect(context.kubeconfigContext == "prod")
        #expect(context.effectiveContext == "staging")
        #expect(context.selection == selection)
    }

    @Test func setContextNamespaceOfTheCurrentContext() throws {
        var context = SessionContext(kubeconfigContext: "kind-dev", kubeconfigNamespace: "default")
        try track("config set-context --current --namespace=shop", &context)
        #expect(context.kubeconfigNamespace == "shop")
        try track("config set-context kind-dev --namespace payments", &context)
        #expect(context.kubeconfigNamespace == "payments")
        try track("config set-context prod --namespace=web", &context)
        #expect(context.kubeconfigNamespace == "payments")
        #expect(context.lastNamespace == nil)
    }
}

@Suite struct ContextTrackerPrefixTests {
    /// The shell passes the command as it ran: with `kubectl` and the `-n`/`--context` it added.
    @Test func commandsAsTheShellRunsThem() throws {
        var context = SessionContext(namespace: "shop", kubeconfigContext: "kind-dev")
        let get = try KubectlCommand.parse(line: "kubectl get pods -n shop --context kind-dev")
        ContextTracker.apply(get, line: "kubectl get pods -n shop --context kind-dev", exitStatus: 0,
                             output: KubectlOutput.pods, to: &context)
        #expect(context.listing?.command == "kubectl get pods -n shop --context kind-dev")
        #expect(context.listing?.objects.count == 4)
        let logs = try KubectlCommand.parse(line: "kubectl logs web-0 -n shop")
        ContextTracker.apply(logs, line: "kubectl logs web-0 -n shop", exitStatus: 0, output: nil, to: &context)
        #expect(context.selection == ObjectSelection(resource: "pods", name: "web-0", namespace: "shop"))
        let use = try KubectlCommand.parse(line: "kubectl config use-context prod")
        ContextTracker.apply(use, line: "kubectl config use-context prod", exitStatus: 0, output: nil, to: &context)
        #expect(context.kubeconfigContext == "prod")
    }

    @Test func linesThatAreNotCommandsChangeNothing() throws {
        let before = SessionContext(namespace: "shop", lastNamespace: "shop", lastResource: "pods")
        var context = before
        ContextTracker.apply(KubectlCommand.parse(["--help"]), line: "kubectl --help", exitStatus: 0, output: "", to: &context)
        #expect(context == before)
    }
}
