import Foundation
import KubectlKit

/// Parts of a command the request's words decide: the `rollout` sub-command, a label filter against a label column,
/// a label change written as some other write, the type of a named object, the types of a list, `-c` and selector
/// values copied from the wrong words, and `--force` that `--grace-period=0` needs.
extension RequestEvidence {
    /// The `rollout` sub-commands and the request words that ask for each.
    static let rolloutWords: [(sub: String, words: Set<String>)] = [
        ("status", ["status", "progress", "done", "finished", "complete", "completed"]),
        ("history", ["history", "revisions", "revision-history"]),
        ("undo", ["undo", "rollback", "revert", "previous"]),
        ("restart", ["restart", "bounce", "recycle", "redeploy"]),
        ("pause", ["pause", "stop", "halt", "freeze"]),
        ("resume", ["resume", "unpause", "unfreeze", "continue"]),
    ]

    /// `rollout history` for "the rollout status of ds x": the sub-command the request's words ask for, when they ask
    /// for exactly one.
    static let rolloutSub: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "rollout", let sub = parsed.subverb else { return nil }
        var asked = rolloutWords.filter { !evidence.text.set.isDisjoint(with: $0.words) }.map(\.sub)
        if evidence.text.has("roll back") || evidence.text.has("go back") { asked.append("undo") }
        // "revision 3 of the history" asks for history; a revision with undo is --to-revision.
        guard Set(asked).count == 1, let wanted = asked.first, wanted != sub else { return nil }
        // Flags of the old sub-command that the new one lacks go (`--to-revision` on status).
        words.replaceWord(sub, with: wanted)
        var dropped: [String] = []
        for span in words.spans.reversed() where KubectlCommandTable.flag(named: "--" + span.flag.name, verb: "rollout", subverb: wanted) == nil
            && !KubectlCommandTable.globalFlags.contains(where: { $0.long == span.flag.name }) {
            dropped.append(words.text(of: span))
            words.remove(span)
        }
        return EvidenceFix(.verb, "rollout \(wanted): the request asks for the \(wanted)" + (dropped.isEmpty ? "" : ", dropped \(dropped.joined(separator: " "))"))
    }

    /// Words that make "the label X" a filter ("pods on which the label release is set").
    static let labelFilterWords: Set<String> = ["set", "have", "has", "having", "carry", "carrying", "carries", "labelled", "labeled", "bearing", "where", "which", "whose"]

    /// `get pods -L release` (a column) for "pods on which the label release is set" (a filter): `-l release`.
    static let labelFilter: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get", let span = words.span("label-columns"), let key = span.flag.value, !parsed.hasFlag("selector"),
              evidence.text.hasAny(labelFilterWords),
              !evidence.text.hasAny(["column", "columns", "their", "values", "display", "showing"]) else { return nil }
        words.remove(span)
        words.append(["-l", key])
        return EvidenceFix(.selector, "-l \(key): the request filters by the label")
    }

    /// Words that stop a label key or value.
    static let labelStops: Set<String> = ["of", "on", "for", "the", "a", "an", "to", "in", "from", "with", "and", "label", "labels"]

    /// "update the label version of the deployment api to v3" answered with another write: `label TYPE NAME KEY=VALUE
    /// --overwrite`, built from the request's key, value and one named object.
    static let labelChange: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard !["label", "get", "describe", "create", "run"].contains(parsed.verb ?? ""), evidence.text.hasAny(changeWords),
              let at = tokens.firstIndex(where: { $0 == "label" }), at + 1 < tokens.count,
              case let key = tokens[at + 1], !labelStops.contains(key), isLabelKey(key), !key.contains("="),
              let to = tokens[(at + 2)...].firstIndex(of: "to"), to + 1 < tokens.count,
              case let value = tokens[to + 1], !labelStops.contains(value), isLabelKey(value) else { return nil }
        let objects = namedObjects(evidence.text)
        guard objects.count == 1, let object = objects.first else { return nil }
        var line = ["kubectl", "label", object.type.singular, object.name, "\(key)=\(value)", "--overwrite"]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "label \(object.type.singular) \(object.name) \(key)=\(value): the request changes a label")
    }

    /// Verbs whose first word after the verb (and sub-command) is the type.
    static let typedVerbs: Set<String> = ["scale", "delete", "describe", "label", "annotate", "edit", "patch", "expose", "autoscale", "get"]

    /// `scale rs-legacy --replicas=0` for "the replica set rs-legacy": a name where kubectl reads a type gets the type
    /// the request gives it.
    static let missingType: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, typedVerbs.contains(verb) || (verb == "rollout" && parsed.subverb != nil) else { return nil }
        let positional = words.positional.dropFirst(verb == "rollout" ? 2 : 1)
        guard let first = positional.first, !first.contains("/"), ResourceCatalog.lookup(first) == nil,
              let type = namedObject(first, in: evidence.text) else { return nil }
        words.replaceWord(first, with: type.singular + "/" + first)
        return EvidenceFix(.objectForm, "\(type.singular)/\(first): the type the request gives it")
    }

    /// `get sa,rolebinding` for "sa + roles": each type of a comma list is one the request names; one it does not
    /// name becomes the one it names that the list lacks.
    static let typeList: Check = { words, evidence in
        guard let word = words.positional.dropFirst().first, word.contains(","), !word.contains("/") else { return nil }
        let listed = word.split(separator: ",").map(String.init)
        let types = listed.map { requestedType($0) }
        guard types.allSatisfy({ $0 != nil }) else { return nil }
        let named = evidence.text.tokens.compactMap { token -> (String, ResourceType)? in
            requestedType(token).map { (token, $0) }
        }
        let unnamed = listed.indices.filter { index in !named.contains { $0.1 == types[index] } }
        let missing = named.filter { pair in !types.contains { $0 == pair.1 } && pair.1.plural != "namespaces" }
        guard unnamed.count == 1, Set(missing.map(\.1.plural)).count == 1, let replacement = missing.first?.0 else { return nil }
        var fixed = listed
        fixed[unnamed[0]] = replacement
        words.replaceWord(word, with: fixed.joined(separator: ","))
        return EvidenceFix(.objectForm, "\(fixed.joined(separator: ",")): the types the request names")
    }

    /// `logs gw-2 -c ctr` for "logs ctr proxy of pod gw-2": a `-c` that copies the word "ctr" (or any word the
    /// request does not use as a name) is the container the request names.
    static let containerValue: Check = { words, evidence in
        // `set env` and `set resources` spell it `--containers`.
        guard let span = words.span("container") ?? (words.parsed.verb == "set" ? words.span("containers") : nil),
              let value = span.flag.value?.lowercased(),
              let named = namedContainer(evidence.text), named != value,
              containerMarkers.contains(value) || ["is", "was"].contains(value) || !evidence.text.set.contains(value)
        else { return nil }
        words.setValue(named, of: span)
        return EvidenceFix(.container, "-c \(named), the container the request names")
    }

    /// `-l app=web,env!=prod -n web` for "deploys ns web env!=prod": a term whose value is the namespace and whose key
    /// and term the request never writes comes from the namespace, not from a label.
    static let namespaceAsLabel: Check = { words, evidence in
        let parsed = words.parsed
        guard let namespace = parsed.namespace?.lowercased(), let span = words.span("selector"), let selector = span.flag.value else { return nil }
        let terms = selectorTerms(selector)
        let asked = FlagEvidence.askedText(evidence.request)
        let kept = terms.filter { term in
            guard let pair = equality(term), pair.value.lowercased() == namespace else { return true }
            return asked.contains(term.lowercased()) || FlagEvidence.mentions(asked, pair.key.lowercased())
        }
        guard kept.count < terms.count else { return nil }
        if kept.isEmpty { words.remove(span) } else { words.setValue(kept.joined(separator: ","), of: span) }
        return EvidenceFix(.selector, "dropped a label made from the namespace \(namespace)")
    }

    /// `delete pod x --grace-period=0` without `--force`: kubectl waits anyway, so an immediate delete needs both.
    static let immediateNeedsForce: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "delete", parsed.flag("grace-period")?.value == "0", !parsed.hasFlag("force") else { return nil }
        words.append(["--force"])
        return EvidenceFix(.output, "added --force: --grace-period=0 needs it")
    }

    /// `get endpoints svc redis`: a type word where a name goes ("endpoints of svc redis") goes.
    static let typeWordAsName: Check = { words, _ in
        let parsed = words.parsed
        guard ["get", "describe"].contains(parsed.verb ?? ""), parsed.resourceWords.count == 1, parsed.names.count == 2,
              let stray = parsed.names.first, ResourceCatalog.lookup(stray) != nil,
              ResourceCatalog.lookup(parsed.names[1]) == nil else { return nil }
        words.removeWord(stray)
        return EvidenceFix(.objectForm, "dropped \(stray): the object is \(parsed.names[1])")
    }
}

extension RequestEvidence {
    /// `run sleeper --image=busybox -- sleep 3600 --name sleeper`: kubectl's own flags copied behind `--`, repeating
    /// the object's name or image, would reach the program; they go.
    static let flagsAfterDash: Check = { words, _ in
        let parsed = words.parsed
        guard ["run", "create", "exec", "debug"].contains(parsed.verb ?? ""), let dash = words.words.firstIndex(of: "--") else { return nil }
        let own = Set(parsed.names + parsed.objects.map(\.name) + parsed.values(of: "image") + parsed.values(of: "namespace"))
        var line = words.words
        var index = dash + 1
        var dropped: [String] = []
        while index < line.count {
            let word = line[index]
            if ["--name", "--image", "-n", "--namespace"].contains(word), index + 1 < line.count, own.contains(line[index + 1]) {
                dropped.append(word + " " + line[index + 1])
                line.removeSubrange(index...(index + 1))
            } else if let equals = word.firstIndex(of: "="), ["--name", "--image", "--namespace"].contains(String(word[..<equals])),
                      own.contains(String(word[word.index(after: equals)...])) {
                dropped.append(word)
                line.remove(at: index)
            } else {
                index += 1
            }
        }
        // `-- psql -U admin -i` with `-it` before `--`: the terminal flags repeated at the end are kubectl's. A shell's
        // own `-i` (`bash -i`) stays.
        let shells: Set<String> = ["sh", "bash", "zsh", "ash", "dash", "fish"]
        if parsed.hasFlag("stdin") || parsed.hasFlag("tty"), dash + 2 < line.count, !shells.contains(line[dash + 1]),
           ["-i", "-t", "-it", "-ti", "--stdin", "--tty"].contains(line[line.count - 1]) {
            dropped.append(line.removeLast())
        }
        guard !dropped.isEmpty, line.last != "--", let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.inventedValue, "dropped \(dropped.joined(separator: ", ")) after --: kubectl's flags, not the program's")
    }
}

extension RequestEvidence {
    /// Whether the request names `type` in one word or in two or three ("horizontal pod autoscaler").
    static func namesType(_ type: ResourceType, _ text: RequestText) -> Bool {
        text.tokens.indices.contains { index in
            requestedType(text.tokens[index]) == type || compoundType(text.tokens, at: index)?.0 == type
        }
    }

    /// `taint nodes --all role=infra infra=true:NoSchedule` for "taint all nodes w/ role=infra …": a `KEY=VALUE`
    /// with no effect next to a taint that has one selects the nodes.
    static let taintSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "taint", !parsed.hasFlag("selector") else { return nil }
        let arguments = words.positional.dropFirst(2)
        let taints = arguments.filter { $0.contains(":") || $0.hasSuffix("-") }
        let selectors = arguments.filter { $0.contains("=") && !$0.contains(":") && !$0.hasSuffix("-") }
        guard !taints.isEmpty, selectors.count == 1, let selector = selectors.first,
              evidence.text.hasAny(["with", "labelled", "labeled", "where", "having", "selector", "-l", "matching"]) else { return nil }
        words.removeWord(selector)
        if let all = words.span("all") { words.remove(all) }
        words.append(["-l", selector])
        return EvidenceFix(.selector, "-l \(selector): the nodes the request selects")
    }

    /// Well-known node labels that models write as flags (`get nodes --os=linux`).
    static let wellKnownLabels: [String: String] = [
        "os": "kubernetes.io/os", "arch": "kubernetes.io/arch", "zone": "topology.kubernetes.io/zone",
        "region": "topology.kubernetes.io/region", "instance-type": "node.kubernetes.io/instance-type",
        "hostname": "kubernetes.io/hostname",
    ]

    /// Other words for the keys of ``wellKnownLabels``.
    static let labelAliases: [String: String] = [
        "architecture": "arch", "cpu-arch": "arch", "platform": "os", "operating-system": "os", "instance": "instance-type",
        "machine-type": "instance-type", "host": "hostname", "availability-zone": "zone",
    ]

    /// `get nodes --os=linux`: a flag kubectl lacks that names a well-known node label becomes `-l LABEL=VALUE`.
    static let wellKnownLabelFlags: Check = { words, _ in
        let parsed = words.parsed
        guard ["get", "describe", "top", "cordon", "drain", "label", "taint"].contains(parsed.verb ?? ""),
              parsed.resource?.plural == "nodes" || ["cordon", "drain", "taint"].contains(parsed.verb ?? "") else { return nil }
        var terms: [String] = []
        for span in words.spans.reversed() where !span.flag.isKnown {
            // `--filter=architecture=arm64`: the key inside a filter-like flag.
            var key = span.flag.name
            var value = span.flag.value
            if ["filter", "filters", "match", "where", "field"].contains(key), let pair = value, let equals = pair.firstIndex(of: "=") {
                key = String(pair[..<equals])
                value = String(pair[pair.index(after: equals)...])
            }
            key = labelAliases[key.lowercased()] ?? key.lowercased()
            guard let label = wellKnownLabels[key], let value, !value.isEmpty else { continue }
            terms.insert("\(label)=\(value)", at: 0)
            words.remove(span)
        }
        guard !terms.isEmpty else { return nil }
        if let span = words.span("selector"), let current = span.flag.value {
            words.setValue(([current] + terms).joined(separator: ","), of: span)
        } else {
            words.append(["-l", terms.joined(separator: ",")])
        }
        return EvidenceFix(.selector, "-l \(terms.joined(separator: ",")): a well-known node label")
    }
}

extension RequestEvidence {
    /// `auth can-i delete nodes --as=dana` for "can i delete nodes": an identity the request and session never name
    /// is copied from an example, and acting as someone else is never a guess.
    static let inventedIdentity: Check = { words, evidence in
        var dropped: [String] = []
        for span in words.spans.reversed() where ["as", "as-group", "as-uid"].contains(span.flag.name) {
            guard let value = span.flag.value, !value.isEmpty else { continue }
            let parts = value.split(separator: ":").map(String.init)
            guard !evidence.known.contains(value), !parts.contains(where: { $0.count > 1 && evidence.known.contains($0) }),
                  !evidence.text.set.contains(value.lowercased()) else { continue }
            dropped.insert(words.text(of: span), at: 0)
            words.remove(span)
        }
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.identity, "dropped \(dropped.joined(separator: " ")): an identity nobody named")
    }
}

extension RequestEvidence {
    /// `get pods --sort-by=spec.nodeName`: kubectl's sort key is a JSONPath, written from the root with a dot.
    static let sortKeyDot: Check = { words, _ in
        guard words.parsed.verb == "get", let span = words.span("sort-by"), let value = span.flag.value,
              let first = value.first, first.isLetter else { return nil }
        if value.contains(".") {
            words.setValue("." + value, of: span)
            return EvidenceFix(.output, "--sort-by=.\(value): a JSONPath from the root")
        }
        // A column's header (`--sort-by=NAME`): the path of that column, from the custom columns or the table's own.
        guard let path = columnPath(value, output: words.parsed.output, resource: words.parsed.resource?.plural) else { return nil }
        words.setValue(path, of: span)
        return EvidenceFix(.output, "--sort-by=\(value) → --sort-by=\(path): the column's field")
    }

    /// The field a column header stands for: the path `-o custom-columns` gives it, else that of kubectl's own column.
    static func columnPath(_ header: String, output: String?, resource: String?) -> String? {
        if let output, output.hasPrefix("custom-columns=") {
            for column in output.dropFirst("custom-columns=".count).split(separator: ",") {
                let parts = column.split(separator: ":", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0].lowercased() == header.lowercased(), parts[1].hasPrefix(".") { return parts[1] }
            }
        }
        switch header.lowercased() {
        case "name": return ".metadata.name"
        case "namespace": return ".metadata.namespace"
        case "age", "created", "creationtimestamp": return ".metadata.creationTimestamp"
        case "restarts" where resource == "pods": return ".status.containerStatuses[0].restartCount"
        case "status" where resource == "pods": return ".status.phase"
        case "node" where resource == "pods": return ".spec.nodeName"
        default: return nil
        }
    }

    /// `get hpa api -n api` for "hpa ns api yaml": a name the request only ever writes as the namespace is no object.
    static let namespaceAsObjectName: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "describe"].contains(parsed.verb ?? ""), let namespace = parsed.namespace?.lowercased(),
              parsed.names.map({ $0.lowercased() }) == [namespace] else { return nil }
        let tokens = evidence.text.tokens
        let uses = tokens.indices.filter { tokens[$0] == namespace }
        guard !uses.isEmpty, uses.allSatisfy({ $0 > 0 && ["ns", "namespace", "-n", "--namespace"].contains(tokens[$0 - 1]) })
        else { return nil }
        words.removeWord(parsed.names[0])
        return EvidenceFix(.objectForm, "dropped the name \(namespace): the request names it as the namespace")
    }

    /// Whether the request calls `value` a role ("the role X", "role named X") or a cluster role ("cluster role X",
    /// "clusterrole X").
    static func roleNaming(_ value: String, in text: RequestText) -> (role: Bool, cluster: Bool) {
        let tokens = text.tokens
        var role = false, cluster = false
        for index in tokens.indices.dropFirst() where tokens[index] == value.lowercased() {
            var before = index - 1
            if ["named", "called"].contains(tokens[before]), before > 0 { before -= 1 }
            if tokens[before] == "clusterrole" || (tokens[before] == "role" && before > 0 && tokens[before - 1] == "cluster") {
                cluster = true
            } else if tokens[before] == "role" {
                role = true
            }
            // "the edit clusterrole", "the view cluster role": the kind after the name.
            let after = index + 1 < tokens.count ? tokens[index + 1] : ""
            if after == "clusterrole" || (after == "cluster" && index + 2 < tokens.count && tokens[index + 2] == "role") {
                cluster = true
            } else if after == "role", tokens[before] != "cluster" {
                role = true
            }
        }
        return (role, cluster)
    }

    /// `create rolebinding --clusterrole=cm-editor` for "the role cm-editor" (and `--role` for "the cluster role
    /// X"): the kind of role the request names.
    static let roleKind: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", ["rolebinding", "clusterrolebinding"].contains(parsed.subverb ?? "") else { return nil }
        if parsed.subverb == "rolebinding", let span = words.span("clusterrole"), let value = span.flag.value {
            let named = roleNaming(value, in: evidence.text)
            guard named.role, !named.cluster else { return nil }
            words.remove(span)
            words.append(["--role=" + value])
            return EvidenceFix(.objectForm, "--role=\(value): the request names a role, not a cluster role")
        }
        if let span = words.span("role"), let value = span.flag.value {
            let named = roleNaming(value, in: evidence.text)
            guard named.cluster, !named.role else { return nil }
            words.remove(span)
            words.append(["--clusterrole=" + value])
            return EvidenceFix(.objectForm, "--clusterrole=\(value): the request names a cluster role")
        }
        return nil
    }

    /// `exec deployment/admin -c admin` for "the first container of the deployment admin": a container named after
    /// the object, which the request never names as a container, is a guess; kubectl picks the first one itself.
    static let containerAsObject: Check = { words, evidence in
        let parsed = words.parsed
        guard ["exec", "logs", "attach", "cp"].contains(parsed.verb ?? ""), let span = words.span("container"),
              let value = span.flag.value?.lowercased(), namedContainer(evidence.text) == nil,
              (parsed.objects.map { $0.name.lowercased() } + parsed.names.map { $0.lowercased() }).contains(value)
                || evidence.text.hasAny(["first", "default"]) && !evidence.text.set.contains(value)
        else { return nil }
        let text = words.text(of: span)
        words.remove(span)
        return EvidenceFix(.container, "dropped \(text): the request names no container")
    }

    /// `get endpointslices api` for "the endpoint slices of the service api": slices are named after their service
    /// with a suffix, so they are found by the `kubernetes.io/service-name` label.
    static let sliceOfService: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get" || parsed.verb == "describe", parsed.resource?.plural == "endpointslices",
              parsed.names.count == 1, let name = parsed.names.first, !parsed.hasFlag("selector"),
              namedObject(name, in: evidence.text)?.plural == "services" else { return nil }
        words.removeWord(name)
        words.append(["-l", "kubernetes.io/service-name=" + name])
        return EvidenceFix(.selector, "-l kubernetes.io/service-name=\(name): the slices of the service")
    }

    /// `get endpoints -l kubernetes.io/service-name=api`: that label is on endpoint slices; a service's endpoints
    /// object has the service's name, so it is `get endpoints api`.
    static let endpointsOfService: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "get" || parsed.verb == "describe", parsed.resource?.plural == "endpoints", parsed.names.isEmpty,
              let span = words.span("selector"), let value = span.flag.value,
              let pair = equality(value), pair.key == "kubernetes.io/service-name", !pair.value.isEmpty else { return nil }
        words.remove(span)
        guard let type = words.positionalIndices.dropFirst().first(where: { ResourceCatalog.lookup(words.words[$0])?.plural == "endpoints" })
        else { return nil }
        var line = words.words
        line.insert(pair.value, at: type + 1)
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "endpoints \(pair.value): a service's endpoints carry its name")
    }
}
