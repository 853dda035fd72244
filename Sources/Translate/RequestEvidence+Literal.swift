import Foundation
import KubectlKit

extension RequestEvidence {
    // MARK: - What the request writes literally

    /// Flags the request writes as kubectl spells them ("attach -it pod tty-9", "get pods --show-labels") that the
    /// command lacks: they are added, for flags the command's verb knows. A valued flag takes the value the request
    /// gives with it.
    static let literalFlags: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb else { return nil }
        let tokens = evidence.text.tokens
        var added: [String] = []
        // `-- curl -s URL`: what the command already passes to its program is the program's.
        let programs = Set(parsed.afterDoubleDash.map { $0.lowercased() })
        for (index, token) in tokens.enumerated() where token.hasPrefix("-") && token.count >= 2 {
            guard token.dropFirst().first?.isLetter == true || token.hasPrefix("--"), !programs.contains(token) else { continue }
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            // `-it`: each letter is a flag of its own.
            let letters = name.hasPrefix("--") ? [name] : name.dropFirst().map { "-" + String($0) }
            let specs = letters.compactMap { KubectlCommandTable.flag(named: $0, verb: verb, subverb: parsed.subverb) }
            guard specs.count == letters.count else { continue }
            let missing = specs.filter { spec in !parsed.flags.contains { $0.name == spec.long } }
            guard !missing.isEmpty else { continue }
            // Only flags without a value, or with the value glued or next to it in the request.
            if letters.count == 1, let spec = specs.first, spec.consumesNextWord, !token.contains("=") {
                guard index + 1 < tokens.count, !tokens[index + 1].hasPrefix("-") else { continue }
                added += [token, tokens[index + 1]]
            } else if specs.count > 1, specs.contains(where: \.consumesNextWord) {
                continue
            } else {
                added.append(token)
            }
        }
        guard !added.isEmpty else { return nil }
        words.append(added)
        return EvidenceFix(.output, "added \(added.joined(separator: " ")) as the request writes it")
    }

    // MARK: - Namespaces that are something else

    /// `annotate deployment farm owner-` for "all the deployments in the namespace farm": a name that is the
    /// namespace the request names (and no object of it) is the namespace.
    static let namespaceAsName: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.namespace == nil, !parsed.allNamespaces, let named = AskedFlags.namedNamespace(evidence.request),
              parsed.names.contains(named), namedObject(named, in: evidence.text) == nil,
              !["create", "run", "config", "expose", "logs", "exec", "attach", "port-forward", "cp", "debug"].contains(parsed.verb ?? ""),
              parsed.resource?.plural != "namespaces" else { return nil }
        // Named as a namespace in so many words ("namespace farm", "ns farm", "the farm namespace"), not just "in farm".
        let tokens = evidence.text.tokens
        guard tokens.indices.contains(where: { $0 > 0 && tokens[$0] == named && ["ns", "namespace"].contains(tokens[$0 - 1]) })
                || evidence.text.has("\(named) namespace") else { return nil }
        words.removeWord(named)
        words.append(["-n", named])
        return EvidenceFix(.namespace, "-n \(named): the namespace the request names, not an object")
    }

    /// `-n sage` for "the deployment sage", `-n qa` for "as group qa": a namespace that is the name of an object or
    /// an identity the request gives, and that the request never names as a namespace, goes.
    static let namespaceOfSomethingElse: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(),
              AskedFlags.namedNamespace(evidence.request) != value else { return nil }
        let tokens = evidence.text.tokens
        let namesNamespace = tokens.indices.contains { index in
            index > 0 && tokens[index] == value && ["ns", "namespace", "in", "-n", "namespaces"].contains(tokens[index - 1])
        } || evidence.text.has("the \(value) namespace") || evidence.text.has("\(value) namespace")
        guard !namesNamespace else { return nil }
        let isObject = namedObject(value, in: evidence.text) != nil
        let isIdentity = parsed.flags.contains { ["as", "as-group"].contains($0.name) && ($0.value?.lowercased()).map { $0 == value || $0.hasSuffix(":" + value) } == true }
        guard isObject || isIdentity else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): \(value) is \(isObject ? "an object" : "an identity") the request names")
    }

    // MARK: - Objects

    /// `delete service relic deployment relic`: kubectl reads one type and then names, so objects of several types
    /// are written `TYPE/NAME` each.
    static let typedPairs: Check = { words, _ in
        let parsed = words.parsed
        guard ["get", "delete", "describe", "label", "annotate"].contains(parsed.verb ?? "") else { return nil }
        let positional = Array(words.positional.dropFirst())
        guard positional.count >= 4, positional.count % 2 == 0 else { return nil }
        var pairs: [String] = []
        for index in stride(from: 0, to: positional.count, by: 2) {
            guard let type = ResourceCatalog.lookup(positional[index]), !positional[index].contains("/"),
                  ResourceCatalog.lookup(positional[index + 1]) == nil, looksLikeName(positional[index + 1]) else { return nil }
            pairs.append(type.singular + "/" + positional[index + 1])
        }
        guard Set(pairs.map { $0.split(separator: "/")[0] }).count > 1 else { return nil }
        var line = words.words
        guard let first = line.firstIndex(of: positional[0]) else { return nil }
        for word in positional { if let index = line.firstIndex(of: word) { line.remove(at: index) } }
        line.insert(contentsOf: pairs, at: min(first, line.count))
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "\(pairs.joined(separator: " ")): one TYPE/NAME per object")
    }

    /// `logs deployment/hub ctr nginx -c nginx`: words after the object that only restate the container go.
    static let containerWords: Check = { words, _ in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["logs", "attach"].contains(verb) else { return nil }
        let container = parsed.flag("container")?.value?.lowercased()
        let stray = words.positional.dropFirst(2).filter { word in
            ["ctr", "container", "c"].contains(word.lowercased()) || word.lowercased() == container
        }
        guard !stray.isEmpty else { return nil }
        for word in stray { words.removeWord(word) }
        return EvidenceFix(.objectForm, "dropped \(stray.joined(separator: " ")): the container is -c")
    }

    /// "logs … last 50" answered `--since=50m`: a bare count after "last" is lines (`--tail=50`), not a duration.
    static let lastLines: Check = { words, evidence in
        let parsed = words.parsed
        // "last 200 lines" with `--tail=200` already: a `--since` no duration of the request asks for goes.
        if parsed.verb == "logs", let tail = parsed.flag("tail")?.value, let span = words.span("since"), evidence.text.durations.isEmpty,
           evidence.text.has("last \(tail)") || evidence.text.has("tail \(tail)") {
            let text = words.text(of: span)
            words.remove(span)
            return EvidenceFix(.inventedValue, "dropped \(text): the request asks for the last \(tail) lines")
        }
        guard parsed.verb == "logs", !parsed.hasFlag("tail"), let span = words.span("since"), let value = span.flag.value else { return nil }
        let digits = String(value.prefix { $0.isNumber })
        let tokens = evidence.text.tokens
        guard !digits.isEmpty, let index = tokens.firstIndex(of: digits), index > 0, ["last", "tail"].contains(tokens[index - 1]),
              index + 1 >= tokens.count || RequestText.units[tokens[index + 1]] == nil else { return nil }
        words.remove(span)
        words.append(["--tail=" + digits])
        return EvidenceFix(.inventedValue, "--tail=\(digits): the last \(digits) lines")
    }

    // MARK: - Sets and secrets

    /// "whose label app is one of web, api or cdn", "app either web or api": `-l 'app in (web,api,cdn)'`, in place of
    /// terms of that key and of the pieces a model left as names (`in`).
    static let oneOfSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, selectingVerbs.contains(verb) || verb == "label" || verb == "annotate",
              !parsed.resourceWords.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        guard let start = tokens.indices.first(where: { (tokens[$0] == "one" && $0 + 1 < tokens.count && tokens[$0 + 1] == "of") || tokens[$0] == "either" }),
              start >= 2, tokens[start - 1] == "is" || tokens[start - 1] == "in" else { return nil }
        let key = tokens[start - 2]
        guard isLabelKey(key), requestedType(key) == nil, !["label", "the", "whose"].contains(key) else { return nil }
        var values: [String] = []
        var index = start + (tokens[start] == "one" ? 2 : 1)
        while index < tokens.count {
            let token = tokens[index]
            if ["or", "and", "nor"].contains(token) { index += 1; continue }
            guard looksLikeName(token), !connectives.contains(token) || values.isEmpty, requestedType(token) == nil,
                  !["in", "the", "namespace", "ns"].contains(token) else { break }
            values.append(token)
            index += 1
        }
        guard values.count >= 2 else { return nil }
        let term = "\(key) in (\(values.joined(separator: ",")))"
        var terms = (parsed.selector.map(selectorTerms) ?? []).filter { $0 != key && !$0.hasPrefix(key + "=") && !$0.hasPrefix(key + " ") && !$0.hasPrefix(key + "!=") }
        guard !(parsed.selector.map(selectorTerms) ?? []).contains(term) else { return nil }
        terms.append(term)
        for name in parsed.names where ["in", "notin"].contains(name) || values.contains(name) { words.removeWord(name) }
        if let span = words.span("selector") {
            words.setValue(terms.joined(separator: ","), of: span)
        } else {
            words.append(["-l", terms.joined(separator: ",")])
        }
        return EvidenceFix(.selector, "selector \(term) from \"one of\"")
    }

    /// `config view --raw` for a request that hides secrets ("without secrets"): `--raw` shows them, so it goes.
    static let hiddenSecrets: Check = { words, evidence in
        guard let span = words.span("raw"), evidence.text.has("without secrets") || evidence.text.has("no secrets")
                || evidence.text.has("without the secrets") || evidence.text.hasAny(["redacted", "redact", "masked", "hide", "hidden"])
        else { return nil }
        words.remove(span)
        return EvidenceFix(.inventedValue, "dropped --raw: the request hides secrets")
    }

    /// Phrases that ask for each pod's node.
    static let nodeColumnPhrases = [
        "which node", "what node", "which nodes", "their node", "their nodes", "nodes they", "node they", "with the node",
        "with the nodes", "with their node", "with their nodes", "with nodes", "and their node", "and their nodes",
        "node of each", "node each", "nodes of the pods", "node of the pods",
    ]

    /// `get pods` for "the pods together with the nodes they run on": the node column is `-o wide`.
    static let nodeColumn: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get", parsed.resource?.plural == "pods", parsed.output == nil, namedNode(evidence.text) == nil,
              !(parsed.fieldSelector ?? "").contains("spec.nodeName"), nodeColumnPhrases.contains(where: evidence.text.has),
              namedObjects(evidence.text).allSatisfy({ $0.type.plural != "nodes" }) else { return nil }
        words.append(["-o", "wide"])
        return EvidenceFix(.output, "added -o wide: the node of each pod")
    }
}
