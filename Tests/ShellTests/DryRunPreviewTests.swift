import Foundation
import KubectlKit
import Session
import Synchronization
import Support
import Testing
@testable import Shell

@Suite("Dry-run preview of write suggestions")
struct DryRunPreviewTests {
    static let shop = SessionContext(namespace: "shop", kubeContext: "prod")

    @Test func theDryRunIsTheSameCommandWithTheSessionInjected() throws {
        let plan = try #require(DryRunPreview.plan("kubectl delete pod web-1 worker-5c8d-abcde", context: Self.shop,
                                                   kubectl: "/usr/bin/kubectl"))
        #expect(plan.argv == ["/usr/bin/kubectl", "delete", "pod", "web-1", "worker-5c8d-abcde", "--dry-run=server",
                              "-o", "name", "--context", "prod", "-n", "shop"])
        #expect(plan.verb == "delete")
        #expect(plan.read == nil)
        // Exactly what the real run gets, plus the dry run.
        let real = CommandPlan.make(line: "kubectl delete pod web-1 worker-5c8d-abcde",
                                    words: ["kubectl", "delete", "pod", "web-1", "worker-5c8d-abcde"], usesShell: false,
                                    context: Self.shop, kubectl: "/usr/bin/kubectl")
        #expect(Set(real.argv ?? []).isSubset(of: Set(plan.argv)))
    }

    @Test func outputNameOnlyWhereTheVerbHasIt() throws {
        let cordon = try #require(DryRunPreview.plan("kubectl cordon node-2", context: SessionContext(), kubectl: "kubectl"))
        #expect(cordon.argv == ["kubectl", "cordon", "node-2", "--dry-run=server"])
        let json = try #require(DryRunPreview.plan("kubectl delete pod web-1 -o json", context: SessionContext(),
                                                   kubectl: "kubectl"))
        #expect(!json.argv.contains("name"), "an output format already asked for is kept")
    }

    @Test func scaleAlsoReadsTheCurrentReplicasWhereTheRealRunWould() throws {
        let plan = try #require(DryRunPreview.plan("kubectl scale deployment web --replicas=5", context: Self.shop,
                                                   kubectl: "kubectl"))
        #expect(plan.replicas == "5")
        #expect(plan.read == ["kubectl", "get", "deployment/web", "-o", "jsonpath={.spec.replicas}", "--context", "prod",
                              "-n", "shop"])
    }

    @Test("verbs without a dry run, pipelines and lines that already are dry runs get none",
          arguments: ["kubectl exec -it web-0 -- sh", "kubectl logs web-1", "kubectl port-forward web-0 8080:80",
                      "kubectl edit deploy/web", "kubectl delete pod web-1 --dry-run=client",
                      "kubectl get pods | xargs kubectl delete pod"])
    func noDryRun(line: String) {
        #expect(DryRunPreview.plan(line, context: Self.shop, kubectl: "kubectl") == nil)
    }

    @Test func readOnlySuggestionsAreNotPreviewedAndExecSaysSo() async {
        let preview = DryRunPreview(timeout: .seconds(2))
        #expect(await preview.preview("kubectl get pods", context: Self.shop) == nil)
        let exec = await preview.preview("kubectl exec -it web-0 -- sh", context: Self.shop)
        #expect(exec?.line == "no preview for exec")
    }

    @Test func theServersAnswerBecomesTheLineAndTheCount() {
        let plan = DryRunPreview.Plan(argv: [], verb: "delete")
        let deleted = DryRunPreview.outcome(CapturedRun(status: .exited(0), output: "pod/web-1\npod/worker-5c8d-abcde\n"),
                                            current: nil, plan: plan)
        let result = PreviewResult(deleted, milliseconds: 12)
        #expect(result.line == "would delete: pod/web-1, pod/worker-5c8d-abcde")
        #expect(result.countText == "2 pods")

        let cordon = DryRunPreview.outcome(CapturedRun(status: .exited(0), output: "node/worker-3 cordoned (server dry run)\n"),
                                           current: nil, plan: DryRunPreview.Plan(argv: [], verb: "cordon"))
        #expect(PreviewResult(cordon, milliseconds: 1).line == "would cordon node/worker-3")

        let scale = DryRunPreview.outcome(CapturedRun(status: .exited(0), output: "deployment.apps/web\n"),
                                          current: CapturedRun(status: .exited(0), output: "2"),
                                          plan: DryRunPreview.Plan(argv: [], verb: "scale", replicas: "5"))
        #expect(PreviewResult(scale, milliseconds: 1).line == "would scale deployment.apps/web: 2 → 5")
        #expect(PreviewResult(scale, milliseconds: 1).countText == "1 deployment")

        let none = DryRunPreview.outcome(CapturedRun(status: .exited(0), output: "", error: "No resources found\n"),
                                         current: nil, plan: plan)
        #expect(PreviewResult(none, milliseconds: 1).line == "nothing matches")
        let noneOnStdout = DryRunPreview.outcome(CapturedRun(status: .exited(0), output: "No resources found\n"),
                                                 current: nil, plan: plan)
        #expect(PreviewResult(noneOnStdout, milliseconds: 1).line == "nothing matches")

        let rejected = DryRunPreview.outcome(
            CapturedRun(status: .exited(1), error: "Error from server (NotFound): pods \"nope\" not found\n"),
            current: nil, plan: plan)
        let warning = PreviewResult(rejected, milliseconds: 1)
        #expect(warning.line == "⚠ the server rejects it: Error from server (NotFound): pods \"nope\" not found")
        #expect(warning.isWarning && warning.countText == nil)
    }

    @Test func aDryRunPastTheDeadlineIsAbandoned() async throws {
        // A real child that does not answer in time: `sleep` stands in for a cluster that never replies.
        let started = Mutex(0)
        let preview = DryRunPreview(kubectl: "kubectl", timeout: .milliseconds(200)) { _ in
            started.withLock { $0 += 1 }
            return await CommandRunner().capture(argv: ["sleep", "30"])
        }
        let result = try #require(await preview.preview("kubectl delete pod web-1", context: Self.shop))
        #expect(result.outcome == .timedOut(.milliseconds(200)))
        #expect(result.line == "preview: no answer in 0.2 s")
        #expect(started.withLock { $0 } == 1)
    }

    @Test func theRiskLabelCarriesTheCount() {
        let style = TerminalStyle(enabled: false)
        #expect(RiskLabel.render(RiskClassifier.classify("kubectl delete pod a b"), count: "2 pods", style: style)
                == "[DELETES 2 pods]")
        #expect(RiskLabel.render(RiskClassifier.classify("kubectl scale deploy web --replicas=3"), count: "1 deployment",
                                 style: style) == "[changes 1 deployment]")
    }

    @Test func theConfigurationTurnsItOffOrSetsTheDeadline() {
        var config = K1Config()
        #expect(DryRunPreview(config: config)?.timeout == .seconds(2))
        config.previewTimeoutSeconds = 0.5
        #expect(DryRunPreview(config: config)?.timeout == .milliseconds(500))
        config.preview = false
        #expect(DryRunPreview(config: config) == nil)
    }
}
