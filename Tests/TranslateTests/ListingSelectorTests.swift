import Foundation
import KubectlKit
import Session
import Testing
@testable import Translate

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

@Suite("PickEnforcer")
struct PickEnforcerTests {
    func enforce(_ command: String, _ request: String = "delete the failing ones",
                 listing: Listing = Listings.mixed, namespace: String? = "shop") -> PickEnforcer.Result {
        let pick = ListingSelector.pick(request, listing: listing)!
        return PickEnforcer.apply(command, pick: pick, defaultNamespace: namespace)
    }

    @Test func exactlyThePickedRowsAreLeftAlone() {
        let result = enforce("kubectl delete pod worker-5c8d-abcde web-1")
        #expect(result.command == "kubectl delete pod worker-5c8d-abcde web-1")
        #expect(result.note == nil && result.issue == nil)
    }

    @Test func otherRowsAreReplacedWithANote() {
        let result = enforce("kubectl delete pod web-0 payments-api-7d9f8-x2x9q -n shop")
        #expect(result.command == "kubectl delete pod web-1 worker-5c8d-abcde -n shop")
        #expect(result.note == "targets set to the failing pods in the last listing: web-1, worker-5c8d-abcde")
    }

    @Test func selectorsAndAllAreReplacedByNames() {
        #expect(enforce("kubectl delete pods -l app=web").command == "kubectl delete pod web-1 worker-5c8d-abcde")
        #expect(enforce("kubectl delete pods --field-selector=status.phase!=Running --all").command
                == "kubectl delete pod web-1 worker-5c8d-abcde")
        #expect(enforce("kubectl delete pods --all --grace-period 0").command
                == "kubectl delete pod web-1 worker-5c8d-abcde --grace-period 0")
    }

    @Test func oneObjectVerbsWarnWhenSeveralRowsArePicked() {
        let result = enforce("kubectl logs web-1", "show logs of the failing ones")
        #expect(result.command == "kubectl logs web-1")
        #expect(result.issue?.message.hasPrefix("kubectl logs takes one object") == true)
        let single = enforce("kubectl logs web-0", "show logs of the crashing ones")
        #expect(single.command == "kubectl logs web-1")
    }

    @Test func theRowsNamespaceIsSetWhenTheCommandWouldRunElsewhere() {
        let result = enforce("kubectl delete pod web-1 -A", "delete the failing web ones", listing: Listings.allNamespaces,
                             namespace: "default")
        #expect(result.command == "kubectl delete pod web-1 -n shop")
        let same = enforce("kubectl delete pod web-1 worker-5c8d-abcde", namespace: "shop")
        #expect(same.note == nil)
    }

    @Test func commandsOnAnotherTypeAreNotTheRows() {
        let events = "kubectl get events --field-selector involvedObject.name=web-1"
        #expect(enforce(events, "show events of the failing ones") == PickEnforcer.Result(command: events))
        let deployment = "kubectl rollout restart deployment web"
        #expect(enforce(deployment, "restart the crashing ones") == PickEnforcer.Result(command: deployment))
    }

    @Test func unparsableLinesGetAWarning() {
        let result = enforce("kubectl get pods | grep Crash | xargs kubectl delete pod")
        #expect(result.issue != nil)
        #expect(result.command.contains("xargs"))
    }
}
