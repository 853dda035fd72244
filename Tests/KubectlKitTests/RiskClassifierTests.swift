import Testing
@testable import KubectlKit

@Suite("RiskClassifier")
struct RiskClassifierTests {
    @Test("labels", arguments: [
        // Reads.
        ("kubectl get pods", Risk.readOnly),
        ("get pods -A -o wide", .readOnly),
        ("kubectl -n shop get deploy web -o yaml", .readOnly),
        ("kubectl describe pod web-0", .readOnly),
        ("kubectl explain pods.spec", .readOnly),
        ("kubectl top pods", .readOnly),
        ("kubectl top node", .readOnly),
        ("kubectl logs web-0 -f", .readOnly),
        ("kubectl logs deploy/web -c app --previous", .readOnly),
        ("kubectl api-resources", .readOnly),
        ("kubectl api-versions", .readOnly),
        ("kubectl version", .readOnly),
        ("kubectl cluster-info", .readOnly),
        ("kubectl cluster-info dump", .readOnly),
        ("kubectl wait --for=condition=Ready pod/web-0", .readOnly),
        ("kubectl diff -f app.yaml", .readOnly),
        ("kubectl kustomize ./overlay", .readOnly),
        ("kubectl help", .readOnly),
        ("kubectl options", .readOnly),
        ("kubectl completion bash", .readOnly),
        ("kubectl events --for pod/web-0", .readOnly),
        ("kubectl port-forward svc/web 8080:80", .readOnly),
        ("kubectl proxy --port=8001", .readOnly),
        ("kubectl auth can-i delete pods", .readOnly),
        ("kubectl auth whoami", .readOnly),
        ("kubectl config view", .readOnly),
        ("kubectl config get-contexts", .readOnly),
        ("kubectl config current-context", .readOnly),
        ("kubectl config get-clusters", .readOnly),
        ("kubectl rollout status deploy/web", .readOnly),
        ("kubectl rollout history deploy/web", .readOnly),
        ("kubectl apply view-last-applied deploy/web", .readOnly),
        ("kubectl plugin list", .readOnly),
        ("kubectl delete pod web-0 --help", .readOnly),
        ("kubectl", .readOnly),
        ("kubectl rollout", .readOnly),
        ("kubectl label pods web-0 --list", .readOnly),
        ("kubectl set image deploy/web app=nginx --local -f web.yaml -o yaml", .readOnly),
        // Dry runs.
        ("kubectl apply -f app.yaml --dry-run=server", .readOnly),
        ("kubectl delete pod web-0 --dry-run=client", .readOnly),
        ("kubectl create deployment web --image=nginx --dry-run=client -o yaml", .readOnly),
        ("kubectl drain node-1 --dry-run=server", .readOnly),
        ("kubectl scale deploy web --replicas=0 --dry-run", .readOnly),
        ("kubectl apply -f app.yaml --dry-run=none", .changes),
        // Writes.
        ("kubectl create deployment web --image=nginx", .changes),
        ("kubectl create -f app.yaml", .changes),
        ("kubectl apply -f app.yaml", .changes),
        ("kubectl edit deploy web", .changes),
        ("kubectl patch deploy web -p '{\"spec\":{\"replicas\":2}}'", .changes),
        ("kubectl replace -f app.yaml", .changes),
        ("kubectl scale deploy web --replicas=3", .changes),
        ("kubectl autoscale deploy web --min=2 --max=5", .changes),
        ("kubectl expose deploy web --port 80", .changes),
        ("kubectl run tmp --image=busybox -it --rm -- sh", .changes),
        ("kubectl exec -it web-0 -- sh", .changes),
        ("kubectl set image deploy/web app=nginx:1.27", .changes),
        ("kubectl label pods web-0 tier=fe", .changes),
        ("kubectl annotate deploy web note=x", .changes),
        ("kubectl taint nodes n1 k=v:NoSchedule", .changes),
        ("kubectl cordon node-1", .changes),
        ("kubectl uncordon node-1", .changes),
        ("kubectl debug web-0 -it --image=busybox", .changes),
        ("kubectl attach web-0 -i", .changes),
        ("kubectl cp ./x web-0:/tmp/x", .changes),
        ("kubectl certificate approve csr-1", .changes),
        ("kubectl certificate deny csr-1", .changes),
        ("kubectl rollout restart deploy/web", .changes),
        ("kubectl rollout pause deploy/web", .changes),
        ("kubectl rollout resume deploy/web", .changes),
        ("kubectl rollout undo deploy/web", .changes),
        ("kubectl config use-context prod", .changes),
        ("kubectl config set-context --current --namespace=shop", .changes),
        ("kubectl config set users.me.token abc", .changes),
        ("kubectl auth reconcile -f rbac.yaml", .changes),
        ("kubectl apply edit-last-applied deploy/web", .changes),
        // Deletes.
        ("kubectl delete pod web-0", .deletes),
        ("kubectl delete pods --all -n shop", .deletes),
        ("kubectl delete ns shop", .deletes),
        ("kubectl delete -f app.yaml", .deletes),
        ("kubectl delete pod web-0 --force --grace-period=0", .deletes),
        ("kubectl drain node-1 --ignore-daemonsets", .deletes),
        ("kubectl replace --force -f app.yaml", .deletes),
        ("kubectl apply -f dir/ --prune -l app=web", .deletes),
        ("kubectl apply -f app.yaml --force", .deletes),
        ("kubectl config delete-context old", .deletes),
        // Unknown.
        ("", .unknown),
        ("   ", .unknown),
        ("kubectl get pods | grep web", .unknown),
        ("kubectl get pods && kubectl delete pod web-0", .unknown),
        ("kubectl get pods; rm -rf /", .unknown),
        ("kubectl delete pod $(kubectl get pods -o name)", .unknown),
        ("kubectl delete pod `cat name`", .unknown),
        ("kubectl get pods > pods.txt", .unknown),
        ("kubectl apply -f - < app.yaml", .unknown),
        ("kubectl get pods -n $NS", .unknown),
        ("kubectl get pods &", .unknown),
        ("kubectl get pods -l 'app=web", .unknown),
        ("rm -rf /", .unknown),
        ("helm install x y", .unknown),
        ("kubectl gett pods", .unknown),
        ("kubectl neat get pod web", .unknown),
        ("kubectl rollout bogus deploy/web", .unknown),
    ])
    func classifies(line: String, expected: Risk) {
        let assessment = RiskClassifier.classify(line)
        #expect(assessment.risk == expected, "\(line) → \(assessment)")
        #expect(!assessment.reason.isEmpty)
    }

    @Test("reasons", arguments: [
        ("kubectl delete pods --all", "deletes all pods"),
        ("kubectl delete pod web-0", "deletes pod web-0"),
        ("kubectl delete pod web-0 --force", "force-deletes pod web-0"),
        ("kubectl get pods | wc -l", "several commands"),
        ("kubectl logs $(kubectl get pods -o name)", "$( substitution"),
        ("kubectl logs `whoami`", "backtick substitution"),
        ("kubectl get pods > x", "redirection"),
        ("kubectl get pods -l 'x", "unbalanced quotes"),
        ("", "empty command"),
        ("kubectl scale deploy web --replicas=3", "scales deployment web"),
        ("kubectl exec -it web-0 -- sh", "runs a command in pod web-0"),
        ("kubectl drain node-1", "drains node node-1, evicting its pods"),
        ("kubectl apply -f x.yaml --dry-run=client", "dry run: applies changes to resources from files"),
        ("kubectl get pods", "reads pods"),
        ("kubectl config use-context prod", "switches the kubeconfig context"),
    ])
    func reasons(line: String, reason: String) {
        #expect(RiskClassifier.classify(line).reason == reason)
    }

    @Test func notKubectlNamesTheWord() {
        #expect(RiskClassifier.classify("helm list").reason.contains("helm"))
    }

    @Test func classifiesParsedCommands() {
        let command = KubectlCommand.parse(["kubectl", "delete", "deploy", "web"])
        #expect(RiskClassifier.classify(command) == RiskAssessment(risk: .deletes, reason: "deletes deployment web"))
        #expect(RiskAssessment(risk: .readOnly, reason: "reads pods").description == "readOnly: reads pods")
    }
}
