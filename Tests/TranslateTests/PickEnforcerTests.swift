import Foundation
import Session
import Testing
@testable import Translate

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

    @Test func aGarbledObjectOfAOneObjectVerbIsReplaced() {
        // Mixed: web-0, web-1, payments-api-…, worker-…: the second row.
        let result = enforce("kubectl logs shop/pod/api-6c9d8-7k2lp -n shop", "the 2nd one's logs")
        #expect(result.command == "kubectl logs web-1 -n shop")
        // The right row behind a namespace written as a type.
        #expect(enforce("kubectl logs shop/web-1", "the 2nd one's logs").command == "kubectl logs web-1")
        // Another type the request reads (the deployment of a pod) stays.
        #expect(enforce("kubectl logs deployment/web", "the 2nd one's logs").command == "kubectl logs deployment/web")
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

@Suite("PickEnforcer: node verbs take names")
struct PickEnforcerNodeTests {
    @Test func aNodeVerbGetsTheNodesNamesAlone() {
        let pick = ListingSelector.pick("uncordon teh cordoned node", listing: ListingSelectorStateTests.nodes)!
        #expect(PickEnforcer.apply("kubectl uncordon node/gpu-node-1", pick: pick, defaultNamespace: nil).command == "kubectl uncordon ip-10-2-11-6")
        #expect(PickEnforcer.apply("kubectl uncordon node gpu-node-1", pick: pick, defaultNamespace: nil).command == "kubectl uncordon ip-10-2-11-6")
        // Other verbs keep the type: `describe node ip-…`.
        #expect(PickEnforcer.apply("kubectl describe node gpu-node-1", pick: pick, defaultNamespace: nil).command
            == "kubectl describe node ip-10-2-11-6")
    }
}
