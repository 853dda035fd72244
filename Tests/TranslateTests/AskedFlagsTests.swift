import Testing
@testable import Translate

@Suite("AskedFlags: what the request names goes in")
struct AskedFlagsTests {
    @Test("completed", arguments: [
        ("kubectl port-forward svc/frontend 8080:80", "forward 8080 to svc frontend 80 in shop",
         "kubectl port-forward svc/frontend 8080:80 -n shop"),
        ("kubectl get deployments", "same in kube-system", "kubectl get deployments -n kube-system"),
        ("kubectl get svc", "svc in ns monitoring", "kubectl get svc -n monitoring"),
        ("kubectl auth can-i create deployments --as=system:serviceaccount:ci:deployer",
         "can the deployer sa in ci create deployments there",
         "kubectl auth can-i create deployments --as=system:serviceaccount:ci:deployer -n ci"),
        ("kubectl create rolebinding r --role=pod-reader --serviceaccount=dance:tango", "bind role pod-reader to sa tango in ns dance",
         "kubectl create rolebinding r --role=pod-reader --serviceaccount=dance:tango -n dance"),
        ("kubectl auth can-i create pods --as=system:serviceaccount:build:ci", "can sa ci in ns build create pods",
         "kubectl auth can-i create pods --as=system:serviceaccount:build:ci -n build"),
        ("kubectl exec -it redis-0 -- sh", "shell into redis-0 in cache", "kubectl exec -it redis-0 -n cache -- sh"),
        ("kubectl get service frontend", "svc frontend as json", "kubectl get service frontend -o json"),
        ("kubectl rollout restart deployment/checkout", "try again in the shop namespace",
         "kubectl rollout restart deployment/checkout -n shop"),
        ("kubectl get pods -n kube-system -l k8s-app=kube-dns", "kube-dns pods in kube-system wide",
         "kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide"),
    ])
    func completed(command: String, request: String, expected: String) {
        let result = AskedFlags.complete(command, request: request)
        #expect(result.command == expected)
        #expect(!result.added.isEmpty)
    }

    @Test("kept", arguments: [
        // "the current namespace" names none.
        ("kubectl get pods", "List all pods in the current namespace."),
        // Already there, or all namespaces.
        ("kubectl get pods -n shop", "pods in shop"),
        ("kubectl get pods -A", "pods in all namespaces"),
        // Cluster-scoped: a namespace would mean nothing.
        ("kubectl get nodes", "nodes in zone-a"),
        // The word after "in" is the command's object, a status, a time or plain English.
        ("kubectl logs -c nginx web-5f6b9c-q8zr4", "logs of the nginx container in web-5f6b9c-q8zr4"),
        ("kubectl get pods --field-selector=status.phase=Pending", "pods in pending"),
        ("kubectl get pods", "pods in the cluster"),
        ("kubectl logs web-0 --since=1h", "logs of web-0 in the last hour"),
        // Two namespaces named: which one is not certain.
        ("kubectl get pods", "pods in shop or in payments"),
        // Commands without namespaced objects.
        ("kubectl api-resources", "resource types in apps"),
        // An output format only for get, and only when the command has none.
        ("kubectl get pods -o jsonpath='{.items[*].metadata.name}'", "pod names as json list"),
        ("kubectl apply -f app.yaml", "apply app.yaml"),
    ])
    func kept(command: String, request: String) {
        #expect(AskedFlags.complete(command, request: request).command == command)
    }
}
