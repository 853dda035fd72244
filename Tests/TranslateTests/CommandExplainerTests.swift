import KubectlKit
import Session
import Testing
@testable import Translate

@Suite("CommandExplainer")
struct CommandExplainerTests {
    @Test func drainNamesItsFlagsAndWhatIsLeftOut() throws {
        let explanation = try CommandExplainer.explain("kubectl drain worker-3 --ignore-daemonsets --delete-emptydir-data")
        #expect(explanation.path == "drain")
        #expect(explanation.summary == "Drain node in preparation for maintenance.")
        #expect(explanation.arguments.first == .init(word: "worker-3", role: "NAME", meaning: "node worker-3"))
        #expect(explanation.flags.map(\.name) == ["ignore-daemonsets", "delete-emptydir-data"])
        #expect(explanation.flags[0].description == "Ignore DaemonSet-managed pods.")
        #expect(explanation.omitted.map(\.flag).contains("force"))
        #expect(!explanation.omitted.map(\.flag).contains("ignore-daemonsets"))
        #expect(explanation.namespace == nil, "drain works on a node, in no namespace")
        #expect(explanation.risk.risk == .deletes)
        #expect(explanation.problems.isEmpty)
    }

    @Test func drainWithoutIgnoreDaemonsetsSaysItStops() throws {
        let explanation = try CommandExplainer.explain("drain worker-3")
        let omission = try #require(explanation.omitted.first { $0.flag == "ignore-daemonsets" })
        #expect(omission.defaultValue == "false")
        #expect(omission.note.contains("will not proceed without --ignore-daemonsets"))
    }

    @Test func namespaceAndContextAfterInjection() throws {
        let context = SessionContext(namespace: "shop", kubeContext: "prod-eu", kubeconfigContext: "dev")
        let explanation = try CommandExplainer.explain("get pods -o wide", context: context)
        #expect(explanation.namespace == "shop (k1 adds -n shop)")
        #expect(explanation.context == "prod-eu (k1 adds --context prod-eu)")
        #expect(explanation.arguments.first?.role == "TYPE")
        #expect(explanation.flags.first?.value == "wide")
        #expect(explanation.risk.risk == .readOnly)
        let typed = try CommandExplainer.explain("get pods -n kube-system --context dev", context: context)
        #expect(typed.namespace == "kube-system (from -n)")
        #expect(typed.context == "dev (from --context)")
        #expect(try CommandExplainer.explain("get pods -A", context: context).namespace == "all namespaces (-A)")
        #expect(try CommandExplainer.explain("get pods").namespace == "default (kubectl's default)")
        #expect(try CommandExplainer.explain("get nodes", context: context).namespace == nil)
    }

    @Test func unknownVerbsFlagsAndTypesAreNamed() throws {
        let verb = try CommandExplainer.explain("kubectl gett pods")
        #expect(verb.path == nil)
        #expect(verb.problems == ["unknown command 'gett'; did you mean 'get'?"])
        #expect(verb.risk.risk == .unknown)
        let flag = try CommandExplainer.explain("kubectl drain node-1 --ignore-daemonset")
        #expect(flag.problems == ["unknown flag --ignore-daemonset; did you mean --ignore-daemonsets?"])
        #expect(flag.flags.first?.isKnown == false)
        #expect(flag.flags.first?.description == "")
        let type = try CommandExplainer.explain("kubectl get deploymnets")
        #expect(type.problems == ["unknown resource type 'deploymnets'; did you mean 'deployments'?"])
        let sub = try CommandExplainer.explain("kubectl rollout undoo deploy/web")
        #expect(sub.problems.first == "unknown rollout command 'undoo'; did you mean 'undo'?")
    }

    @Test func requiredFlagsAreReportedMissing() throws {
        let explanation = try CommandExplainer.explain("kubectl scale deployment web")
        #expect(explanation.omitted.first?.flag == "replicas")
        #expect(explanation.omitted.first?.note.hasPrefix("required by kubectl") == true)
        #expect(try CommandExplainer.explain("kubectl scale deployment web --replicas=3").omitted.isEmpty)
    }

    @Test func argumentRoles() throws {
        let explanation = try CommandExplainer.explain("kubectl rollout undo deployment/web --to-revision=2")
        #expect(explanation.path == "rollout undo")
        #expect(explanation.arguments == [.init(word: "deployment/web", role: "TYPE/NAME", meaning: "deployment web")])
        #expect(explanation.flags.first?.value == "2")
        let label = try CommandExplainer.explain("kubectl label pods -l app=web tier=front")
        #expect(label.arguments.contains(.init(word: "app=web", role: "selector", meaning: "objects whose labels match app=web")))
        #expect(label.arguments.contains { $0.word == "tier=front" && $0.meaning == "sets tier=front" })
        let apply = try CommandExplainer.explain("kubectl apply -f web.yaml")
        #expect(apply.arguments == [.init(word: "web.yaml", role: "file", meaning: "manifests in web.yaml")])
        #expect(apply.problems.isEmpty)
    }

    @Test func pipelinesExplainTheKubectlPartAndNameTheRest() throws {
        let explanation = try CommandExplainer.explain("get pods -n shop | grep web")
        #expect(explanation.arguments == [.init(word: "pods", role: "TYPE", meaning: "resource type pods")])
        #expect(explanation.shellTail == "| grep web")
        #expect(explanation.risk == RiskClassifier.classify("kubectl get pods -n shop | grep web"))
        #expect(try CommandExplainer.explain("get pods").shellTail == nil)
    }

    @Test func badQuotingThrows() {
        #expect(throws: ShellWordsError.self) { try CommandExplainer.explain("get pods -l 'app=web") }
    }
}

@Suite("ExplainRequest")
struct ExplainRequestTests {
    @Test("questions about a command", arguments: [
        ("what does kubectl rollout undo do", "kubectl rollout undo"),
        ("what does kubectl rollout undo do?", "kubectl rollout undo"),
        ("explain drain", "kubectl drain"),
        ("explain kubectl drain worker-3 --ignore-daemonsets", "kubectl drain worker-3 --ignore-daemonsets"),
        ("What does get pods -A mean", "kubectl get pods -A"),
        ("explain the command kubectl cordon node-1", "kubectl cordon node-1"),
        ("how does kubectl port-forward work", "kubectl port-forward"),
        ("what is kubectl top for", "kubectl top"),
        ("explain 'kubectl delete pod Web-0 --force'", "kubectl delete pod Web-0 --force"),
        ("explain kubectl explain", "kubectl explain"),
    ])
    func asksAbout(request: String, command: String) {
        #expect(ExplainRequest.target(of: request) == command)
    }

    @Test("requests for a command", arguments: [
        "explain pods", "explain deployment.spec.replicas", "what is running in shop", "show pods",
        "what does the web pod log say", "explain the ingress resource", "delete the failing ones", "drain worker-3",
        "how does my service route traffic", "fix it",
    ])
    func asksFor(request: String) {
        #expect(ExplainRequest.target(of: request) == nil)
    }
}
