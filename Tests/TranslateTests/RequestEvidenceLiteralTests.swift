import Testing
@testable import Translate

@Suite("RequestEvidence: what the request writes literally, and namespaces that are something else")
struct RequestEvidenceLiteralTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func flagsWrittenInTheRequest() {
        let result = fix("kubectl attach tty-9 -c main", "attach -it pod tty-9 ctr main")
        #expect(result.command == "kubectl attach tty-9 -c main -it")
        #expect(result.kinds == [.output])
        #expect(fix("kubectl get pods", "get pods --show-labels pls").command == "kubectl get pods --show-labels")
        // A flag the verb lacks, one already there, or a negative number: unchanged.
        #expect(fix("kubectl get pods", "get pods -it").kinds.isEmpty)
        #expect(fix("kubectl attach tty-9 -i -t", "attach -it tty-9").kinds.isEmpty)
        #expect(fix("kubectl scale deploy a --replicas=2", "scale deploy a by -1 to 2").kinds.isEmpty)
    }

    @Test func aNamespaceWrittenAsAName() {
        let result = fix("kubectl annotate deployment farm owner-", "Remove the annotation owner from all the deployments in the namespace farm.")
        #expect(result.command == "kubectl annotate deployment owner- -n farm --all")
        // "in POD" names a pod, not a namespace.
        #expect(fix("kubectl exec quill-db-0 -- ls /data", "exec ls /data in quill-db-0").kinds.isEmpty)
        #expect(fix("kubectl describe deployment farm -n farm", "describe deploy farm in ns farm").kinds.isEmpty)
    }

    @Test func aNamespaceThatIsAnObjectOrAnIdentity() {
        #expect(fix("kubectl set env deployment/sage -n sage --from=configmap/feat",
                    "Add all keys of the config map feat as environment variables to the deployment sage.").command
            == "kubectl set env deployment/sage --from=configmap/feat")
        #expect(fix("kubectl get deployments -n qa --as-group=qa", "as group qa list deploys").command == "kubectl get deployments --as-group=qa")
        #expect(fix("kubectl get deployment sage -n sage", "deploy sage in ns sage").kinds.isEmpty)
    }

    @Test func objectsOfSeveralTypes() {
        #expect(fix("kubectl delete service relic deployment relic", "Delete the service named relic and the deployment named relic.").command
            == "kubectl delete service/relic deployment/relic")
        #expect(fix("kubectl delete pods a b", "delete pods a and b").kinds.isEmpty)
    }

    @Test func containerWordsAndLastLines() {
        #expect(fix("kubectl logs deployment/hub ctr nginx --since=50m -c nginx", "logs deploy hub ctr nginx last 50").command
            == "kubectl logs deployment/hub -c nginx --tail=50")
        #expect(fix("kubectl logs web-0 --since=50m", "logs of web-0 from the last 50 minutes").kinds.isEmpty)
    }

    @Test func oneOfAList() {
        #expect(fix("kubectl get services -l app in port", "List the services in the namespace port whose label app is one of web, api or cdn.").command
            == "kubectl get services -l 'app in (web,api,cdn)' -n port")
        #expect(fix("kubectl get pods", "pods whose tier is either web or api").command == "kubectl get pods -l 'tier in (web,api)'")
    }

    @Test func secretsHiddenAndNodesShown() {
        #expect(fix("kubectl config view --minify --raw", "Show the kubeconfig settings of the current context only, without secrets.").command
            == "kubectl config view --minify")
        #expect(fix("kubectl config view --raw", "kubeconfig with the certificates").kinds.isEmpty)
        #expect(fix("kubectl get pods --all-namespaces", "List the pods in all namespaces together with the nodes they run on.").command
            == "kubectl get pods --all-namespaces -o wide")
        #expect(fix("kubectl get pods", "pods on the node with address 10.0.0.5").kinds.isEmpty)
    }

    @Test func drainWhenPodsAreEvicted() {
        #expect(fix("kubectl cordon farm-2 --ignore-daemonsets", "Make the node named farm-2 unschedulable and evict its pods, ignoring daemonsets.").command
            == "kubectl drain farm-2 --ignore-daemonsets")
    }
}
