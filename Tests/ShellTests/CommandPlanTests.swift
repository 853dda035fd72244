import Session
import Testing
@testable import Shell

@Suite("Injecting the session namespace and context")
struct CommandPlanTests {
    func plan(_ line: String, ns: String? = "shop", ctx: String? = nil) -> CommandPlan {
        guard case let .kubectl(full, words, usesShell) = ShellInput.classify(line) else {
            fatalError("not a kubectl line: \(line)")
        }
        return CommandPlan.make(line: full, words: words, usesShell: usesShell,
                                context: SessionContext(namespace: ns, kubeContext: ctx))
    }

    @Test("-n is added when the line names no namespace")
    func addsNamespace() {
        let p = plan("get pods")
        #expect(p.display == "kubectl get pods -n shop")
        #expect(p.argv == ["kubectl", "get", "pods", "-n", "shop"])
        #expect(p.captureOutput)
    }

    @Test("A namespace on the line wins, in any spelling", arguments: ["get pods -n web", "get pods --namespace=web", "get pods --namespace web", "-n web get pods"])
    func keepsExplicitNamespace(line: String) {
        let p = plan(line)
        #expect(!p.display.contains("shop"))
    }

    @Test("-A, cluster-scoped resources and local commands get no -n")
    func noNamespace() {
        #expect(plan("get pods -A").display == "kubectl get pods -A")
        #expect(plan("get nodes").display == "kubectl get nodes")
        #expect(plan("cordon node-1").display == "kubectl cordon node-1")
        #expect(plan("config get-contexts").display == "kubectl config get-contexts")
        #expect(plan("version --client").display == "kubectl version --client")
    }

    @Test("Flags go before -- so exec arguments are untouched")
    func beforeDoubleDash() {
        #expect(plan("exec -it web-0 -- sh -c 'ls -n'").display == "kubectl exec -it web-0 -n shop -- sh -c 'ls -n'")
    }

    @Test("--context is added from the session, not from kubeconfig")
    func addsContext() {
        #expect(plan("get pods", ns: nil, ctx: "prod-eu").display == "kubectl get pods --context prod-eu")
        #expect(plan("get pods --context dev", ns: nil, ctx: "prod-eu").display == "kubectl get pods --context dev")
        let noSession = CommandPlan.make(line: "kubectl get pods", words: ["kubectl", "get", "pods"], usesShell: false,
                                         context: SessionContext(kubeconfigContext: "kc", kubeconfigNamespace: "kn"))
        #expect(noSession.display == "kubectl get pods")
    }

    @Test("Pipelines run through the shell with flags right after kubectl")
    func pipelines() {
        let p = plan("get pods | grep web")
        #expect(p.argv == nil)
        #expect(p.display == "kubectl -n shop get pods | grep web")
    }

    @Test("Only table output of get is captured")
    func capture() {
        #expect(plan("get pods -o wide").captureOutput)
        #expect(plan("get pods -o name").captureOutput)
        #expect(!plan("get pods -o json").captureOutput)
        #expect(!plan("describe pod web-0").captureOutput)
    }
}
