import Foundation
import KubectlKit

extension RequestEvidence {
    // MARK: - Targets the answer lost or got wrong

    /// The pod names a request writes: DNS labels with a dash and a digit (`ingest-worker-7c9f8-xk2lp`, `orders-db-0`)
    /// that are neither the command's namespace nor a container the request names.
    static func podLikeNames(_ evidence: Evidence, namespace: String?) -> [String] {
        let container = namedContainer(evidence.text)
        var found: [String] = []
        for token in evidence.text.tokens where looksLikeName(token) && token.contains("-") && token.contains(where: \.isNumber) {
            guard token != namespace?.lowercased(), token != container, !found.contains(token) else { continue }
            found.append(token)
        }
        return found
    }

    /// `logs -f -n data --tail=200` for "follow logs on ingest-worker-7c9f8-xk2lp ns data": a `logs` that reads no pod,
    /// selector or object, where the request names exactly one pod, reads that pod.
    static let lostLogsPod: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "logs", parsed.objects.isEmpty, parsed.names.isEmpty, parsed.resourceWords.isEmpty,
              !parsed.hasFlag("selector"), !parsed.hasFlag("all-pods") else { return nil }
        let pods = podLikeNames(evidence, namespace: parsed.namespace)
        guard pods.count == 1, let pod = pods.first else { return nil }
        var line = words.words
        line.insert(pod, at: 2)
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "logs \(pod): the pod the request names")
    }

    /// Words before a type that ask for the events of every object of that type ("events that concern persistent
    /// volume claims", "events about pods").
    static let kindMarkers: Set<String> = ["concern", "concerning", "about", "involving", "regarding", "for", "of", "on"]

    /// The events of a type, not of one object ("events that concern PersistentVolumeClaim objects"):
    /// `get events --field-selector=involvedObject.kind=PersistentVolumeClaim`, keeping `-n`, `-A`, `-w`, the warning
    /// type and a sort by time the request asks for.
    static let eventsOfKind: Check = { words, evidence in
        let parsed = words.parsed
        let isEvents = parsed.verb == "events" || (parsed.verb == "get" && parsed.resource?.plural == "events")
        guard isEvents, namedObjects(evidence.text).isEmpty, !(parsed.fieldSelector ?? "").contains("involvedObject.kind")
        else { return nil }
        let tokens = evidence.text.tokens
        var kind: ResourceType?
        for index in tokens.indices {
            guard let type = ResourceCatalog.lookup(tokens[index]) ?? compoundType(tokens, at: index)?.0,
                  !["events", "namespaces"].contains(type.plural) else { continue }
            let before = tokens[max(0, index - 2)..<index]
            guard before.contains(where: kindMarkers.contains) else { continue }
            if let found = kind, found != type { return nil }
            kind = type
        }
        guard let kind else { return nil }
        // A `--for` that names an object the request or session mentions is what it asks for already; one named by a
        // word that names no object ("PersistentVolumeClaim objects") is not.
        if let target = words.span("for")?.flag.value, !namedObjects(RequestText(target.replacingOccurrences(of: "/", with: " "))).isEmpty,
           evidence.known.containsWord(target.split(separator: "/").last.map(String.init) ?? target) { return nil }
        var fields = ["involvedObject.kind=" + kind.kind]
        var types = words.span("types")?.flag.value
        if types == nil, evidence.text.hasAny(["warning", "warnings"]) { types = "Warning" }
        if let types { fields.append("type=" + types) }
        var line = ["kubectl", "get", "events", "--field-selector=" + fields.joined(separator: ",")]
        if let namespace = words.span("namespace")?.flag.value { line += ["-n", namespace] }
        if parsed.allNamespaces { line.append("-A") }
        if parsed.hasFlag("watch") { line.append("-w") }
        if evidence.text.hasAny(["sort", "sorted", "order", "ordered"]),
           evidence.text.hasAny(["time", "timestamp", "recent", "last", "latest", "newest", "oldest"]) {
            line.append("--sort-by=.lastTimestamp")
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.fieldSelector, "involvedObject.kind=\(kind.kind): the events of every \(kind.singular)")
    }

    /// `annotate svc ledger-api billing owner-` for "… svc ledger-api billing ns": the namespace the request names,
    /// written as a bare name next to the object's, becomes `-n`. Only when the request uses the word as nothing but
    /// the namespace.
    static let strayNamespaceWord: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, parsed.namespace == nil, !parsed.allNamespaces, verb != "create",
              AskedFlags.namespacedVerbs.contains(verb), let named = AskedFlags.namedNamespace(evidence.request),
              parsed.resource?.plural != "namespaces", parsed.names.count >= 2,
              !AskedFlags.selectorOperand(parsed, named, request: evidence.request),
              let stray = parsed.names.dropFirst().first(where: { $0.lowercased() == named }) else { return nil }
        let tokens = evidence.text.tokens
        let markers: Set<String> = ["in", "ns", "namespace", "-n", "--namespace"]
        let asNamespace = tokens.indices.filter { tokens[$0] == named }.allSatisfy { index in
            (index > 0 && markers.contains(tokens[index - 1])) || (index + 1 < tokens.count && markers.contains(tokens[index + 1]))
        }
        guard asNamespace || AskedFlags.trailingNamespace(evidence.request) == named else { return nil }
        words.removeWord(stray)
        words.append(["-n", stray])
        return EvidenceFix(.namespace, "-n \(stray): the namespace the request names, not an object")
    }

    /// `cordon ip-10-1-4-22 quick` for "cordon ip-10-1-4-22 quick, node is going bad": a plain word next to a node's
    /// name is the request's, not a second node. Kept when the request calls it a node ("nodes edge and core").
    static let strayNodeWords: Check = { words, evidence in
        let parsed = words.parsed
        guard ["cordon", "uncordon", "drain"].contains(parsed.verb ?? ""), parsed.names.count >= 2 else { return nil }
        let tokens = evidence.text.tokens
        func written(_ name: String) -> Bool { name.contains(where: { $0.isNumber || $0 == "-" || $0 == "." }) }
        func calledNode(_ name: String) -> Bool {
            tokens.indices.contains { index in
                tokens[index] == name.lowercased() && index > 0 && ["node", "nodes", "and", "or"].contains(tokens[index - 1])
            }
        }
        let stray = parsed.names.filter { !written($0) && !calledNode($0) }
        guard !stray.isEmpty, stray.count < parsed.names.count else { return nil }
        for word in stray { words.removeWord(word) }
        return EvidenceFix(.objectForm, "dropped \(stray.joined(separator: " ")): request words, not nodes")
    }

    /// States that narrow "the completed jobs" to some of them.
    static let finishedWords: Set<String> = ["completed", "complete", "finished", "succeeded", "successful"]

    /// `delete jobs --all` for "delete the completed jobs": `--all` would delete every job, so the jobs are chosen
    /// by their state instead (`--field-selector=status.successful=1` for jobs, `status.phase=Succeeded` or
    /// `status.phase=Failed` for pods).
    static let allNarrowedByState: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "delete", let all = words.span("all"), parsed.fieldSelector == nil, !parsed.hasFlag("selector"),
              let type = parsed.resource?.plural else { return nil }
        let text = evidence.text
        let field: String
        switch type {
        case "jobs" where text.hasAny(finishedWords): field = "status.successful=1"
        case "pods" where text.hasAny(finishedWords): field = "status.phase=Succeeded"
        case "pods" where text.hasAny(["failed", "evicted"]): field = "status.phase=Failed"
        default: return nil
        }
        words.remove(all)
        words.append(["--field-selector=" + field])
        return EvidenceFix(.fieldSelector, "--field-selector=\(field) for --all: only the \(type) in that state")
    }

    /// `port-forward svc/api 8080:80 svc/api 9090:9090`: the object written again before each pair is one object.
    static let repeatedForwardTarget: Check = { words, _ in
        guard words.parsed.verb == "port-forward" else { return nil }
        let positional = words.positional.dropFirst()
        guard let target = positional.first, target.contains("/"),
              positional.dropFirst().contains(target) else { return nil }
        var indices = words.positionalIndices.dropFirst(2).filter { words.words[$0] == target }
        guard !indices.isEmpty else { return nil }
        indices.sort()
        words.remove(at: indices)
        return EvidenceFix(.objectForm, "\(target) once: one object forwards every port")
    }
}
