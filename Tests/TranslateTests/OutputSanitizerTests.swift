import Testing
@testable import Translate

/// Realistic bad outputs of small models, and what k1 must make of them.
@Suite("OutputSanitizer")
struct OutputSanitizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String
        let expected: String?
        var testDescription: String { raw.debugDescription }
    }

    static let corpus: [Case] = [
        // Clean and nearly clean.
        Case(raw: "kubectl get pods -n kube-system", expected: "kubectl get pods -n kube-system"),
        Case(raw: "  kubectl get pods  \n", expected: "kubectl get pods"),
        Case(raw: "kubectl get pods;", expected: "kubectl get pods"),
        Case(raw: "kubectl logs web-0.", expected: "kubectl logs web-0"),
        Case(raw: "kubectl apply -f .", expected: "kubectl apply -f ."),
        // Markdown fences.
        Case(raw: "```bash\nkubectl get pods -A\n```", expected: "kubectl get pods -A"),
        Case(raw: "```\nkubectl describe deployment web\n```", expected: "kubectl describe deployment web"),
        Case(raw: "```sh\n$ kubectl get nodes\n```\nThis lists the nodes.", expected: "kubectl get nodes"),
        Case(raw: "```kubectl get svc```", expected: "kubectl get svc"),
        Case(raw: "Here is the command:\n```bash\nkubectl scale deployment/web --replicas=3\n```\nIt scales web to 3.",
             expected: "kubectl scale deployment/web --replicas=3"),
        // Prompts and labels.
        Case(raw: "$ kubectl get pods", expected: "kubectl get pods"),
        Case(raw: "> kubectl top nodes", expected: "kubectl top nodes"),
        Case(raw: "# kubectl cordon worker-2", expected: "kubectl cordon worker-2"),
        Case(raw: "Command: kubectl get deployments", expected: "kubectl get deployments"),
        Case(raw: "Answer: `kubectl get events --sort-by=.lastTimestamp`", expected: "kubectl get events --sort-by=.lastTimestamp"),
        Case(raw: "command: kubectl rollout restart deployment/orders", expected: "kubectl rollout restart deployment/orders"),
        // Quotes and backticks around the whole line.
        Case(raw: "`kubectl get pods -o wide`", expected: "kubectl get pods -o wide"),
        Case(raw: "\"kubectl get pods -l app=web\"", expected: "kubectl get pods -l app=web"),
        Case(raw: "'kubectl get ns'", expected: "kubectl get ns"),
        Case(raw: "\u{201C}kubectl get pods\u{201D}", expected: "kubectl get pods"),
        Case(raw: "kubectl get pods -l 'app in (web,api)'", expected: "kubectl get pods -l 'app in (web,api)'"),
        // Trailing prose.
        Case(raw: "kubectl get pods -n shop. This command lists all pods in the shop namespace.",
             expected: "kubectl get pods -n shop"),
        Case(raw: "kubectl get pods -n shop\nThis command lists all pods in the shop namespace.",
             expected: "kubectl get pods -n shop"),
        Case(raw: "kubectl delete pod web-0 # removes the pod", expected: "kubectl delete pod web-0"),
        Case(raw: "kubectl get nodes - lists every node", expected: "kubectl get nodes"),
        Case(raw: "kubectl get pods (lists all pods in the namespace)", expected: "kubectl get pods"),
        Case(raw: "You can run `kubectl logs api-0 --previous` to see the crash.", expected: "kubectl logs api-0 --previous"),
        Case(raw: "To list them, run kubectl get pods -A to see all namespaces.", expected: "kubectl get pods -A"),
        // Bare verbs and aliases.
        Case(raw: "get pods -n shop", expected: "kubectl get pods -n shop"),
        Case(raw: "k get po", expected: "kubectl get po"),
        Case(raw: "kubectl kubectl get pods", expected: "kubectl get pods"),
        Case(raw: "sudo kubectl get nodes", expected: "kubectl get nodes"),
        Case(raw: "1. kubectl get pods", expected: "kubectl get pods"),
        Case(raw: "<|im_start|>assistant\nkubectl get pods<|im_end|>", expected: "kubectl get pods"),
        // Placeholders stay for the user to fill in.
        Case(raw: "kubectl logs <pod-name> -n shop", expected: "kubectl logs <pod-name> -n shop"),
        // Pipelines and several commands are kept, never silently cut.
        Case(raw: "kubectl get pods | grep Crash", expected: "kubectl get pods | grep Crash"),
        Case(raw: "kubectl delete pod $(kubectl get pods -o name | head -1)",
             expected: "kubectl delete pod $(kubectl get pods -o name | head -1)"),
        Case(raw: "```bash\nkubectl cordon worker-2\nkubectl drain worker-2 --ignore-daemonsets\n```",
             expected: "kubectl cordon worker-2 && kubectl drain worker-2 --ignore-daemonsets"),
        // Nothing usable.
        Case(raw: "", expected: nil),
        Case(raw: "   \n\t ", expected: nil),
        Case(raw: "I'm sorry, I can't help with that.", expected: nil),
        Case(raw: "kubectl is the command-line tool for Kubernetes.", expected: nil),
        Case(raw: "```\n```", expected: nil),
        Case(raw: "Get the pods in the shop namespace.", expected: nil),
    ]

    @Test("sanitizes realistic model output", arguments: corpus)
    func sanitizes(_ sample: Case) {
        #expect(OutputSanitizer.sanitize(sample.raw).command == sample.expected)
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.corpus.count >= 25)
    }

    @Test func emptyOutputExplainsItself() {
        let result = OutputSanitizer.sanitize("  ")
        #expect(result.command == nil)
        #expect(result.note == "the model gave an empty answer")
    }

    @Test func proseOnlyOutputQuotesTheProse() {
        let result = OutputSanitizer.sanitize("Sorry, I cannot do that.")
        #expect(result.command == nil)
        #expect(result.note?.contains("Sorry, I cannot do that.") == true)
        #expect(result.note?.contains("\n") == false)
    }

    @Test func pipelineIsKeptWithANote() {
        let result = OutputSanitizer.sanitize("kubectl get pods -o json | jq '.items[].metadata.name'")
        #expect(result.command == "kubectl get pods -o json | jq '.items[].metadata.name'")
        #expect(result.note?.contains("pipeline") == true)
    }

    @Test func severalCommandsAreJoinedWithANote() {
        let result = OutputSanitizer.sanitize("kubectl get pods\nkubectl get svc")
        #expect(result.command == "kubectl get pods && kubectl get svc")
        #expect(result.note?.contains("2 commands") == true)
    }

    @Test func repeatedCommandCountsOnce() {
        let result = OutputSanitizer.sanitize("kubectl get pods\nkubectl get pods")
        #expect(result.command == "kubectl get pods")
        #expect(result.note == nil)
    }

    @Test func cleanCommandHasNoNote() {
        #expect(OutputSanitizer.sanitize("kubectl get pods").note == nil)
    }

    @Test func placeholderIsNotAPipeline() {
        #expect(OutputSanitizer.sanitize("kubectl logs <pod-name>").note == nil)
    }

    @Test func runawayRepair() {
        #expect(OutputSanitizer.trimRunaway("kubectl get pods -o wide -o wide -o wi") == "kubectl get pods -o wide")
        #expect(OutputSanitizer.trimRunaway("kubectl get pods pods pods po") == "kubectl get pods")
        #expect(OutputSanitizer.trimRunaway("kubectl get") == "kubectl get")
    }
}
