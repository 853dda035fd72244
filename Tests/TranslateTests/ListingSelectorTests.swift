import Foundation
import KubectlKit
import Session
import Testing
@testable import Translate
@testable import Bench

/// Listings as the shell's context tracker reads them from kubectl's own output.
enum Listings {
    static func read(_ command: String, _ output: String, namespace: String? = "shop") -> Listing {
        let context = BenchmarkContext(namespace: namespace, listing: BenchmarkListing(command: command, output: output))
        return context.sessionContext().listing!
    }

    /// web-1 crash-looping, worker pending, two healthy pods.
    static let mixed = read("kubectl get pods", """
    NAME                       READY   STATUS             RESTARTS      AGE
    web-0                      1/1     Running            0             5m
    web-1                      0/1     CrashLoopBackOff   7 (2m ago)    5m
    payments-api-7d9f8-x2x9q   1/1     Running            2 (1h ago)    5m
    worker-5c8d-abcde          0/1     Pending            0             5m
    """)

    /// Only healthy pods (after the failing ones were deleted).
    static let healthy = read("kubectl get pods", """
    NAME                       READY   STATUS    RESTARTS   AGE
    web-0                      1/1     Running   0          5m
    payments-api-7d9f8-x2x9q   1/1     Running   0          5m
    """)

    /// An all-namespaces listing with failing pods in two namespaces.
    static let allNamespaces = read("kubectl get pods -A", """
    NAMESPACE     NAME                       READY   STATUS             RESTARTS   AGE
    kube-system   coredns-6f6b679f8f-qwert   0/1     CrashLoopBackOff   4          5m
    shop          web-0                      1/1     Running            0          5m
    shop          web-1                      0/1     CrashLoopBackOff   7          5m
    """, namespace: nil)
}

@Suite("ListingSelector")
struct ListingSelectorTests {
    func names(_ request: String, _ listing: Listing = Listings.mixed) -> [String]? {
        ListingSelector.pick(request, listing: listing)?.rows.map(\.name)
    }

    @Test func stateWordsPickRowsByStatusReadyAndRestarts() {
        #expect(names("delete the failing ones") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("restart the crashing pods") == ["web-1"])
        #expect(names("describe the pending ones") == ["worker-5c8d-abcde"])
        #expect(names("delete the ones that aren't ready") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("describe the ones with restarts") == ["web-1", "payments-api-7d9f8-x2x9q"])
        #expect(names("delete all of them") == ["web-0", "web-1", "payments-api-7d9f8-x2x9q", "worker-5c8d-abcde"])
        #expect(names("describe the first two") == ["web-0", "web-1"])
        #expect(names("delete the web ones") == ["web-0", "web-1"])
        #expect(names("delete the failing web ones") == ["web-1"])
    }

    @Test func nothingMatchingIsAnEmptyPickWithItsLine() throws {
        let pick = try #require(ListingSelector.pick("delete the failing ones", listing: Listings.healthy))
        #expect(pick.rows.isEmpty)
        #expect(pick.refusal == NoTarget(.nothingMatches, "nothing in the last listing (pods in shop) is failing"))
        let pending = try #require(ListingSelector.pick("delete the pending pods", listing: Listings.healthy))
        #expect(pending.refusal?.message == "nothing in the last listing (pods in shop) is pending")
    }

    @Test func rowsInSeveralNamespacesAreRefusedAndOneNamespaceIsNot() throws {
        let pick = try #require(ListingSelector.pick("delete the failing ones", listing: Listings.allNamespaces))
        #expect(pick.refusal?.reason == .severalNamespaces)
        #expect(pick.refusal?.message.contains("(kube-system, shop)") == true)
        let web = try #require(ListingSelector.pick("delete the failing web ones", listing: Listings.allNamespaces))
        #expect(web.refusal == nil)
        #expect(web.namespaces == ["shop"])
    }

    @Test func freshQueriesOtherTypesAndOtherNamespacesPickNothing() {
        #expect(names("show the failing pods") == nil)
        #expect(names("which pods are not ready") == nil)
        #expect(names("restart the failing deployments") == nil)
        #expect(names("delete the failing pods in namespace kube-system") == nil)
        #expect(names("delete the failing pods in kube-system") == nil)
        #expect(names("delete the failing pods in shop") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("scale web to 3") == nil)
        #expect(names("delete the failing ones from the last listing") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("show logs of the failing ones") == ["web-1", "worker-5c8d-abcde"])
    }
}
