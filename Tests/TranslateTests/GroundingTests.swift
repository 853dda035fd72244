import Testing
@testable import Translate

@Suite("Grounding")
struct GroundingTests {
    func repair(_ command: String, _ request: String, _ context: [String] = []) -> String {
        Grounding.repair(command, request: request, context: context).command
    }

    @Test func dropsNamespacesNobodyMentioned() {
        #expect(repair("kubectl describe pod api-7c9d5-kx2lq -n shop", "describe pod api-7c9d5-kx2lq") == "kubectl describe pod api-7c9d5-kx2lq")
        #expect(repair("kubectl get nodes --namespace=default", "nodes") == "kubectl get nodes")
        #expect(repair("kubectl scale deployment/cart --replicas=0 -n default", "scale deployment cart to 0")
                == "kubectl scale deployment/cart --replicas=0")
        let result = Grounding.repair("kubectl get pods -n shop", request: "pods", context: [])
        #expect(result.removed == ["-n shop"])
    }

    @Test func keepsNamespacesFromTheRequestOrContext() {
        #expect(repair("kubectl get pods -n kube-system", "pods in the kube system namespace") == "kubectl get pods -n kube-system")
        #expect(repair("kubectl logs api-0 -n data", "its logs", ["selected: pod/api-0 in data"]) == "kubectl logs api-0 -n data")
        #expect(repair("kubectl get pods -n prod", "pods", ["ns: prod"]) == "kubectl get pods -n prod")
    }

    @Test func dropsNamespacesOnClusterScopedTypes() {
        #expect(repair("kubectl get nodes -n prod", "list nodes", ["ns: prod"]) == "kubectl get nodes")
        #expect(repair("kubectl cordon worker-2 --namespace=prod", "cordon worker-2 in prod") == "kubectl cordon worker-2")
        #expect(repair("kubectl get pods -n prod", "pods", ["ns: prod"]) == "kubectl get pods -n prod")
    }

    @Test func dropsMadeUpContainersOnlyForContainerVerbs() {
        #expect(repair("kubectl logs -f frontend-1 -c frontend-app", "follow logs of frontend-1") == "kubectl logs -f frontend-1")
        #expect(repair("kubectl logs web-0 -c nginx", "logs of the nginx container in web-0") == "kubectl logs web-0 -c nginx")
        #expect(repair("kubectl exec -it redis-0 -- sh -c 'redis-cli -n 2'", "redis cli in redis-0")
                == "kubectl exec -it redis-0 -- sh -c 'redis-cli -n 2'")
    }

    @Test func leavesShellAndOddLinesAlone() {
        #expect(repair("kubectl get pods -n shop | grep web", "web pods") == "kubectl get pods -n shop | grep web")
        #expect(repair("kubectl get pods -n 'shop", "pods") == "kubectl get pods -n 'shop")
        #expect(repair("kubectl get pods -n", "pods") == "kubectl get pods -n")
    }

    @Test func unknownNamesAreTheOnesNobodyMentioned() {
        #expect(Grounding.unknownNames(in: "kubectl describe node worker-node-3", request: "describe node worker-3", context: []) == ["worker-node-3"])
        #expect(Grounding.unknownNames(in: "kubectl describe node worker-3", request: "describe node worker-3", context: []).isEmpty)
        #expect(Grounding.unknownNames(in: "kubectl scale deployment/web -n shop --replicas=5", request: "scale it to 5",
                                       context: ["selected: deployment/web in shop"]).isEmpty)
        #expect(Grounding.unknownNames(in: "kubectl logs payments-api-7d9f8-x2k4q", request: "logs of payments api 7d9f8 x2k4q",
                                       context: []).isEmpty, "spelling of separators does not matter")
        #expect(Grounding.unknownNames(in: "kubectl get pods -l app=web", request: "pods", context: []).isEmpty,
                "label values are not object names")
        #expect(Grounding.unknownNames(in: "kubectl get pods | grep x", request: "pods", context: []).isEmpty)
    }

    @Test func pluralisedShortNamesBecomeRealTypes() {
        #expect(Grounding.fixTypes("kubectl get netpols -n shop").command == "kubectl get networkpolicies -n shop")
        #expect(Grounding.fixTypes("kubectl describe pvcs/data-0").command == "kubectl describe persistentvolumeclaims/data-0")
        #expect(Grounding.fixTypes("kubectl get deploy,hpas").command == "kubectl get deploy,horizontalpodautoscalers")
        #expect(Grounding.fixTypes("kubectl get pods").fixed.isEmpty)
        #expect(Grounding.fixTypes("kubectl get certificates").fixed.isEmpty, "custom resources are left alone")
        #expect(Grounding.fixTypes("kubectl get netpols | wc -l").fixed.isEmpty)
    }
}
