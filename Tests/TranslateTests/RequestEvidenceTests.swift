import Foundation
import Session
import Testing
@testable import Translate
@testable import Bench
import TestSupport

@Suite("RequestEvidence: what the request names, checked on the parsed command")
struct RequestEvidenceTests {
    func fix(_ command: String, _ request: String, context: [String] = []) -> (command: String, kinds: [EvidenceFix.Kind]) {
        let result = RequestEvidence.repair(command, request: request, context: context)
        return (result.command, result.fixes.map(\.kind))
    }

    @Test func namespaceNamedInTheRequestWinsOverTheSameWordInALabel() {
        let result = fix("kubectl get pods -n billing -l team=billing", "pods with team=billing in ns payments")
        #expect(result.command == "kubectl get pods -n payments -l team=billing")
        #expect(result.kinds == [.namespace])
        // A connective after "ns" names no namespace.
        #expect(fix("kubectl config set-context dev --namespace=shop", "set the ns of context dev to shop").kinds.isEmpty)
        // The namespace the request names is left alone.
        #expect(fix("kubectl get pods -n payments -l team=billing", "pods with team=billing in ns payments").kinds.isEmpty)
    }

    @Test func askedFlagsAddsANamespaceThatOnlyALabelValueUses() {
        let result = AskedFlags.complete("kubectl get pods -l team=billing", request: "pods labelled team=billing in billing")
        #expect(result.command == "kubectl get pods -l team=billing -n billing")
        // A command that already names it as an object does not get it again.
        #expect(AskedFlags.complete("kubectl create namespace billing", request: "create namespace billing").added.isEmpty)
    }

    @Test func everyNamespaceAddsDashA() {
        #expect(fix("kubectl get pvc", "list pvcs across all namespaces").command == "kubectl get pvc -A")
        #expect(fix("kubectl get pvc -n data", "list pvcs across all namespaces").kinds.isEmpty)
    }

    @Test func containerTheRequestNames() {
        #expect(fix("kubectl logs ledger-0", "logs of ledger-0 container auditor").command == "kubectl logs ledger-0 -c auditor")
        #expect(fix("kubectl exec -it ledger-0 -- sh", "shell into the auditor container of ledger-0").command
                == "kubectl exec -it ledger-0 -c auditor -- sh")
        #expect(fix("kubectl logs ledger-0", "logs of ledger-0, all containers").command == "kubectl logs ledger-0 --all-containers")
        #expect(fix("kubectl logs ledger-0 --previous", "logs of ledger-0 prev container").kinds.isEmpty)
        #expect(fix("kubectl logs ledger-0 -c auditor", "logs of ledger-0 container auditor").kinds.isEmpty)
    }

    @Test func allForEveryObjectOfAType() {
        #expect(fix("kubectl delete jobs -n batch", "delete all jobs in batch").command == "kubectl delete jobs -n batch --all")
        #expect(fix("kubectl wait --for=condition=Ready pods", "wait for every pod to be ready").command
                == "kubectl wait --for=condition=Ready pods --all")
        // A qualified request is not every object, and `get` has no --all.
        #expect(fix("kubectl delete pods", "delete all pods that failed").kinds.isEmpty)
        #expect(fix("kubectl get pods", "show all pods").kinds.isEmpty)
    }

    @Test func overwriteWhenALabelChanges() {
        #expect(fix("kubectl label node n7 zone=east", "change the zone label of n7 to east").command
                == "kubectl label node n7 zone=east --overwrite")
        #expect(fix("kubectl label node n7 zone=east", "label n7 with zone=east").kinds.isEmpty)
    }

    @Test func selectorFormsFromWords() {
        #expect(fix("kubectl get pods -l owner", "pods without an owner label").command == "kubectl get pods -l '!owner'")
        #expect(fix("kubectl get pods", "pods without the label owner").command == "kubectl get pods -l '!owner'")
        #expect(fix("kubectl get deploy -l tier=cache", "deployments in any tier except cache").command
                == "kubectl get deploy -l 'tier!=cache'")
        #expect(fix("kubectl get pods -l track=canary,track=beta", "pods whose track is canary or beta").command
                == "kubectl get pods -l 'track in (canary,beta)'")
        #expect(fix("kubectl get pods -l track=canary", "pods whose track is canary or beta").command
                == "kubectl get pods -l 'track in (canary,beta)'")
        #expect(fix("kubectl get pods -l track=canary", "pods with track=canary or beta").command
                == "kubectl get pods -l 'track in (canary,beta)'")
        #expect(fix("kubectl get pods -l track=canary", "pods on the canary track").kinds.isEmpty)
    }

    @Test func serviceAccountIdentities() {
        #expect(fix("kubectl auth can-i list secrets --as=deployer -n tools", "can the service account deployer list secrets in tools")
            .command == "kubectl auth can-i list secrets --as=system:serviceaccount:tools:deployer -n tools")
        #expect(fix("kubectl create rolebinding ro --role=viewer --serviceaccount=reporter -n tools",
                    "bind role viewer to sa reporter in tools as ro").command
                == "kubectl create rolebinding ro --role=viewer --serviceaccount=tools:reporter -n tools")
        #expect(fix("kubectl create rolebinding ro --role=viewer --user=reporter -n tools",
                    "bind role viewer to service account reporter in tools as ro").command
                == "kubectl create rolebinding ro --role=viewer -n tools --serviceaccount=tools:reporter")
        #expect(fix("kubectl auth can-i list secrets --as=jane", "can jane list secrets").kinds.isEmpty)
    }

    @Test func oppositeVerbsAndRemovals() {
        #expect(fix("kubectl cordon worker-3", "make worker-3 schedulable again").command == "kubectl uncordon worker-3")
        #expect(fix("kubectl uncordon worker-3", "stop scheduling on worker-3").command == "kubectl cordon worker-3")
        #expect(fix("kubectl cordon worker-3", "mark worker-3 unschedulable").kinds.isEmpty)
        // The removal keeps only what the request names: every taint with the key gpu.
        #expect(fix("kubectl taint nodes worker-3 gpu=true:NoSchedule", "remove the gpu taint from worker-3").command
                == "kubectl taint nodes worker-3 gpu-")
        #expect(fix("kubectl taint nodes worker-3 gpu=true:NoSchedule", "remove the taint gpu=true:NoSchedule from worker-3").command
                == "kubectl taint nodes worker-3 gpu=true:NoSchedule-")
        #expect(fix("kubectl label pod api-1 tier=web", "remove the tier label from api-1").command == "kubectl label pod api-1 tier-")
        #expect(fix("kubectl taint nodes worker-3 gpu=true:NoSchedule", "taint worker-3 with gpu=true:NoSchedule").kinds.isEmpty)
        #expect(fix("kubectl taint nodes worker-3 gpu=true:NoSchedule", "taint worker-3 gpu=true:NoSchedule to keep pods off").kinds.isEmpty)
    }

    @Test func fieldSelectorKeysOnlyFromTheTable() {
        #expect(fix("kubectl get pods --field-selector env=prod", "prod pods").command == "kubectl get pods -l env=prod")
        #expect(fix("kubectl get pods --field-selector spec.nodeName=10.4.0.7", "which pod has ip 10.4.0.7").command
                == "kubectl get pods --field-selector status.podIP=10.4.0.7")
        #expect(fix("kubectl get pods --field-selector spec.nodeName=10.4.0.7", "pods on node 10.4.0.7").kinds.isEmpty)
        let issues = CommandValidator.validate("kubectl get nodes --field-selector status.phase=Ready")
        #expect(issues.map(\.kind) == [.fieldSelector])
        #expect(issues.first?.message.contains("spec.unschedulable") == true)
        #expect(CommandValidator.validate("kubectl get nodes --field-selector spec.unschedulable=true").isEmpty)
    }

    @Test func inventedValues() {
        #expect(fix("kubectl run probe --image=busybox:latest", "run a busybox pod called probe").command
                == "kubectl run probe --image=busybox")
        #expect(fix("kubectl run probe --image=busybox:1.36", "run busybox:1.36 as probe").kinds.isEmpty)
        #expect(fix("kubectl set image deploy/api api=registry.local:5000/api:latest", "point deploy api at image registry.local:5000/api")
            .command == "kubectl set image deploy/api api=registry.local:5000/api")
        #expect(fix("kubectl proxy --port=8001", "start a proxy to the api server").command == "kubectl proxy")
        #expect(fix("kubectl logs api-1 --tail=100", "logs of api-1").command == "kubectl logs api-1")
        #expect(fix("kubectl logs api-1 --tail=40", "last 40 lines of api-1").kinds.isEmpty)
        #expect(fix("kubectl logs api-1 --since=1h", "logs of api-1 from the last 3 hours").command == "kubectl logs api-1 --since=3h")
        #expect(fix("kubectl logs api-1 --since=48h", "logs of api-1 for the past 2 days").kinds.isEmpty)
    }

    @Test func inventedFlagsDroppedFromReadOnlyCommands() {
        #expect(fix("kubectl get nodes --show-details", "nodes with details").command == "kubectl get nodes")
        #expect(fix("kubectl get nodes --show-details", "nodes with details").kinds == [.unknownFlag])
        // A command that changes things keeps it, for the validator to flag.
        #expect(fix("kubectl cp a.txt web-0:/tmp --retry", "copy a.txt to web-0").kinds.isEmpty)
    }

    @Test func runsInsideAnswerFixes() {
        let result = AnswerFixes.apply("kubectl cordon worker-3", request: "make worker-3 schedulable", context: [])
        #expect(result.command == "kubectl uncordon worker-3")
        #expect(result.notes.last?.kind == .requestEvidence && result.notes.last?.text.contains("uncordon") == true)
    }
}

@Suite("RequestEvidence on the datasets: a right answer is left alone")
struct RequestEvidenceDatasetTests {
    /// Every check is general: none may change an expected command of either dataset (a change there would be a
    /// right answer made wrong).
    @Test(arguments: ["kubectl_benchmark.jsonl", "kubectl_longtail.jsonl"])
    func expectedCommandsPassUnchanged(_ file: String) throws {
        let url = ShippedBenchmark.url.deletingLastPathComponent().appendingPathComponent(file)
        for item in try BenchmarkDataset.load(from: url).cases
        where item.category != .fix && item.category != .explain && !item.expectsNoCommand {
            let context = PromptBuilder.prepare(request: item.prompt, context: item.context?.sessionContext() ?? SessionContext(),
                                                options: PromptBuilder.Options(retrievedExamples: 0)).contextLines
            let result = RequestEvidence.repair(item.expected[0], request: item.prompt, context: context)
            // Another of the case's right answers counts as unchanged (`get events --field-selector involvedObject…`
            // becoming `events --for`).
            #expect(result.fixes.isEmpty || item.expected.dropFirst().contains(result.command),
                    "\(item.id): \(item.prompt) — \(item.expected[0]) → \(result.command) (\(result.fixes))")
            #expect(!CommandValidator.validate(item.expected[0]).contains { $0.kind == .fieldSelector }, "\(item.id)")
        }
    }

    /// The same for every fix an answer goes through (``AnswerFixes``), pruning included.
    @Test(arguments: ["kubectl_benchmark.jsonl", "kubectl_longtail.jsonl"])
    func expectedCommandsPassEveryFixUnchanged(_ file: String) throws {
        let url = ShippedBenchmark.url.deletingLastPathComponent().appendingPathComponent(file)
        for item in try BenchmarkDataset.load(from: url).cases
        where item.category != .fix && item.category != .explain && !item.expectsNoCommand {
            let prompt = PromptBuilder.prepare(request: item.prompt, context: item.context?.sessionContext() ?? SessionContext(),
                                               options: PromptBuilder.Options(retrievedExamples: 0))
            let result = AnswerFixes.apply(item.expected[0], request: item.prompt, context: prompt.knownLines)
            #expect(result.notes.isEmpty || item.expected.dropFirst().contains(result.command),
                    "\(item.id): \(item.prompt) — \(item.expected[0]) → \(result.command) (\(result.notes.map(\.text)))")
        }
    }
}
