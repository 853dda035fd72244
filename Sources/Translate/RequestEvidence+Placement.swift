import KubectlKit

extension RequestEvidence {
    /// Verbs whose positional words are types and names only: a `key=value` word there is a label term the model
    /// left out of `-l`.
    static let selectingVerbs: Set<String> = ["get", "describe", "delete", "top", "wait", "logs", "scale", "rollout"]

    /// `get pods -l app=ledger tier=canary`: the stray `tier=canary` joins the selector (where the request's words
    /// then give it its form, `tier!=canary` for "except tier=canary").
    static let strayLabelTerms: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, selectingVerbs.contains(verb), !parsed.resourceWords.isEmpty,
              !parsed.hasFlag("filename") else { return nil }
        let stray = (parsed.names + parsed.arguments).filter { argument in
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return false }
            // `tier!=canary` as well as `tier=canary`.
            var key = String(argument[..<equals])
            if key.hasSuffix("!") { key.removeLast() }
            return !key.isEmpty && isLabelKey(key)
        }
        guard !stray.isEmpty else { return nil }
        for term in stray { words.removeWord(term) }
        // `-l app=ledger, tier!=canary`: the selector's trailing comma goes with the space that split it.
        let current = parsed.selector.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
        let terms = (current.map { [$0] } ?? []) + stray
        if let span = words.span("selector") {
            words.setValue(terms.joined(separator: ","), of: span)
        } else {
            words.append(["-l", terms.joined(separator: ",")])
        }
        return EvidenceFix(.selector, "\(stray.joined(separator: ", ")) moved into -l")
    }

    /// The node a request places pods on: the name after "node" ("on the node worker-3", "pods on node gpu-7").
    static func namedNode(_ text: RequestText) -> String? {
        let tokens = text.tokens
        var found: [String] = []
        for index in tokens.indices.dropLast() where tokens[index] == "node" {
            guard index > 0, ["on", "the", "to"].contains(tokens[index - 1]) || (index > 1 && tokens[index - 2] == "on") else { continue }
            let name = tokens[index + 1]
            // "the node and IP columns", "the node name": a plain word after "the node" names no node.
            let written = name.contains(where: { $0.isNumber || $0 == "-" || $0 == "." })
                || tokens[index - 1] == "on" && !["name", "names", "itself", "labels", "label", "level"].contains(name)
            guard looksLikeName(name), written, !notContainerNames.contains(name), !connectives.contains(name),
                  ResourceCatalog.lookup(name) == nil, !found.contains(name) else { continue }
            found.append(name)
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Pods the request places on a node ("the pods running on the node worker-ferry-3") are found by
    /// `--field-selector spec.nodeName=NODE`: it replaces a label guess that holds the node's name, and a
    /// `status.phase=Running` that came from "running on".
    static let nodePlacement: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.resource?.plural == "pods", parsed.objects.isEmpty,
              ["get", "describe", "delete"].contains(parsed.verb ?? ""), let node = namedNode(evidence.text) else { return nil }
        // "running on node nd-4 phase Running" asks for the phase too.
        let asksPhase = evidence.text.hasAny(["phase", "state", "status"])
        var fieldTerms = parsed.fieldSelector.map { $0.split(separator: ",").map(String.init) } ?? []
        if fieldTerms.contains(where: { $0.hasPrefix("spec.nodeName") }) {
            // The node is there; "running on" still asked for no phase.
            guard evidence.text.has("running on"), !asksPhase, fieldTerms.contains("status.phase=Running"),
                  let span = words.span("field-selector") else { return nil }
            words.setValue(fieldTerms.filter { $0 != "status.phase=Running" }.joined(separator: ","), of: span)
            return EvidenceFix(.fieldSelector, "dropped status.phase=Running: \"running on\" places pods on the node")
        }
        if evidence.text.has("running on"), !asksPhase {
            fieldTerms.removeAll { $0 == "status.phase=Running" }
        }
        fieldTerms.append("spec.nodeName=" + node)
        if let span = words.span("selector"), let selector = span.flag.value {
            let kept = selector.split(separator: ",").map(String.init).filter { !$0.hasSuffix("=" + node) }
            if kept.isEmpty { words.remove(span) } else { words.setValue(kept.joined(separator: ","), of: span) }
        }
        if let span = words.span("field-selector") {
            words.setValue(fieldTerms.joined(separator: ","), of: span)
        } else {
            words.append(["--field-selector", fieldTerms.joined(separator: ",")])
        }
        return EvidenceFix(.fieldSelector, "spec.nodeName=\(node): the pods on the node the request names")
    }
}
