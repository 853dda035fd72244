import LineEditor
import Testing
@testable import Shell

/// Live data as a cluster would give it; records what was asked.
final class FakeClusterNames: CompletionDataSource, @unchecked Sendable {
    var asked: [(String, String?)] = []
    func names(resource: String, namespace: String?) -> [String] {
        asked.append((resource, namespace))
        switch (resource, namespace) {
        case ("namespaces", _): return ["default", "shop", "kube-system"]
        case ("pods", "shop"): return ["web-0", "web-1", "payments-api-7d9f8-x2x9q"]
        case ("deployments", "shop"): return ["web", "payments-api"]
        case ("nodes", _): return ["node-1", "node-2"]
        default: return []
        }
    }
    func contexts() -> [String] { ["prod-eu", "dev"] }
}

@Suite("Tab completion candidates")
struct ShellCompleterTests {
    let source = FakeClusterNames()

    func complete(_ line: String, session: String? = nil) -> [String] {
        let word = line.last == " " ? "" : String(line.split(separator: " ").last ?? "")
        let start = line.count - word.count
        let completer = ShellCompleter(source: source, sessionNamespace: { session })
        return completer.candidates(for: CompletionRequest(line: line, word: word, start: start, end: line.count))
    }

    @Test("First word: verbs and kubectl; ':' gives meta commands")
    func firstWord() {
        #expect(complete("ge") == ["get"])
        #expect(complete("ku").contains("kubectl"))
        #expect(complete(":n") == [":ns"])
        #expect(complete(":").count == MetaCommand.allCases.count)
    }

    @Test("Resource types after a verb, including short names")
    func resourceTypes() {
        #expect(complete("get po") == ["pods"])
        #expect(complete("kubectl describe deploy") == ["deployments"])
        #expect(complete("get svc") == ["services"])
        #expect(complete("get pod").contains("poddisruptionbudgets"))
        #expect(complete("get pv") == ["persistentvolumes"])
    }

    @Test("Sub-verbs")
    func subverbs() {
        #expect(complete("rollout re").contains("restart"))
        #expect(complete("rollout re").contains("resume"))
        #expect(complete("config use").contains("use-context"))
    }

    @Test("Flags of the verb")
    func flags() {
        let logs = complete("logs web-0 --fo")
        #expect(logs.contains("--follow"))
        #expect(!complete("get pods --fo").contains("--follow"))
        #expect(complete("get pods --all-n").contains("--all-namespaces"))
    }

    @Test("Flag values: namespaces, contexts, output formats")
    func flagValues() {
        #expect(complete("get pods -n sh") == ["shop"])
        #expect(complete("get pods --namespace=sh") == ["--namespace=shop"])
        #expect(complete("get pods --context pr") == ["prod-eu"])
        #expect(complete("get pods -o w") == ["wide"])
        #expect(complete(":ns sh") == ["shop"])
        #expect(complete(":ctx d") == ["dev"])
    }

    @Test("Live names of the type on the line, in the line's or the session's namespace")
    func liveNames() {
        #expect(complete("get pods -n shop web-") == ["web-0", "web-1"])
        #expect(complete("get pods web-", session: "shop") == ["web-0", "web-1"])
        #expect(complete("logs pay", session: "shop") == ["payments-api-7d9f8-x2x9q"])
        #expect(complete("describe deploy/we", session: "shop") == ["deploy/web"])
        #expect(complete("cordon node-") == ["node-1", "node-2"])
    }

    @Test("Nothing for shell and request lines")
    func nothingForOthers() {
        #expect(complete("!ls ") == [])
        #expect(complete("?delete the ") == [])
    }
}
