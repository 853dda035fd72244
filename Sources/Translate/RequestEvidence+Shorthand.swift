import Foundation
import KubectlKit

/// Checks for the pieces of an operator's shorthand a small model copies where kubectl reads something else: "w/"
/// as a name, "local" between port-forward's ports, "drop DEBUG" as a flag, a label removal as a selector, a label
/// pair as a name, trailing words as a shell's arguments.
extension RequestEvidence {
    /// `annotate pod w app=x …` for "annotate po w/ app=x …": the shorthand "w/" (with) is no object.
    static let shorthandAsName: Check = { words, evidence in
        guard evidence.request.lowercased().contains("w/") else { return nil }
        let stray = words.positional.filter { ["w", "w/", "w/o"].contains($0.lowercased()) }
        guard !stray.isEmpty else { return nil }
        for word in stray { words.removeWord(word) }
        // "annotate po w/ app=x owner=y": the pair after "w/" selects; the others are what is set.
        let tokens = evidence.request.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        let parsed = words.parsed
        if ["label", "annotate"].contains(parsed.verb ?? ""), !parsed.hasFlag("selector"), parsed.names.isEmpty,
           let at = tokens.firstIndex(of: "w/"), at + 1 < tokens.count,
           let pair = words.positional.first(where: { $0.lowercased() == tokens[at + 1] && isLabelPair($0) }),
           parsed.arguments.filter({ $0.contains("=") }).count >= 2 {
            words.removeWord(pair)
            words.append(["-l", pair])
            return EvidenceFix(.selector, "-l \(pair): the request's \"w/\" selects by the label")
        }
        return EvidenceFix(.objectForm, "dropped \(stray.joined(separator: " ")): the request's \"w/\" means with")
    }

    /// `port-forward svc/gw local 8443:443` for "pf svc gw local 8443 to 443": a plain word among the ports is the
    /// request's, not a port.
    static let portForwardWords: Check = { words, _ in
        guard words.parsed.verb == "port-forward" else { return nil }
        let stray = words.positional.dropFirst(2).filter { $0.allSatisfy(\.isLetter) }
        guard !stray.isEmpty, stray.count < words.positional.count - 2 else { return nil }
        for word in stray { words.removeWord(word) }
        return EvidenceFix(.objectForm, "dropped \(stray.joined(separator: " ")): a request word, not a port")
    }

    /// Flags a model makes up for removing a variable.
    static let removalFlags: Set<String> = ["drop", "remove", "unset", "delete", "rm", "del"]

    /// `set env deploy/gw --drop DEBUG` for "… and drop DEBUG": kubectl removes a variable written `DEBUG-`.
    static let envRemoval: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "env",
              let span = words.spans.first(where: { removalFlags.contains($0.flag.name) && !$0.flag.isKnown }) else { return nil }
        // An unknown flag's value may be read as the next word rather than as its own.
        let next = span.index + 1 < words.words.count ? words.words[span.index + 1] : ""
        let value = span.flag.value ?? next
        guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), value.uppercased() == value
        else { return nil }
        if span.flag.value == nil { words.remove(at: [span.index, span.index + 1]) } else { words.remove(span) }
        words.append([value + "-"])
        return EvidenceFix(.objectForm, "\(value)-: set env removes a variable written NAME-")
    }

    /// `label pod -l canary-` for "remove canary label from all po": a removal written as a selector is the removal,
    /// of every object when the request says all.
    static let removalAsSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate", let span = words.span("selector"),
              let value = span.flag.value, value.hasSuffix("-"), !value.contains("="), !value.contains(",") else { return nil }
        words.remove(span)
        var added = [value]
        if parsed.names.isEmpty, !parsed.hasFlag("all"), evidence.text.hasAny(["all", "every", "each"]) { added.append("--all") }
        words.append(added)
        return EvidenceFix(.objectForm, "\(added.joined(separator: " ")): the request removes \(value.dropLast())")
    }

    /// `run probe … -- sh rm when done`: request words copied behind a shell are not its arguments.
    static let shellWordsAfterDash: Check = { words, evidence in
        let parsed = words.parsed
        guard ["run", "exec", "debug"].contains(parsed.verb ?? ""), parsed.afterDoubleDash.count >= 2,
              shells.contains(parsed.afterDoubleDash[0]) else { return nil }
        let rest = parsed.afterDoubleDash.dropFirst()
        guard rest.allSatisfy({ $0.allSatisfy(\.isLetter) && evidence.text.set.contains($0.lowercased()) }),
              let dash = words.words.firstIndex(of: "--") else { return nil }
        words.remove(at: (dash + 2)..<words.words.count)
        return EvidenceFix(.inventedValue, "dropped \(rest.joined(separator: " ")): request words, not the shell's")
    }

    /// `wait --for=condition=Ready app=orchard-db` for "wait till po app=orchard-db ready": a label pair where kubectl
    /// reads a type or a name selects the objects (`-l`), of the type the request names.
    static let pairAsName: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "describe", "delete", "wait", "top"].contains(parsed.verb ?? ""), !parsed.hasFlag("selector"),
              let pair = words.positional.dropFirst(parsed.verb == "top" ? 2 : 1).first(where: isLabelPair)
                ?? (parsed.verb == "wait" ? words.positional.dropFirst().first(where: isLabelPair) : nil)
        else { return nil }
        var line = words.words
        guard let index = line.firstIndex(of: pair) else { return nil }
        line.remove(at: index)
        var type: String?
        if parsed.resource == nil || parsed.resourceWord == pair,
           let named = evidence.text.tokens.first(where: { requestedType($0) != nil && $0 != "ns" }) {
            type = named
            line.insert(named, at: parsed.verb == "top" ? 3 : 2)
        }
        line += ["-l", pair]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.selector, [type, "-l \(pair): the label selects the objects"].compactMap { $0 }.joined(separator: " "))
    }

    /// Whether `word` is a plain `key=value` label pair.
    static func isLabelPair(_ word: String) -> Bool {
        let parts = word.split(separator: "=", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !word.hasPrefix("-")
            && parts.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } }
    }

    /// `expose deployment ledger-api --port=443 …` for "… as svc ledger-api-lb …": the service's name the request
    /// gives goes in `--name`.
    static let exposeName: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "expose", !parsed.hasFlag("name") else { return nil }
        let tokens = evidence.text.tokens
        let own = Set((parsed.names + parsed.objects.map(\.name)).map { $0.lowercased() })
        let named = tokens.indices.compactMap { index -> String? in
            guard index + 1 < tokens.count else { return nil }
            var next = index + 1
            if tokens[index] == "as", ["svc", "service"].contains(tokens[next]), next + 1 < tokens.count { next += 1 }
            else if !["named", "called"].contains(tokens[index]) { return nil }
            let name = tokens[next]
            return looksLikeName(name) && !own.contains(name) && requestedType(name) == nil ? name : nil
        }
        guard Set(named).count == 1, let name = named.first else { return nil }
        words.append(["--name=" + name])
        return EvidenceFix(.objectForm, "--name=\(name): the service's name the request gives")
    }

    /// `create ingress web --rule='host/*=/svc:80'`: the backend after `=` is `service:port`, with no path in front.
    static let ingressRuleBackend: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "create", parsed.subverb == "ingress", let span = words.span("rule"),
              let value = span.flag.value, let equals = value.firstIndex(of: "=") else { return nil }
        var backend = value[value.index(after: equals)...]
        for prefix in ["/", "svc/", "service/", "services/"] where backend.hasPrefix(prefix) { backend = backend.dropFirst(prefix.count) }
        guard backend != value[value.index(after: equals)...], backend.first?.isLetter == true else { return nil }
        let fixed = String(value[...equals]) + backend
        words.setValue(fixed, of: span)
        return EvidenceFix(.objectForm, "--rule=\(fixed): the backend is service:port")
    }
}
