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

    /// "rollout status … once, without watching": `rollout status --watch=false`; a `--revision` the request never
    /// asks for goes with it.
    static let rolloutStatusOnce: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "rollout", parsed.subverb == "status", !parsed.hasFlag("watch") else { return nil }
        let noWatch = ["without watching", "without watch", "no watch", "not watch", "don't watch", "dont watch",
                       "do not watch", "without waiting", "no wait", "don't wait", "dont wait", "do not wait", "just once",
                       "only once", "once"].contains(where: text.has)
        guard noWatch else { return nil }
        if let revision = words.span("revision"), !text.hasAny(["revision", "rev"]) { words.remove(revision) }
        words.append(["--watch=false"])
        return EvidenceFix(.output, "--watch=false: the request asks for the status once")
    }

    /// "at most 500000 bytes": `logs --limit-bytes`, not `--tail` (which counts lines).
    static let logBytes: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "logs", !parsed.hasFlag("limit-bytes"), let span = words.span("tail"),
              let value = span.flag.value, text.hasAny(["bytes", "byte"]), !text.hasAny(["lines", "line"]) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        words.append(["--limit-bytes=" + value])
        return EvidenceFix(.unknownFlag, "\(written) → --limit-bytes=\(value): the request counts bytes, not lines")
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
        // A `--for` that names an object of that type is what the request asks for already.
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

    /// A JSON patch path written for the other kind of object: `/spec/template/spec/containers` on a pod is
    /// `/spec/containers`, and `/spec/containers` on a deployment (or any pod template owner) is
    /// `/spec/template/spec/containers`.
    static let patchPathForType: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "patch", let span = words.span("patch"), let value = span.flag.value,
              value.contains("\"path\"") else { return nil }
        let type = parsed.objects.first?.resource?.plural ?? parsed.resource?.plural
        var fixed = value
        if type == "pods" {
            fixed = value.replacingOccurrences(of: "\"/spec/template/spec/", with: "\"/spec/")
        } else if let type, ["deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "replicationcontrollers"].contains(type) {
            for field in ["containers", "initContainers", "volumes", "nodeSelector", "tolerations", "affinity", "serviceAccountName"] {
                fixed = fixed.replacingOccurrences(of: "\"/spec/\(field)", with: "\"/spec/template/spec/\(field)")
            }
        }
        guard fixed != value else { return nil }
        words.setValue(fixed, of: span)
        return EvidenceFix(.inventedValue, "the patch's path as a \(type.map { String($0.dropLast()) } ?? "object") has it")
    }

    /// "api resources that support list": `api-resources --verbs=list`.
    static let resourceVerbs: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "api-resources", !parsed.hasFlag("verbs") else { return nil }
        let tokens = evidence.text.tokens
        let apiVerbs: Set<String> = ["list", "get", "watch", "create", "delete", "update", "patch", "deletecollection"]
        guard let marker = tokens.firstIndex(where: { ["support", "supports", "supporting", "allow", "allows", "verb", "verbs"].contains($0) })
        else { return nil }
        var found: [String] = []
        for token in tokens[(marker + 1)...] {
            if apiVerbs.contains(token) { found.append(token) } else if !["and", "or", "the", "verb", "verbs", "both"].contains(token) { break }
        }
        guard !found.isEmpty else { return nil }
        // `-o name` for "that support list" reads the verb as a format.
        if let output = words.span("output"), output.flag.value == "name", !evidence.text.hasAny(["name", "names"]) { words.remove(output) }
        words.append(["--verbs=" + found.joined(separator: ",")])
        return EvidenceFix(.output, "--verbs=\(found.joined(separator: ",")): the resources that support it")
    }

    /// "a server-side dry run": `--dry-run=server` (not only `--server-side`, which applies for real).
    static let serverDryRun: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard ["apply", "create", "delete", "patch", "replace", "scale", "label", "annotate", "set", "run", "expose"].contains(parsed.verb ?? ""),
              text.has("dry run") || text.has("dry-run") || text.hasAny(["dryrun"]),
              text.has("server-side dry") || text.has("server dry") || text.has("on the server") || text.has("server-side validation")
        else { return nil }
        if let span = words.span("dry-run") {
            guard span.flag.value != "server" else { return nil }
            words.setValue("server", of: span)
        } else {
            words.append(["--dry-run=server"])
        }
        return EvidenceFix(.output, "--dry-run=server: the request asks the server to try it")
    }

    /// "Forward local ports 8080 and 8443 to ports 80 and 443": `port-forward … 8080:80 8443:443`. The request's
    /// ports before its "to" are the local ones and those after it the remote ones, paired in order, when both
    /// lists are as long and hold two or more.
    static let portPairs: Check = { words, evidence in
        guard words.parsed.verb == "port-forward", evidence.text.hasAny(["local", "locally", "localhost"]) else { return nil }
        let tokens = evidence.text.tokens
        func port(_ token: String) -> Int? {
            guard !token.isEmpty, token.allSatisfy(\.isNumber), let value = Int(token), (1...65535).contains(value) else { return nil }
            return value
        }
        guard let first = tokens.firstIndex(where: { port($0) != nil }),
              let marker = tokens[first...].firstIndex(where: { $0 == "to" }) else { return nil }
        let locals = tokens[..<marker].compactMap(port)
        let remotes = tokens[marker...].compactMap(port)
        guard locals.count >= 2, locals.count == remotes.count else { return nil }
        let pairs = zip(locals, remotes).map { $0 == $1 ? String($0) : "\($0):\($1)" }
        let positional = words.positional
        let ports = positional.dropFirst(2).filter { word in
            word.split(separator: ":", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
        guard ports != pairs else { return nil }
        for word in ports { words.removeWord(word) }
        words.append(pairs)
        return EvidenceFix(.objectForm, "\(pairs.joined(separator: " ")): each local port to its remote one")
    }

    /// `annotate svc ledger-api billing owner-` for "… svc ledger-api billing ns": the namespace the request names,
    /// written as a bare name next to the object's, becomes `-n`. Only when the request uses the word as nothing but
    /// the namespace.
    static let strayNamespaceWord: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, parsed.namespace == nil, !parsed.allNamespaces, verb != "create",
              AskedFlags.namespacedVerbs.contains(verb), let named = AskedFlags.namedNamespace(evidence.request),
              parsed.resource?.plural != "namespaces", parsed.names.count >= 2,
              let stray = parsed.names.dropFirst().first(where: { $0.lowercased() == named }) else { return nil }
        let tokens = evidence.text.tokens
        let markers: Set<String> = ["in", "ns", "namespace", "-n", "--namespace"]
        let asNamespace = tokens.indices.filter { tokens[$0] == named }.allSatisfy { index in
            (index > 0 && markers.contains(tokens[index - 1])) || (index + 1 < tokens.count && markers.contains(tokens[index + 1]))
        }
        guard asNamespace else { return nil }
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
    static let finishedWords: Set<String> = ["completed", "complete", "finished", "succeeded", "successful", "done"]

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

    /// `--field-selector=metadata.labels.track!=beta`: labels are selected by `-l` (`track!=beta`; an empty value,
    /// `metadata.labels.canary!=`, is `!canary`).
    static let labelsInFieldSelector: Check = { words, _ in
        guard let span = words.span("field-selector"), let value = span.flag.value else { return nil }
        let terms = value.split(separator: ",").map(String.init)
        var labels: [String] = []
        var fields: [String] = []
        for term in terms {
            let lower = term.lowercased()
            guard let prefix = ["metadata.labels.", "labels.", "metadata.label."].first(where: lower.hasPrefix) else {
                fields.append(term)
                continue
            }
            let rest = String(term.dropFirst(prefix.count))
            let key = String(rest.prefix { !"=!".contains($0) })
            let op = rest.dropFirst(key.count).prefix { "=!".contains($0) }
            let labelValue = String(rest.dropFirst(key.count + op.count))
            guard !key.isEmpty else { return nil }
            if labelValue.isEmpty { labels.append(op.hasPrefix("!") ? "!" + key : key) } else { labels.append(key + op + labelValue) }
        }
        guard !labels.isEmpty else { return nil }
        if fields.isEmpty { words.remove(span) } else { words.setValue(fields.joined(separator: ","), of: span) }
        if let selector = words.span("selector"), let current = selector.flag.value {
            let existing = current.split(separator: ",").map(String.init)
            words.setValue((existing + labels.filter { !existing.contains($0) }).joined(separator: ","), of: selector)
        } else {
            words.append(["-l", labels.joined(separator: ",")])
        }
        return EvidenceFix(.selector, "-l \(labels.joined(separator: ",")): labels, not fields")
    }

    /// "namespaced API resources": `api-resources --namespaced=true`; "cluster-scoped" ones: `--namespaced=false`.
    static let namespacedResources: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "api-resources", !parsed.hasFlag("namespaced") else { return nil }
        let cluster = text.hasAny(["cluster-scoped", "cluster-wide", "non-namespaced", "unnamespaced"]) || text.has("not namespaced")
            || text.has("cluster scoped") || text.has("cluster level")
        guard cluster || text.hasAny(["namespaced", "namespace-scoped"]) else { return nil }
        let value = cluster ? "false" : "true"
        words.append(["--namespaced=" + value])
        return EvidenceFix(.output, "--namespaced=\(value): the resources the request asks for")
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

    /// "scale mysql to 3 if its current size is 2", "only if it's currently at 3": `--current-replicas`, the
    /// precondition kubectl checks before scaling.
    static let currentReplicas: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "scale", !parsed.hasFlag("current-replicas"), let target = parsed.flag("replicas")?.value else { return nil }
        let tokens = evidence.text.tokens
        guard let marker = tokens.firstIndex(where: { ["current", "currently", "presently"].contains($0) }) else { return nil }
        let numbers = tokens[(marker + 1)...].prefix(5).compactMap { Int($0) }.map(String.init).filter { $0 != target }
        guard let current = numbers.first else { return nil }
        words.append(["--current-replicas=" + current])
        return EvidenceFix(.inventedValue, "--current-replicas=\(current): only if it runs that many now")
    }

    /// `run … --command run /scripts/smoke.js`: what follows `--command` needs `--`; when the request passes them as
    /// arguments to the image's entrypoint, `--command` goes and `--` stays.
    static let commandNeedsDash: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "run", !parsed.hasDoubleDash, let index = words.words.firstIndex(of: "--command"),
              index + 1 < words.words.count, !words.words[index + 1].hasPrefix("-") else { return nil }
        let arguments = evidence.text.hasAny(["argument", "arguments", "args", "arg"]) && !evidence.text.hasAny(["command", "cmd"])
        var line = words.words
        line.remove(at: index)
        let rest = Array(line[index...])
        line.removeSubrange(index...)
        line += (arguments ? ["--"] : ["--command", "--"]) + rest
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, arguments ? "-- \(rest.joined(separator: " ")): arguments for the image's entrypoint"
                                                  : "--command -- \(rest.joined(separator: " ")): the command goes after --")
    }
}
