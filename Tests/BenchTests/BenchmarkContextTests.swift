import Testing
import Session
@testable import Translate
@testable import Bench

@Suite("BenchmarkContext")
struct BenchmarkContextTests {
    static let pods = """
    NAME                       READY   STATUS             RESTARTS      AGE
    payments-api-7d9f8-x2k4q   0/1     CrashLoopBackOff   14 (2m ago)   3h
    web-5f6b9c-q8zr4           1/1     Running            0             2d

    """

    @Test func namespaceResourceAndSelection() {
        let context = BenchmarkContext(namespace: "shop", resource: "deploy", selection: "deployment/web").sessionContext()
        #expect(context.namespace == "shop")
        #expect(context.lastResource == "deployments")
        #expect(context.selection == ObjectSelection(resource: "deployments", name: "web", namespace: "shop"))
    }

    @Test func selectionMayNameItsNamespace() {
        let selection = BenchmarkContext(namespace: "shop", selection: "sts/redis in cache").objectSelection
        #expect(selection == ObjectSelection(resource: "statefulsets", name: "redis", namespace: "cache"))
    }

    @Test func clusterScopedSelectionHasNoNamespace() {
        let selection = BenchmarkContext(namespace: "shop", selection: "node/worker-3").objectSelection
        #expect(selection == ObjectSelection(resource: "nodes", name: "worker-3", namespace: nil))
    }

    @Test func malformedSelectionIsIgnored() {
        #expect(BenchmarkContext(selection: "web").objectSelection == nil)
        #expect(BenchmarkContext(selection: "deployment/").objectSelection == nil)
    }

    @Test func listingGoesThroughTheContextTracker() throws {
        let context = BenchmarkContext(namespace: "shop", listing: BenchmarkListing(command: "kubectl get pods", output: Self.pods))
            .sessionContext()
        let listing = try #require(context.listing)
        #expect(listing.resource == "pods")
        #expect(listing.namespace == "shop")
        #expect(listing.objects.map(\.name) == ["payments-api-7d9f8-x2k4q", "web-5f6b9c-q8zr4"])
        #expect(listing.objects.map(\.healthy) == [false, true])
        #expect(context.lastResource == "pods")
    }

    @Test func explicitResourceWinsOverTheListing() {
        let context = BenchmarkContext(resource: "services",
                                       listing: BenchmarkListing(command: "kubectl get pods", output: Self.pods)).sessionContext()
        #expect(context.lastResource == "services")
    }

    @Test func emptyContext() {
        #expect(BenchmarkContext().sessionContext() == SessionContext())
    }
}
