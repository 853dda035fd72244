import Testing
@testable import KubectlKit

@Suite("CommandNormaliser")
struct CommandNormaliserTests {
    @Test("equivalent spellings", arguments: [
        ("kubectl get pods -n shop", "get pods --namespace shop"),
        ("kubectl help drain", "kubectl drain --help"),
        ("kubectl help rollout undo", "kubectl rollout undo -h"),
        ("kubectl get pods -n shop", "kubectl -n shop get pods"),
        ("kubectl get pods -n shop", "kubectl get pods --namespace=shop"),
        ("kubectl get pods -n shop", "kubectl get pods -nshop"),
        ("kubectl get pods -n shop", "kubectl   get\tpods   -n 'shop'"),
        ("kubectl get pods -A", "kubectl get pods --all-namespaces"),
        ("kubectl get pods -A", "kubectl get pods --all-namespaces=true"),
        ("kubectl get po -l app=web -o wide", "kubectl get pods --output=wide --selector app=web"),
        ("kubectl get pods -o wide", "kubectl get pods -owide"),
        ("kubectl get pods -o wide", "kubectl get pod -o=wide"),
        ("kubectl get deploy web", "kubectl get deployment/web"),
        ("kubectl get deploy web", "kubectl get deployments.apps web"),
        ("kubectl get deploy web", "kubectl get Deployment web"),
        ("kubectl get svc,po", "kubectl get services,pods"),
        ("kubectl describe pod/web-0 -n shop", "kubectl -n shop describe pods web-0"),
        ("kubectl logs web-0 -f -c app", "kubectl logs web-0 --follow --container=app"),
        ("kubectl logs web-0 -f", "kubectl logs pod/web-0 --follow"),
        ("kubectl logs deploy/web --tail 20", "kubectl logs deployment/web --tail=20"),
        ("kubectl exec -it web-0 -- sh", "kubectl exec web-0 -i -t -- sh"),
        ("kubectl exec -it web-0 -- sh", "kubectl exec --stdin --tty web-0 -- sh"),
        ("kubectl exec -it web-0 -- sh", "kubectl exec -ti pod/web-0 -- sh"),
        ("kubectl apply -f app.yaml", "kubectl apply --filename=app.yaml"),
        ("kubectl scale deploy web --replicas=3", "kubectl scale --replicas 3 deployment/web"),
        ("kubectl rollout restart deploy/web", "kubectl rollout restart deployments web"),
        ("kubectl top pods", "kubectl top pod"),
        ("kubectl top pods", "kubectl top po"),
        ("kubectl create deploy web --image=nginx", "kubectl create deployment web --image nginx"),
        ("kubectl apply -f x.yaml --dry-run", "kubectl apply -f x.yaml --dry-run=client"),
        ("kubectl delete pod web --cascade", "kubectl delete pod web --cascade=background"),
        ("kubectl explain po.spec", "kubectl explain pods.spec"),
        ("kubectl auth can-i get po", "kubectl auth can-i get pods"),
        ("kubectl get widgets.example.com x", "kubectl get Widgets.example.com x"),
        ("get pods -l 'app=web'", "kubectl get pods -l \"app=web\""),
        ("kubectl get pods -l 'env!=prod'", "kubectl get pods -l 'env != prod'"),
        ("kubectl get pods -l 'env in (a,b),tier=web'", "kubectl get pods --selector 'env in (a, b), tier = web'"),
        ("kubectl get pods --field-selector=status.phase!=Running", "kubectl get pods --field-selector 'status.phase != Running'"),
        // A pipeline's kubectl part compares as a command.
        ("kubectl get secret db -o jsonpath='{.data.password}' | base64 -d", "kubectl get secret db -o 'jsonpath={.data.password}' | base64 -d"),
        // Field-selector terms are ANDed: their order means nothing.
        ("kubectl get pods --field-selector=spec.nodeName=n1,status.phase=Running", "kubectl get pods --field-selector=status.phase=Running,spec.nodeName=n1"),
    ])
    func equivalent(a: String, b: String) {
        #expect(CommandNormaliser.equivalent(a, b), "\(CommandNormaliser.normalise(a)) vs \(CommandNormaliser.normalise(b))")
    }

    @Test("different meanings", arguments: [
        ("kubectl help drain", "kubectl drain node-1 --help"),
        ("kubectl get pods -l 'env in (a,b)'", "kubectl get pods -l 'envin(a,b)'"),
        ("kubectl get pods web-0", "kubectl get pods web-1"),
        ("kubectl get pods -n shop", "kubectl get pods -n default"),
        ("kubectl get pods -n shop", "kubectl get pods"),
        ("kubectl get pods", "kubectl get svc"),
        ("kubectl get pods", "kubectl describe pods"),
        ("kubectl logs web-0 -f", "kubectl logs web-0"),
        ("kubectl logs web-0 -p", "kubectl logs web-0"),
        ("kubectl apply -f a.yaml", "kubectl apply -f b.yaml"),
        ("kubectl exec web-0 -- ls -l", "kubectl exec web-0 -- -l ls"),
        ("kubectl get pods -o wide", "kubectl get pods -o yaml"),
        ("kubectl get pods --context prod", "kubectl get pods --context dev"),
        ("kubectl get pods -A", "kubectl get pods"),
        ("kubectl scale deploy web --replicas=3", "kubectl scale deploy web --replicas=4"),
        ("kubectl get events", "kubectl get events.events.k8s.io"),
        ("kubectl get pods web-0 web-1", "kubectl get pods web-1 web-0"),
        ("kubectl apply -f x.yaml --dry-run=server", "kubectl apply -f x.yaml --dry-run=client"),
        ("kubectl get pod/web svc/web", "kubectl get pod/web pod/web"),
    ])
    func different(a: String, b: String) {
        #expect(!CommandNormaliser.equivalent(a, b), "both \(CommandNormaliser.normalise(a))")
    }

    @Test("canonical form", arguments: [
        ("get po -n shop", "kubectl get pods --namespace=shop"),
        ("kubectl -n shop get deploy/web -o yaml", "kubectl get deployments web --namespace=shop --output=yaml"),
        ("kubectl exec -it web-0 -c app -- sh -c 'ls | wc -l'", "kubectl exec web-0 --container=app --stdin --tty -- sh -c 'ls | wc -l'"),
        ("kubectl get pods -o jsonpath='{.items[*].metadata.name}'", "kubectl get pods '--output=jsonpath={.items[*].metadata.name}'"),
        ("kubectl get pod/web svc/web", "kubectl get pods/web services/web"),
        ("kubectl label po web-0 tier=fe", "kubectl label pods web-0 tier=fe"),
        ("kubectl set image deploy/web app=nginx:1.27", "kubectl set image deployments web app=nginx:1.27"),
        ("kubectl port-forward svc/web 8080:80", "kubectl port-forward services/web 8080:80"),
        ("kubectl cp web-0:/tmp/x ./x", "kubectl cp web-0:/tmp/x ./x"),
        ("kubectl config use-context prod", "kubectl config use-context prod"),
        ("kubectl neat  get   pod web", "kubectl neat get pod web"),
        ("kubectl get pods --bogus", "kubectl get pods --bogus"),
        ("  ", ""),
    ])
    func canonical(line: String, expected: String) {
        #expect(CommandNormaliser.normalise(line) == expected)
    }

    @Test func shellLinesAreOnlyFolded() {
        #expect(CommandNormaliser.normalise("kubectl get pods  |   grep web") == "kubectl get pods | grep web")
        #expect(CommandNormaliser.normalise("get pods | grep web") == "kubectl get pods | grep web")
        #expect(CommandNormaliser.normalise("kubectl get pods -l 'app") == "kubectl get pods -l 'app")
    }

    @Test func normalisingIsIdempotent() {
        for line in ["kubectl -n shop get po/web -owide", "kubectl exec -it web-0 -- sh -c 'echo hi'", "logs -f deploy/web -c app"] {
            let once = CommandNormaliser.normalise(line)
            #expect(CommandNormaliser.normalise(once) == once)
        }
    }
}

@Suite("CommandNormaliser: values kubectl reads the same way")
struct CommandNormaliserValueTests {
    @Test func durationsConditionsAndDirectories() {
        #expect(CommandNormaliser.equivalent("kubectl wait --for=condition=Available deployment/ledger --timeout=5m",
                                             "kubectl wait --for=condition=available deployment/ledger --timeout=300s"))
        #expect(CommandNormaliser.equivalent("kubectl wait --for=condition=Ready=true pod/a --timeout=1h30m",
                                             "kubectl wait --for=condition=ready pod/a --timeout=90m"))
        #expect(!CommandNormaliser.equivalent("kubectl wait --for=condition=Ready pod/a --timeout=5m",
                                              "kubectl wait --for=condition=Ready pod/a --timeout=6m"))
        #expect(!CommandNormaliser.equivalent("kubectl wait --for=condition=Ready=false pod/a",
                                              "kubectl wait --for=condition=Ready pod/a"))
        #expect(CommandNormaliser.equivalent("kubectl logs web-0 --since=1h", "kubectl logs web-0 --since=60m"))
        #expect(CommandNormaliser.equivalent("kubectl kustomize base/", "kubectl kustomize base"))
        #expect(CommandNormaliser.equivalent("kubectl apply -k overlays/dev/", "kubectl apply -k overlays/dev"))
        #expect(CommandNormaliser.seconds(ofDuration: "1.5h") == 5400)
        #expect(CommandNormaliser.seconds(ofDuration: "soon") == nil)
    }

    @Test func selectorTermsInOneSpelling() {
        #expect(CommandNormaliser.equivalent("kubectl get pods -l 'track notin (canary,beta)'",
                                             "kubectl get pods --selector track!=canary,track!=beta"))
        #expect(CommandNormaliser.equivalent("kubectl get pods -l 'app=ledger,tier!=canary'",
                                             "kubectl get pods -l 'tier!=canary,app=ledger'"))
        #expect(CommandNormaliser.equivalent("kubectl get pods -l 'env in (qa)'", "kubectl get pods -l env=qa"))
        #expect(CommandNormaliser.equivalent("kubectl get pods -l 'env in (qa,dev)'", "kubectl get pods -l 'env in (dev,qa)'"))
        #expect(CommandNormaliser.equivalent("kubectl get pods -l env==qa", "kubectl get pods -l env=qa"))
        #expect(!CommandNormaliser.equivalent("kubectl get pods -l 'env in (qa,dev)'", "kubectl get pods -l env=qa"))
        #expect(!CommandNormaliser.equivalent("kubectl get pods -l 'env notin (qa)'", "kubectl get pods -l env=qa"))
    }
}
