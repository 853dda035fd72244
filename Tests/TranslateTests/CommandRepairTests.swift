import Testing
@testable import Translate

@Suite("CommandRepair: invented spellings become the real ones")
struct CommandRepairTests {
    @Test("rewritten", arguments: [
        ("kubectl get pods -n shop --wide", "kubectl get pods -n shop -o wide"),
        ("kubectl get deployment web --yaml", "kubectl get deployment web -o yaml"),
        ("kubectl get pods --all-namespace", "kubectl get pods -A"),
        ("kubectl get pods --label=app=web", "kubectl get pods -l app=web"),
        ("kubectl get pods --label app=web", "kubectl get pods -l app=web"),
        ("kubectl get events -n shop --types=Warning", "kubectl events -n shop --types=Warning"),
        ("kubectl get events --for pod/web-0 -w", "kubectl events --for pod/web-0 -w"),
        ("kubectl get ev --for=node/gpu-7 --types=Warning", "kubectl events --for=node/gpu-7 --types=Warning"),
        // A label selector is more than `kubectl events` takes: the type becomes a field.
        ("kubectl get events -l app=web --types=Warning", "kubectl get events -l app=web --field-selector=type=Warning"),
        ("kubectl view-last-applied svc/front", "kubectl apply view-last-applied svc/front"),
        ("kubectl logs pod hex-1 --since=30m", "kubectl logs hex-1 --since=30m"),
        ("kubectl expose sts db --port=5432 --clusterIP=None", "kubectl expose sts db --port=5432 --cluster-ip=None"),
        ("kubectl can-i list pods -n shop", "kubectl auth can-i list pods -n shop"),
        ("kubectl port-forward deploy grafana 3000 -n monitoring", "kubectl port-forward deployment/grafana 3000 -n monitoring"),
        ("kubectl logs -n shop svc web", "kubectl logs -n shop service/web"),
        ("kubectl exec -it deployment web -- sh", "kubectl exec -it deployment/web -- sh"),
        ("kubectl attach web-0 --interactive -t", "kubectl attach web-0 -i -t"),
        // `-it` holds -i already: the invented flag only goes.
        ("kubectl debug node/gpu-7 -it --image=alpine:3.20 --interactive", "kubectl debug node/gpu-7 -it --image=alpine:3.20"),
        ("kubectl evict gpu-7 --ignore-daemonsets", "kubectl drain gpu-7 --ignore-daemonsets"),
        ("kubectl logs -l app=api --max=10", "kubectl logs -l app=api --max-log-requests=10"),
        ("kubectl create user ci-bot --token abc", "kubectl config set-credentials ci-bot --token abc"),
        ("kubectl create context lab --cluster=lab --user=ci-bot", "kubectl config set-context lab --cluster=lab --user=ci-bot"),
    ])
    func rewritten(command: String, expected: String) {
        let result = CommandRepair.repair(command)
        #expect(result.command == expected)
        #expect(result.rewrites.count == 1)
    }

    @Test("kept", arguments: [
        // kubectl run knows --labels.
        "kubectl run nginx --image=nginx --labels=app=web",
        "kubectl get pods -o wide",
        // No -o for this verb: nothing to rewrite to.
        "kubectl logs web-0 --wide",
        "kubectl frobnicate --wide",
        "kubectl exec web-0 -- ls --json",
        "kubectl events -n shop --types=Warning",
        "kubectl port-forward svc/grafana 3000",
        "kubectl logs web-0 -c app",
        "kubectl exec -it web-0 -- ls pods",
    ])
    func kept(command: String) {
        #expect(CommandRepair.repair(command).command == command)
    }
}
