import Foundation
import KubectlKit

extension RequestEvidence {
    // MARK: - The opposite verb or form

    /// Phrases that ask for a node to take pods again.
    static let schedulable = ["uncordon", "schedulable", "allow scheduling", "resume scheduling", "enable scheduling",
                              "re-enable scheduling", "accept pods", "accept new pods", "back in service", "back into service"]
    /// Phrases that ask for a node to take no new pods.
    static let unschedulable = ["cordon", "unschedulable", "stop scheduling", "disable scheduling", "prevent scheduling",
                                "no new pods", "not schedulable", "block scheduling", "out of service"]
    /// Words that ask to take something off.
    static let removalWords: Set<String> = [
        "remove", "removing", "delete", "deleting", "drop", "untaint", "unlabel", "clear", "strip", "unset", "rm",
        "del", "rid",
    ]
    /// Words that ask to put something on.
    static let additionWords: Set<String> = ["add", "adding", "set", "put", "apply", "attach", "give", "mark", "tag", "with"]

    /// `cordon` where the request makes a node schedulable becomes `uncordon`, and the other way round; a taint,
    /// label or annotation the request removes gets its trailing `-` (`key=value:NoSchedule-`, `tier-`).
    static let antonym: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        switch parsed.verb {
        case "cordon", "uncordon":
            let wantsOn = schedulable.contains(where: text.has)
            let wantsOff = unschedulable.contains(where: text.has)
            if parsed.verb == "cordon", wantsOn, !wantsOff || text.has("uncordon") && !text.has("cordon") {
                words.replaceWord("cordon", with: "uncordon")
                return EvidenceFix(.antonym, "cordon → uncordon: the request makes the node schedulable")
            }
            if parsed.verb == "uncordon", wantsOff, !wantsOn {
                words.replaceWord("uncordon", with: "cordon")
                return EvidenceFix(.antonym, "uncordon → cordon: the request makes the node unschedulable")
            }
            return nil
        case "taint", "label", "annotate":
            // "take the taint off", "remove the taint with the key gpu": "with" only describes what goes.
            let removes = text.hasAny(removalWords) || text.has("off") && text.hasAny(["take", "taking", "took", "get"])
            let adds = text.hasAny(additionWords.subtracting(["with"])) || text.has("with") && !removes
            guard removes, !adds else { return nil }
            let pairs = parsed.arguments.filter { $0.contains("=") || (parsed.verb == "taint" && $0.contains(":")) }
            let missing = pairs.filter { !$0.hasSuffix("-") }
            guard !missing.isEmpty, !parsed.hasFlag("selector") || parsed.verb == "taint" else { return nil }
            var changed: [String] = []
            for pair in missing {
                // `taintRemovalParts` (after this check) writes the taint as the request does.
                let removal = parsed.verb == "taint" ? pair + "-" : String(pair.prefix { $0 != "=" }) + "-"
                words.replaceWord(pair, with: removal)
                changed.append("\(pair) → \(removal)")
            }
            return EvidenceFix(.antonym, "\(changed.joined(separator: ", ")): the request removes it")
        default:
            return nil
        }
    }

    // MARK: - Service accounts

    /// Whether the request speaks of a service account.
    static func mentionsServiceAccount(_ text: RequestText) -> Bool {
        text.has("service account") || text.hasAny(["serviceaccount", "sa", "serviceaccounts", "service-account"])
    }

    /// The namespace a service account lives in: the command's `-n`, else the one the request names.
    static func accountNamespace(_ parsed: KubectlCommand, _ evidence: Evidence) -> String? {
        accountHome(evidence.text) ?? parsed.namespace ?? AskedFlags.namedNamespace(evidence.request)
    }

    /// The namespace the request gives the service account itself: "sa quill-runner from ns queue", "the service
    /// account builder in namespace ci", "as sa deployer from ferry".
    static func accountHome(_ text: RequestText) -> String? {
        guard let name = accountName(text) else { return nil }
        let tokens = text.tokens
        guard let at = tokens.firstIndex(of: name), at + 2 < tokens.count,
              ["from", "in", "of"].contains(tokens[at + 1]) else { return nil }
        var next = at + 2
        if ["ns", "namespace", "the"].contains(tokens[next]), next + 1 < tokens.count { next += 1 }
        if tokens[next] == "ns" || tokens[next] == "namespace", next + 1 < tokens.count { next += 1 }
        let namespace = tokens[next]
        return AskedFlags.looksLikeNamespace(namespace) ? namespace : nil
    }

    /// The service account the request names: the word after "sa", "serviceaccount" or "service account" (past
    /// "named" or "called"), or the one before them ("the ci-bot service account").
    static func accountName(_ text: RequestText) -> String? {
        let tokens = text.tokens
        let fillers: Set<String> = ["the", "named", "called", "a", "an"]
        for index in tokens.indices {
            let isAccount = ["sa", "serviceaccount", "service-account"].contains(tokens[index])
                || tokens[index] == "account" && index > 0 && tokens[index - 1] == "service"
            guard isAccount else { continue }
            var next = index + 1
            while next < tokens.count, fillers.contains(tokens[next]) { next += 1 }
            if next < tokens.count, looksLikeName(tokens[next]), !fillers.contains(tokens[next]) { return tokens[next] }
            let before = tokens[index] == "account" ? index - 2 : index - 1
            if before >= 0, looksLikeName(tokens[before]), tokens[before].contains("-") { return tokens[before] }
        }
        return nil
    }

    /// `NS:NAME` for a service account written `NAME:NS` or `NAME:junk`: when one part is the account the request
    /// names and the other is not, the other part stays as the namespace only if the request writes it, else the
    /// account's namespace takes its place. Nil when the pair is right already or the account cannot be told.
    static func accountPair(_ parts: [String], namespace: String, _ evidence: Evidence) -> String? {
        guard parts.count == 2 else { return nil }
        if parts[1] == namespace, parts[0] != namespace { return namespace + ":" + parts[0] }
        guard let name = accountName(evidence.text), parts[0].lowercased() == name, parts[1].lowercased() != name else { return nil }
        let other = parts[1].lowercased()
        let written = evidence.text.set.contains(other) && AskedFlags.looksLikeNamespace(other)
            && KubectlCommandTable.spec(forVerb: other) == nil
        return (written ? parts[1] : namespace) + ":" + parts[0]
    }

    /// `--as=NAME` for a service account becomes `--as=system:serviceaccount:NS:NAME`; in `create rolebinding` and
    /// `create clusterrolebinding`, `--serviceaccount=NAME` (or the `system:serviceaccount:` form) becomes
    /// `--serviceaccount=NS:NAME`, and a `--user` the request calls a service account becomes one.
    static let identity: Check = { words, evidence in
        let parsed = words.parsed
        guard mentionsServiceAccount(evidence.text) else { return nil }
        if let span = words.span("as"), let value = span.flag.value, value.hasPrefix("system:serviceaccount:") {
            // NAME and NS written the wrong way round: the namespace the command or request names comes first.
            let parts = value.dropFirst("system:serviceaccount:".count).split(separator: ":").map(String.init)
            // "as sa deployer from ferry": the account's own namespace, when the request gives it.
            if parts.count == 2, let home = accountHome(evidence.text), parts[1].lowercased() == accountName(evidence.text),
               parts[0].lowercased() != home {
                let fixed = "system:serviceaccount:\(home):\(parts[1])"
                words.setValue(fixed, of: span)
                return EvidenceFix(.identity, "--as=\(value) → --as=\(fixed)")
            }
            guard parts.count == 2, let namespace = accountNamespace(parsed, evidence),
                  let pair = accountPair(parts, namespace: namespace, evidence) else { return nil }
            let fixed = "system:serviceaccount:\(pair)"
            words.setValue(fixed, of: span)
            return EvidenceFix(.identity, "--as=\(value) → --as=\(fixed)")
        }
        if let span = words.span("as"), let value = span.flag.value, !value.hasPrefix("system:serviceaccount:") {
            let parts = value.split(separator: ":").map(String.init)
            var namespace: String?
            var name = value
            if parts.count == 2 {
                namespace = parts[0]
                name = parts[1]
            } else if parts.count == 3, parts[0] == "serviceaccount" {
                namespace = parts[1]
                name = parts[2]
            } else if parts.count != 1 {
                return nil
            }
            guard let namespace = namespace ?? accountNamespace(parsed, evidence) else { return nil }
            let fixed = "system:serviceaccount:\(namespace):\(name)"
            words.setValue(fixed, of: span)
            return EvidenceFix(.identity, "--as=\(value) → --as=\(fixed)")
        }
        guard parsed.verb == "create", parsed.subverb == "rolebinding" || parsed.subverb == "clusterrolebinding" else { return nil }
        if let span = words.span("serviceaccount"), let value = span.flag.value {
            let parts = value.split(separator: ":").map(String.init)
            var fixed: String?
            if parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount" {
                fixed = parts[2] + ":" + parts[3]
            } else if parts.count == 2, let namespace = accountNamespace(parsed, evidence) {
                // NAME:NS written the wrong way round.
                fixed = accountPair(parts, namespace: namespace, evidence)
            } else if parts.count == 1, let namespace = accountNamespace(parsed, evidence) {
                fixed = namespace + ":" + value
            }
            guard let fixed else { return nil }
            words.setValue(fixed, of: span)
            return EvidenceFix(.identity, "--serviceaccount=\(value) → --serviceaccount=\(fixed)")
        }
        if let span = words.span("user"), let value = span.flag.value, !evidence.text.hasAny(["user", "users"]),
           let namespace = accountNamespace(parsed, evidence) {
            let fixed = value.contains(":") ? value : namespace + ":" + value
            words.remove(span)
            words.append(["--serviceaccount=" + fixed])
            return EvidenceFix(.identity, "--user=\(value) → --serviceaccount=\(fixed)")
        }
        return nil
    }
}
