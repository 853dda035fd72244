import Testing
@testable import Translate

@Suite("AnswerFixes: the request's wording, through every fix")
struct AnswerFixesWordingTests {
    func fixed(_ command: String, _ request: String) -> String {
        AnswerFixes.apply(command, request: request, context: []).command
    }

    @Test func anAbsentLabelInOtherWords() {
        #expect(fixed("kubectl get svc -n kiwi -l team!=platform", "svcs in ns kiwi not labelled team") == "kubectl get svc -n kiwi -l '!team'")
        #expect(fixed("kubectl get pods", "pods not labeled owner") == "kubectl get pods -l '!owner'")
    }

    @Test func anExclusionAFewWordsBack() {
        // The model's `!=` is no garbled copy of the request's `tier=cache`, and "except" reaches the term.
        #expect(fixed("kubectl get pods -n dune -l tier!=cache", "List all pods in the namespace dune except those with the label tier=cache.")
            == "kubectl get pods -n dune -l tier!=cache")
        #expect(fixed("kubectl get pods -n dune -l tier=cache", "List all pods in the namespace dune except those with the label tier=cache.")
            == "kubectl get pods -n dune -l 'tier!=cache'")
        #expect(fixed("kubectl get pods -l tier=cache", "pods with the label tier=cache") == "kubectl get pods -l tier=cache")
    }

    @Test func aServiceAccountWrittenTheWrongWayRound() {
        #expect(fixed("kubectl auth can-i delete deployments -n build --as=system:serviceaccount:ci-bot:build",
                      "can sa ci-bot in ns build delete deployments")
            == "kubectl auth can-i delete deployments -n build --as=system:serviceaccount:build:ci-bot")
    }

    @Test func theTagTheRequestNames() {
        #expect(fixed("kubectl set image daemonset/probe '*=probe:2.0.0'", "Set the image of every container in the daemonset probe to probe:2.0.")
            == "kubectl set image daemonset/probe '*=probe:2.0'")
        #expect(fixed("kubectl run tmp --image=redis:latest", "pod tmp with redis") == "kubectl run tmp --image=redis")
    }

    @Test func aNamespaceIsAWordOfItsOwn() {
        #expect(fixed("kubectl logs relay-2 -n relay --tail=15", "Print the last 15 lines of the logs of the pod relay-2.")
            == "kubectl logs relay-2 --tail=15")
        #expect(Mentions(request: "coredns pods of kube system", context: []).containsWord("kube-system"))
        #expect(!Mentions(request: "logs of relay-2", context: []).containsWord("relay"))
        #expect(fixed("kubectl get pods -n relay", "pods in relay") == "kubectl get pods -n relay")
    }

    @Test func unaskedHostsOfAProxy() {
        #expect(fixed("kubectl proxy --port=8010 --address=0.0.0.0 --accept-hosts=^localhost$",
                      "Start a proxy to the API server that listens on port 8010 and accepts connections from any address.")
            == "kubectl proxy --port=8010 --address=0.0.0.0")
        #expect(fixed("kubectl proxy --accept-hosts='^example\\.com$'", "proxy that accepts the host example.com")
            == "kubectl proxy --accept-hosts='^example\\.com$'")
    }
}
