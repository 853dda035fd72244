import KubectlKit

extension RequestEvidence {
    /// Words between "service account" (or "scheduler") and the name that name nothing.
    static let fieldNameFillers: Set<String> = ["named", "called", "is", "=", "of", "the", "a"]

    /// What a request finds pods by that only a field selector reaches, as the key and value: an IP address ("the pod
    /// with IP 10.2.3.4": `status.podIP`), a service account ("pods that use service account builder":
    /// `spec.serviceAccountName`) or a scheduler ("pods scheduled by scheduler bin-packer": `spec.schedulerName`).
    /// Nil when the request names none, several, or excludes it ("not", "except": the selector forms handle those).
    static func podField(_ text: RequestText) -> (key: String, value: String)? {
        guard !text.hasAny(["not", "except", "without", "excluding", "other", "!="]) else { return nil }
        let tokens = text.tokens
        var found: [(key: String, value: String)] = []
        func name(after index: Int) -> String? {
            var next = index
            while next < tokens.count, fieldNameFillers.contains(tokens[next]) { next += 1 }
            guard next < tokens.count, looksLikeName(tokens[next]), !connectives.contains(tokens[next]),
                  ResourceCatalog.lookup(tokens[next]) == nil else { return nil }
            return tokens[next]
        }
        let addresses = tokens.filter(isIPAddress)
        // A node's or host's address is no pod's.
        if addresses.count == 1, !text.hasAny(["node", "nodes", "host", "hostip", "host-ip"]) {
            found.append(("status.podIP", addresses[0]))
        }
        // "as sa deployer" acts as the account (--as), unless pods "run as" it.
        func impersonating(_ index: Int) -> Bool {
            var before = index - 1
            while before >= 0, ["the", "a"].contains(tokens[before]) { before -= 1 }
            guard before >= 0, tokens[before] == "as" else { return false }
            return before == 0 || !["run", "runs", "running"].contains(tokens[before - 1])
        }
        for (index, token) in tokens.enumerated() {
            if ["serviceaccount", "sa", "service-account"].contains(token), !impersonating(index),
               let value = name(after: index + 1) {
                found.append(("spec.serviceAccountName", value))
            } else if token == "service", index + 1 < tokens.count, ["account", "acct"].contains(tokens[index + 1]),
                      !impersonating(index), let value = name(after: index + 2) {
                found.append(("spec.serviceAccountName", value))
            } else if token == "scheduler", let value = name(after: index + 1), value != "default" {
                found.append(("spec.schedulerName", value))
            }
        }
        let distinct = found.reduce(into: [(key: String, value: String)]()) { list, item in
            if !list.contains(where: { $0 == item }) { list.append(item) }
        }
        return distinct.count == 1 ? distinct[0] : nil
    }

    /// Pods found by an IP address, a service account or a scheduler (``podField(_:)``) get that `--field-selector`
    /// term. It replaces a term or label that holds the same value under another key (`spec.nodeName=ip-10-2-3-4`,
    /// `app=builder`), and a `status.phase` the request never asked for.
    static let podFields: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.resource?.plural == "pods", parsed.objects.isEmpty, parsed.names.isEmpty,
              ["get", "describe", "delete"].contains(parsed.verb ?? ""), let field = podField(evidence.text) else { return nil }
        // "pods w/ sa default" answered as the account (`--as=…:default`): the request finds pods, it acts as no one.
        var droppedAs = false
        if let span = words.span("as") {
            // "impersonate sa robot and list pods": the request acts as the account.
            guard !evidence.text.hasAny(["impersonate", "impersonating", "impersonation", "acting"]),
                  !evidence.text.has("as sa"), !evidence.text.has("as the sa"), !evidence.text.has("as service account"),
                  !evidence.text.has("as the service account") else { return nil }
            guard field.key == "spec.serviceAccountName", let value = span.flag.value,
                  value == field.value || value.hasSuffix(":" + field.value) else { return nil }
            words.remove(span)
            droppedAs = true
        }
        let wanted = field.key + "=" + field.value
        var terms = parsed.fieldSelector.map { $0.split(separator: ",").map(String.init) } ?? []
        guard !terms.contains(where: { $0 == wanted || $0 == field.key + "==" + field.value }) else {
            return droppedAs ? EvidenceFix(.identity, "dropped --as: the request finds pods by their service account") : nil
        }
        func sameValue(_ value: String) -> Bool {
            let value = value.lowercased()
            if value == field.value { return true }
            // An address written as a name: ip-10-2-3-4.
            return isIPAddress(field.value) && value.filter(\.isNumber) == field.value.filter(\.isNumber)
        }
        let askedPhase = evidence.text.hasAny(["running", "pending", "failed", "succeeded", "phase", "completed"])
        terms.removeAll { term in
            guard let parts = FieldSelectorKeys.terms(of: term).first else { return false }
            return sameValue(parts.value) || (parts.key == "status.phase" && !askedPhase)
        }
        terms.append(wanted)
        if let span = words.span("selector"), let selector = span.flag.value {
            let kept = selector.split(separator: ",").map(String.init).filter { term in
                guard let value = term.split(separator: "=").last else { return true }
                return !sameValue(String(value))
            }
            if kept.isEmpty { words.remove(span) } else if kept.count < selector.split(separator: ",").count {
                words.setValue(kept.joined(separator: ","), of: span)
            }
        }
        if let span = words.span("field-selector") {
            words.setValue(terms.joined(separator: ","), of: span)
        } else {
            words.append(["--field-selector", terms.joined(separator: ",")])
        }
        return EvidenceFix(.fieldSelector, "\(wanted): the pods the request finds by it")
    }
}
