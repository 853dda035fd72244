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
}
