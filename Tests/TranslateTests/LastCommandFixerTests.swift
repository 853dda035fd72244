import Foundation
import KubectlKit
import LLM
import Session
import Testing
@testable import Translate
@testable import HTTP
@testable import Bench
import TestSupport

@Suite("LastCommandFixer")
struct LastCommandFixerTests {
    private func context(_ command: String, _ error: String, namespace: String? = nil) -> SessionContext {
        var context = SessionContext(namespace: namespace)
        FailureTracker.apply(line: command, exitStatus: 1, errorOutput: error, to: &context)
        return context
    }

    @Test func aMistypedFormatAndAMissingShell() throws {
        let format = context("kubectl get pods -l app=cart -o wdie",
                             "error: unable to match a printer suitable for the output format \"wdie\", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml")
        #expect(try #require(LastCommandFixer.fix(request: "fix it", context: format)).command == "kubectl get pods -l app=cart -o wide")
        let shell = context("kubectl exec -it orders-db-0 -- bash",
                            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown\ncommand terminated with exit code 126")
        #expect(try #require(LastCommandFixer.fix(request: "Fix the previous command.", context: shell)).command == "kubectl exec -it orders-db-0 -- sh")
        // A program that is no shell is not swapped for one.
        let program = context("kubectl exec db-0 -- psql", "exec: \"psql\": executable file not found in $PATH")
        #expect(LastCommandFixer.fix(request: "fix it", context: program) == nil)
    }

    @Test func typoedResourceTypeGetsTheClosestType() throws {
        let failed = context("kubectl get deploymnets -n shop",
                             "error: the server doesn't have a resource type \"deploymnets\"\n")
        let fix = try #require(LastCommandFixer.fix(request: "fix it", context: failed))
        #expect(fix.command == "kubectl get deployments -n shop")
        #expect(fix.reason == "\"deploymnets\" is not a resource type; the closest is deployments")
        #expect(LastCommandFixer.fix(request: "why did that fail", context: failed)?.command == fix.command)
        let swapped = context("kubectl describe pdo web-0", "error: the server doesn't have a resource type \"pdo\"")
        #expect(LastCommandFixer.fix(request: "fix the typo", context: swapped)?.command == "kubectl describe pod web-0")
        let slash = context("kubectl rollout restart deploymnet/web",
                            "error: the server doesn't have a resource type \"deploymnet\"")
        #expect(LastCommandFixer.fix(request: "fix", context: slash)?.command == "kubectl rollout restart deployment/web")
    }

    @Test func unknownFlagGetsTheClosestFlagOfTheCommand() {
        let failed = context("kubectl logs web-0 --tails=50", "error: unknown flag: --tails\nSee 'kubectl logs --help' for usage.")
        let fix = LastCommandFixer.fix(request: "fix it", context: failed)
        #expect(fix?.command == "kubectl logs web-0 --tail=50")
        #expect(fix?.reason == "--tails is not a flag of kubectl logs; the closest is --tail")
        let drain = context("kubectl drain worker-3 --ignore-daemonset", "error: unknown flag: --ignore-daemonset")
        #expect(LastCommandFixer.fix(request: "try again", context: drain)?.command
                == "kubectl drain worker-3 --ignore-daemonsets")
    }

    @Test func unknownCommandsAndSubcommands() {
        let verb = context("kubectl gett pods", "error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget")
        #expect(LastCommandFixer.fix(request: "fix it", context: verb)?.command == "kubectl get pods")
        let sub = context("kubectl rollout undoo deployment/web", "error: unknown command \"undoo deployment/web\"")
        let fix = LastCommandFixer.fix(request: "fix it", context: sub)
        #expect(fix?.command == "kubectl rollout undo deployment/web")
        #expect(fix?.reason == "undoo is not a kubectl rollout command; the closest is undo")
    }

    @Test func requiredFlagTakesItsValueFromTheRequest() {
        let scale = context("kubectl scale deployment web", "error: required flag(s) \"replicas\" not set")
        #expect(LastCommandFixer.fix(request: "fix it, 3 replicas", context: scale)?.command
                == "kubectl scale deployment web --replicas=3")
        #expect(LastCommandFixer.fix(request: "fix it", context: scale) == nil, "no value: the model decides")
        let logged = context("kubectl create deployment web",
                             "E1206 21:57:36.447502 5240 run.go:72] \"command failed\" err=\"required flag(s) \\\"image\\\" not set\"")
        #expect(LastCommandFixer.fix(request: "fix it with image nginx:1.25", context: logged)?.command
                == "kubectl create deployment web --image=nginx:1.25")
    }

    @Test func otherRequestsAndErrorsGoToTheModel() {
        let failed = context("kubectl get deploymnets", "error: the server doesn't have a resource type \"deploymnets\"")
        #expect(LastCommandFixer.fix(request: "try again in staging", context: failed) == nil)
        #expect(LastCommandFixer.fix(request: "same for web-2", context: failed) == nil)
        #expect(LastCommandFixer.fix(request: "show pods", context: failed) == nil)
        let notFound = context("kubectl get deployment web", "Error from server (NotFound): deployments.apps \"web\" not found")
        #expect(LastCommandFixer.fix(request: "fix it", context: notFound) == nil)
        #expect(LastCommandFixer.fix(request: "fix it", context: SessionContext()) == nil)
    }

    @Test func fixesTheDatasetCasesItAnswers() throws {
        let cases = try BenchmarkDataset.load(from: ShippedBenchmark.url).cases.filter { $0.category == .fix }
        var answered = 0
        for item in cases {
            let context = item.context?.sessionContext() ?? SessionContext()
            guard let fix = LastCommandFixer.fix(request: item.prompt, context: context) else { continue }
            answered += 1
            #expect(BenchmarkScorer.score(fix.command, for: item).semantic, "\(item.id): \(fix.command)")
        }
        #expect(answered >= 20)
    }
}

@Suite("FixRequest")
struct FixRequestTests {
    @Test("plain fix requests", arguments: ["fix it", "fix", "why did that fail", "try again", "what went wrong",
                                              "fix the typo", "please fix that command", "retry"])
    func plain(request: String) {
        #expect(FixRequest.isPlainFix(request))
    }

    @Test("requests that say more", arguments: ["try again in staging", "same for web-2", "show pods", "fix web-0",
                                                  "scale it to 3", "delete the failing ones"])
    func notPlain(request: String) {
        #expect(!FixRequest.isPlainFix(request))
    }
}

@Suite("ContextRenderer failure")
struct ContextRendererFailureTests {
    @Test func theFailureGoesInOnlyWhenTheRequestRefersToIt() {
        var context = SessionContext(namespace: "shop")
        FailureTracker.apply(line: "kubectl get deployment web -n shop", exitStatus: 1,
                             errorOutput: "Error from server (NotFound): deployments.apps \"web\" not found\n",
                             to: &context)
        for request in ["fix it", "why did that fail", "try again in staging", "same for web-2"] {
            let rendered = ContextRenderer.render(context, request: request)
            #expect(rendered.lines.contains("last command (exit 1): kubectl get deployment web -n shop"), "\(request)")
            #expect(rendered.lines.contains("Error from server (NotFound): deployments.apps \"web\" not found"))
            #expect(rendered.fields["last"] != nil)
        }
        let unrelated = ContextRenderer.render(context, request: "list services")
        #expect(unrelated.fields["last"] == nil)
        #expect(!unrelated.lines.contains { $0.hasPrefix("last command") })
    }

    @Test func theFailureChangesTheCacheKeyOnlyWhenShown() {
        var context = SessionContext()
        FailureTracker.apply(line: "kubectl get deploymnets", exitStatus: 1, errorOutput: "error: x", to: &context)
        #expect(PromptBuilder.contextFields(context, request: "fix it")["last"] != nil)
        #expect(PromptBuilder.contextFields(context, request: "get pods") == PromptBuilder.contextFields(SessionContext(), request: "get pods"))
    }
}

@Suite("Retrieval for requests about the failed command")
struct FailedCommandRetrievalTests {
    @Test func examplesWithAFailedCommandComeFirst() {
        var context = SessionContext()
        FailureTracker.apply(line: "kubectl get deployment web", exitStatus: 1,
                             errorOutput: "Error from server (NotFound): deployments.apps \"web\" not found", to: &context)
        let lines = ContextRenderer.render(context, request: "try again in staging").lines
        let nearest = ExampleRetriever.shipped.nearest(to: "try again in staging", context: lines, count: 4)
        #expect(nearest.first?.context.first?.hasPrefix("last command (exit 1): ") == true, "\(nearest.map(\.request))")
    }
}

@Suite("Translator and the last command")
struct TranslatorFixTests {
    @Test("fix it is answered from kubectl's help with no backend; the user's edit of that fix wins afterwards")
    func fixWithoutTheModel() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let translator = Translator(backendProvider: { throw LLMError(.configuration, "no model in this test") },
                                    modelName: "none", cache: AnswerCache(url: directory.appendingPathComponent("c.json")))
        var context = SessionContext()
        FailureTracker.apply(line: "kubectl get deploymnets", exitStatus: 1,
                             errorOutput: "error: the server doesn't have a resource type \"deploymnets\"", to: &context)
        let fixed = try await translator.translate("fix it", context: context)
        #expect(fixed.command == "kubectl get deployments")
        #expect(fixed.model == LastCommandFixer.answeredBy)
        #expect(fixed.note?.hasPrefix("fixed without the model: ") == true)
        #expect(fixed.risk.risk == .readOnly)
        #expect(try translator.learn(request: "fix it", context: context, command: "kubectl get deployments -A"))
        let again = try await translator.translate("fix it", context: context)
        #expect(again.command == "kubectl get deployments -A")
        #expect(again.cached && again.learned)
        // Without the failure, "fix it" needs the model, which this translator does not have.
        await #expect(throws: LLMError.self) { try await translator.translate("fix it", context: SessionContext()) }
    }
}

@Suite("LastCommandFixer containers")
struct LastCommandFixerContainerTests {
    private func context(_ command: String, _ error: String) -> SessionContext { failedContext(command, error) }

    @Test func aContainerKubectlListedAndTheRequestNames() {
        let logs = context("kubectl logs web-0 -n shop",
                           "error: a container name must be specified for pod web-0, choose one of: [app sidecar]")
        #expect(LastCommandFixer.fix(request: "fix it, the app container", context: logs)?.command
                == "kubectl logs web-0 -n shop -c app")
        #expect(LastCommandFixer.fix(request: "fix it", context: logs) == nil, "which one is the user's call")
        let exec = context("kubectl exec api-7c9d-q2w3e -- cat /etc/config.yaml",
                           "Defaulted container \"api\" out of: api, envoy (init: setup)\ncat: can't open '/etc/config.yaml'")
        #expect(LastCommandFixer.fix(request: "same in the envoy container", context: exec)?.command
                == "kubectl exec api-7c9d-q2w3e -c envoy -- cat /etc/config.yaml")
        let missing = context("kubectl exec web-0 -c web -- ls /data",
                              "error: unable to upgrade connection: container not found (\"web\")")
        #expect(LastCommandFixer.fix(request: "try again in the app container", context: missing)?.command
                == "kubectl exec web-0 -c app -- ls /data")
        #expect(LastCommandFixer.fix(request: "try again in the app container in staging", context: missing) == nil)
    }
}

@Suite("LastCommandFixer: what the request and the error say")
struct LastCommandFixerSaidTests {
    private func context(_ command: String, _ error: String) -> SessionContext {
        var context = SessionContext(namespace: "batch")
        FailureTracker.apply(line: command, exitStatus: 1, errorOutput: error, to: &context)
        return context
    }

    @Test func aShellTheRequestNames() throws {
        let shell = context("kubectl exec -it orchard-db-0 -- bash",
                            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown")
        #expect(try #require(LastCommandFixer.fix(request: "no bash in there, use sh", context: shell)).command
            == "kubectl exec -it orchard-db-0 -- sh")
        #expect(LastCommandFixer.fix(request: "run it in web-2 instead", context: shell) == nil)
    }

    @Test func theOverwriteKubectlNames() throws {
        let label = context("kubectl label pod api-0 team=core", "error: 'team' already has a value (payments), and --overwrite is false")
        #expect(try #require(LastCommandFixer.fix(request: "try again with the right flag", context: label)).command
            == "kubectl label pod api-0 team=core --overwrite")
        #expect(LastCommandFixer.fix(request: "label api-1 instead", context: label) == nil)
    }
}

/// A session whose last command failed with `error` (exit status 1).
private func failedContext(_ command: String, _ error: String) -> SessionContext {
    var context = SessionContext()
    FailureTracker.apply(line: command, exitStatus: 1, errorOutput: error, to: &context)
    return context
}

@Suite("LastCommandFixer: a flag cut short, the same command for another object")
struct LastCommandFixerShortTests {
    private func context(_ command: String, _ error: String) -> SessionContext { failedContext(command, error) }

    @Test func aFlagCutShortIsTheOneFlagItStarts() throws {
        let logs = context("kubectl logs reporter-0 -n billing --prev", "Error: unknown flag: --prev\nSee 'kubectl logs --help' for usage.")
        #expect(try #require(LastCommandFixer.fix(request: "fix", context: logs)).command == "kubectl logs reporter-0 -n billing --previous")
        let sort = context("kubectl get pods -l app=ingest --sort=.metadata.creationTimestamp",
                           "Error: unknown flag: --sort\nSee 'kubectl get --help' for usage.")
        #expect(try #require(LastCommandFixer.fix(request: "fix pls", context: sort)).command
            == "kubectl get pods -l app=ingest --sort-by=.metadata.creationTimestamp")
        // A start several flags share is no answer on its own: `--show` starts show-kind, show-labels, ….
        let show = context("kubectl get pods --show", "Error: unknown flag: --show\nSee 'kubectl get --help' for usage.")
        #expect(LastCommandFixer.fix(request: "fix it", context: show) == nil)
    }

    @Test func theModelsAnswerKeepsTheFlagTheFailedCommandCutShort() {
        let lines = ["last command (exit 1): kubectl logs reporter-0 -n billing --prev", "Error: unknown flag: --prev"]
        #expect(FlagEvidence.prune("kubectl logs reporter-0 -n billing --previous", request: "fix", context: lines).dropped.isEmpty)
        // Without the failed command, an earlier container's logs nobody asked for go.
        #expect(FlagEvidence.prune("kubectl logs reporter-0 -n billing --previous", request: "logs of reporter-0", context: []).dropped
            == ["--previous"])
    }

    @Test func theSameCommandForAnotherObject() throws {
        let logs = context("kubectl logs cart-web-1 -n storefront --previous",
                           "Error from server (BadRequest): previous terminated container \"web\" in pod \"cart-web-1\" not found")
        #expect(try #require(LastCommandFixer.fix(request: "same for cart-web-2", context: logs)).command
            == "kubectl logs cart-web-2 -n storefront --previous")
        #expect(try #require(LastCommandFixer.fix(request: "again but for cart-web-3 pls", context: logs)).command
            == "kubectl logs cart-web-3 -n storefront --previous")
        let scale = context("kubectl scale deployment/ledger --replicas=3", "Error from server (NotFound): deployments.apps \"ledger\" not found")
        #expect(try #require(LastCommandFixer.fix(request: "same for ledger-v2", context: scale)).command
            == "kubectl scale deployment/ledger-v2 --replicas=3")
        // A namespace, a word without a digit or dash, or more words go to the model.
        #expect(LastCommandFixer.otherObject("same for staging") == nil)
        #expect(LastCommandFixer.otherObject("same in ns web-2") == nil)
        #expect(LastCommandFixer.otherObject("same for web-2 but with --tail 20") == nil)
        #expect(LastCommandFixer.otherObject("web-2") == nil)
        // "again but in the X container" after kubectl listed the pod's containers.
        let exec = context("kubectl exec -it ingest-worker-5f6b8c7d9-zt9wq -n ingest -- sh",
                           "error: a container name must be specified for pod ingest-worker-5f6b8c7d9-zt9wq, choose one of: [worker log-shipper]")
        #expect(try #require(LastCommandFixer.fix(request: "again but in log-shipper contianer", context: exec)).command
            == "kubectl exec -it ingest-worker-5f6b8c7d9-zt9wq -n ingest -c log-shipper -- sh")
        // A command kubectl itself refused keeps its mistake in another object: that goes to the model.
        let typo = context("kubectl get deploymnets web-1", "error: the server doesn't have a resource type \"deploymnets\"")
        #expect(LastCommandFixer.fix(request: "same for web-2", context: typo) == nil)
        // A command with two objects has no one object to replace.
        let two = context("kubectl delete pod web-0 web-1", "Error from server (NotFound): pods \"web-0\" not found")
        #expect(LastCommandFixer.fix(request: "same for web-4", context: two) == nil)
    }
}

@Suite("LastCommandFixer: again in another namespace")
struct LastCommandFixerNamespaceTests {
    private func context(_ command: String, _ error: String) -> SessionContext { failedContext(command, error) }

    @Test func notFoundTriedAgainInAnotherNamespace() throws {
        let missing = context("kubectl describe pod cart-web-2 -n shop", "Error from server (NotFound): pods \"cart-web-2\" not found")
        #expect(try #require(LastCommandFixer.fix(request: "try agian in ns retail", context: missing)).command
            == "kubectl describe pod cart-web-2 -n retail")
        #expect(try #require(LastCommandFixer.fix(request: "same in namespace retail pls", context: missing)).command
            == "kubectl describe pod cart-web-2 -n retail")
        #expect(try #require(LastCommandFixer.fix(request: "try namesapce payments-stg", context: missing)).command
            == "kubectl describe pod cart-web-2 -n payments-stg")
        let bare = context("kubectl logs web-0 -- x", "Error from server (NotFound): pods \"web-0\" not found")
        #expect(try #require(LastCommandFixer.fix(request: "again in ns retail", context: bare)).command == "kubectl logs web-0 -n retail -- x")
        // A request that says more, or an error that is not "not found", goes to the model.
        #expect(LastCommandFixer.fix(request: "try again in ns retail with the previous container", context: missing) == nil)
        let typo = context("kubectl get deploymnets -n shop", "error: the server doesn't have a resource type \"deploymnets\"")
        #expect(LastCommandFixer.fix(request: "try again in staging", context: typo) == nil)
    }
}

@Suite("FixRequest: the ways people say it does not work")
struct FixRequestNotWorkingTests {
    @Test(arguments: ["it not work, please fix", "still not working, fix pls", "doesnt work, fix it"])
    func plainFixes(_ request: String) {
        #expect(FixRequest.isPlainFix(request))
    }

    @Test func aShellThatIsNotThere() throws {
        var context = SessionContext()
        FailureTracker.apply(line: "kubectl exec -it api-2 -- /bin/bash", exitStatus: 126,
                             errorOutput: "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/bin/bash\": stat /bin/bash: no such file or directory: unknown",
                             to: &context)
        #expect(try #require(LastCommandFixer.fix(request: "it not work, please fix", context: context)).command == "kubectl exec -it api-2 -- sh")
    }
}

@Suite("LastCommandFixer: a correction in few words")
struct LastCommandFixerCorrectionTests {
    private func context(_ command: String, _ error: String) -> SessionContext { failedContext(command, error) }

    @Test func anInterjectionIsAFixRequest() throws {
        let typo = context("kubectl get confgimaps -n vault", "error: the server doesn't have a resource type \"confgimaps\"")
        #expect(try #require(LastCommandFixer.fix(request: "oops", context: typo)).command == "kubectl get configmaps -n vault")
        let flag = context("kubectl set resources deploy tally --limit=cpu=1 -n acct",
                           "Error: unknown flag: --limit\nSee 'kubectl set resources --help' for usage.")
        #expect(try #require(LastCommandFixer.fix(request: "hm, what flag is it then", context: flag)).command
            == "kubectl set resources deploy tally --limits=cpu=1 -n acct")
        // A request that says what to do instead is not a plain fix.
        #expect(LastCommandFixer.fix(request: "oops, show the nodes", context: typo) == nil)
    }

    @Test func theFlagARequestNamesByItsWord() throws {
        let short = context("kubectl get pods -n intake -r", "error: unknown shorthand flag: 'r' in -r\nSee 'kubectl get --help' for usage.")
        let fix = try #require(LastCommandFixer.fix(request: "i wanted to watch them, use the right flag", context: short))
        #expect(fix.command == "kubectl get pods -n intake --watch")
        #expect(fix.reason == "-r is not a flag of kubectl get; the request asks for --watch")
        let long = context("kubectl logs relay-0 --folow", "error: unknown flag: --folow")
        #expect(LastCommandFixer.fix(request: "wrong flag, i want to follow", context: long)?.command == "kubectl logs relay-0 --follow")
        // No flag named, or a word that names none: the closest spelling, or nothing.
        #expect(LastCommandFixer.fix(request: "fix it", context: long)?.command == "kubectl logs relay-0 --follow")
        #expect(LastCommandFixer.fix(request: "use the right flag", context: short) == nil)
    }

    @Test func execGetsTheDashBeforeItsProgram() throws {
        let error = "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples"
        let shell = context("kubectl exec -it tally-api-6f7d9-zk2pq -n acct bash", error)
        #expect(try #require(LastCommandFixer.fix(request: "ugh, fix pls", context: shell)).command
            == "kubectl exec -it tally-api-6f7d9-zk2pq -n acct -- bash")
        let arguments = context("kubectl exec relay-0 ls -la /data -c main", error)
        #expect(LastCommandFixer.fix(request: "fix", context: arguments)?.command == "kubectl exec relay-0 -c main -- ls -la /data")
        #expect(LastCommandFixer.fix(request: "run df instead", context: shell) == nil)
    }

    @Test func aTaintGetsTheEffectTheRequestGives() throws {
        let taint = context("kubectl taint nodes wk-12 team=ml",
                            "error: invalid taint spec: team=ml, name part must consist of alphanumeric characters\nSee 'kubectl taint -h' for help and examples")
        #expect(try #require(LastCommandFixer.fix(request: "forgot the effect, its NoSchedule", context: taint)).command
            == "kubectl taint nodes wk-12 team=ml:NoSchedule")
        #expect(LastCommandFixer.fix(request: "fix it", context: taint) == nil)
    }

    @Test func anotherNamespaceSaidAsACorrection() throws {
        let missing = context("kubectl describe deployment tally-api",
                              "Error from server (NotFound): deployments.apps \"tally-api\" not found")
        #expect(LastCommandFixer.fix(request: "wrong ns, its in acct-stg", context: missing)?.command
            == "kubectl describe deployment tally-api -n acct-stg")
        #expect(LastCommandFixer.fix(request: "ns is acct with one t, redo", context: missing)?.command
            == "kubectl describe deployment tally-api -n acct")
        #expect(LastCommandFixer.fix(request: "wrong ns, show the pods in acct-stg", context: missing) == nil)
    }

    @Test func theTypeTheObjectReallyHas() throws {
        let forward = context("kubectl port-forward metrics-ui 9090:80 -n obsv", "Error from server (NotFound): pods \"metrics-ui\" not found")
        let fix = try #require(LastCommandFixer.fix(request: "its a svc not a pod duh", context: forward))
        #expect(fix.command == "kubectl port-forward svc/metrics-ui 9090:80 -n obsv")
        let describe = context("kubectl describe deployment ledger-db", "Error from server (NotFound): deployments.apps \"ledger-db\" not found")
        #expect(LastCommandFixer.fix(request: "it's a statefulset", context: describe)?.command == "kubectl describe statefulset ledger-db")
        // Only the type it is not, or a request that says more: the model answers.
        #expect(LastCommandFixer.fix(request: "not a pod", context: forward) == nil)
        #expect(LastCommandFixer.fix(request: "its a svc, forward 8080 instead", context: forward) == nil)
    }
}
