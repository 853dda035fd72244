import KubectlKit

extension RequestEvidence {
    // MARK: - Types and names the request gives

    /// The resource type a request word names, also as the plural of a short name (`cms`, `svcs`, `deploys`).
    static func requestedType(_ word: String) -> ResourceType? {
        if let type = ResourceCatalog.lookup(word) { return type }
        guard word.count > 2, word.hasSuffix("s"), let type = ResourceCatalog.lookup(String(word.dropLast())),
              type.shortNames.contains(String(word.dropLast())) else { return nil }
        return type
    }

    /// The one type a request lists by ("cms in ns orca", "svcs w/o label team"), or nil when it names none or
    /// several. A word after "ns"/"namespace" or "node" names a place, not a type.
    static func listedType(_ text: RequestText) -> ResourceType? {
        let tokens = text.tokens
        var found: [ResourceType] = []
        for (index, token) in tokens.enumerated() {
            guard let type = requestedType(token), type.plural != "namespaces" else { continue }
            // "pods on node x", "usage per node": a type that places or groups what is listed is not listed itself.
            if index > 0, ["on", "per", "by"].contains(tokens[index - 1]) { continue }
            // "ns shop po" names namespace shop; in "all ns po" the next word is the listed type.
            let every = index > 1 && ["all", "every", "any", "each", "across"].contains(tokens[index - 2])
            if index > 0, ["ns", "namespace", "node", "in"].contains(tokens[index - 1]), !every { continue }
            if !found.contains(type) { found.append(type) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// `get pods` for "cms in ns orca missing label owner": a listing of pods (a small model's default type) for a
    /// request that names one other type and no pods lists that type instead.
    static let listedTypeCheck: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "describe", "delete", "label", "annotate"].contains(parsed.verb ?? ""), parsed.resourceWords.count == 1,
              parsed.resource?.plural == "pods", let word = parsed.resourceWord, !word.contains("/"),
              let type = listedType(evidence.text), type.plural != "pods",
              // "which node is mq-0 on": the node of a named pod, not a listing of nodes.
              !(type.plural == "nodes" && !parsed.names.isEmpty),
              !(parsed.output ?? "").hasPrefix("jsonpath"), !(parsed.output ?? "").hasPrefix("custom-columns") else { return nil }
        let spelled = evidence.text.tokens.first { ResourceCatalog.lookup($0) == type } ?? type.plural
        words.replaceWord(word, with: spelled)
        return EvidenceFix(.verb, "\(spelled): the type the request lists")
    }

    /// Words a request uses around the name of a new object that name nothing.
    static let notNewNames: Set<String> = [
        "with", "from", "for", "and", "the", "a", "an", "named", "called", "new", "in", "to", "of", "on", "literal",
        "file", "image", "port", "using", "that", "which",
    ]

    /// `create configmap feature-flags` for "cm flags with enabled=true": the name of a new object that the request
    /// never gives, when exactly one word of the request is a dash-separated part of it, becomes that word.
    static let createdName: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", parsed.subverb != nil, let name = parsed.names.first, !evidence.known.contains(name),
              name.contains("-") else { return nil }
        let parts = Set(name.lowercased().split(separator: "-").map(String.init))
        let candidates = Set(evidence.text.tokens.filter { token in
            parts.contains(token) && token.count >= 3 && looksLikeName(token) && !notNewNames.contains(token)
                && requestedType(token) == nil && !connectives.contains(token)
        })
        // A word the command already uses elsewhere (`--from=cronjob/tick`) names another object.
        guard candidates.count == 1, let word = candidates.first,
              !words.words.contains(where: { $0 != name && $0.lowercased().contains(word) }) else { return nil }
        words.replaceWord(name, with: word)
        return EvidenceFix(.inventedValue, "\(word) for \(name): the name the request gives")
    }

    /// `label namespace trial prod` for "change label env of ns trial to prod": a value written without the key the
    /// request names after "label" or "annotation" gets it (`env=prod`).
    static let labelKey: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate" else { return nil }
        let tokens = evidence.text.tokens
        let keyWords: Set<String> = parsed.verb == "label" ? ["label", "labels"] : ["annotation", "annotations"]
        var keys: [String] = []
        for index in tokens.indices.dropLast() where keyWords.contains(tokens[index]) {
            let key = tokens[index + 1]
            guard isLabelKey(key), !key.contains("="), !["of", "on", "to", "the", "a", "for", "from"].contains(key),
                  requestedType(key) == nil, !keys.contains(key) else { continue }
            keys.append(key)
        }
        guard keys.count == 1, let key = keys.first else { return nil }
        // The bare value: a positional word after the object that the request writes after "to" or "=".
        let bare = words.positional.dropFirst().filter { word in
            !word.contains("=") && !word.hasSuffix("-") && tokens.indices.contains { $0 > 0 && tokens[$0] == word.lowercased() && tokens[$0 - 1] == "to" }
        }
        guard bare.count == 1, let value = bare.first, !parsed.objects.contains(where: { $0.name == value }) || parsed.objects.count > 1 else {
            return nil
        }
        words.replaceWord(value, with: key + "=" + value)
        return EvidenceFix(.objectForm, "\(key)=\(value): the key the request names")
    }

    // MARK: - Phases and following

    /// Pod phases a request puts before "pods" ("running pods", "failed po").
    static let phaseWords: [String: String] = [
        "running": "Running", "pending": "Pending", "failed": "Failed", "succeeded": "Succeeded", "completed": "Succeeded",
    ]

    /// Words between a type and its phase ("pods that are stuck pending").
    static let phaseLinks: Set<String> = ["that", "which", "are", "is", "stuck", "still", "currently", "in", "being", "r"]

    /// "running pods ns hive": the phase before the type word is `--field-selector=status.phase=PHASE`, added to a
    /// listing of pods that has no phase.
    static let podPhase: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "delete", "describe"].contains(parsed.verb ?? ""), parsed.resource?.plural == "pods",
              parsed.objects.isEmpty, parsed.names.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        var phases = Set(tokens.indices.dropLast().compactMap { index -> String? in
            guard let phase = phaseWords[tokens[index]], requestedType(tokens[index + 1])?.plural == "pods" else { return nil }
            return index > 0 && ["not", "non", "no"].contains(tokens[index - 1]) ? nil : phase
        })
        // "pods stuck pending", "pods still pending": a phase after the type, joined by linking words only, counts
        // when it is Pending or follows "stuck", "still" or "currently" ("pods running on node x" is a place).
        for index in tokens.indices where requestedType(tokens[index])?.plural == "pods" {
            var next = index + 1
            while next < tokens.count, phaseLinks.contains(tokens[next]), next - index <= 3 { next += 1 }
            guard next < tokens.count, let phase = phaseWords[tokens[next]] else { continue }
            let links = Set(tokens[(index + 1)..<next])
            let place = next + 1 < tokens.count && ["on", "at", "in", "inside", "within"].contains(tokens[next + 1])
            if !place, phase == "Pending" || !links.isDisjoint(with: ["stuck", "still", "currently"]) { phases.insert(phase) }
        }
        guard phases.count == 1, let phase = phases.first else { return nil }
        let terms = parsed.fieldSelector.map { $0.split(separator: ",").map(String.init) } ?? []
        guard !terms.contains(where: { $0.hasPrefix("status.phase") }) else { return nil }
        let term = "status.phase=" + phase
        if let span = words.span("field-selector") {
            words.setValue((terms + [term]).joined(separator: ","), of: span)
        } else {
            words.append(["--field-selector=" + term])
        }
        return EvidenceFix(.fieldSelector, "\(term): the phase the request names")
    }

    /// Words that ask to follow logs.
    static let followPhrases = ["follow", "following", "stream", "streaming", "tail -f", "-f", "live", "keep watching"]

    /// `-f` for logs the request asks to follow ("follow logs svc edge-gw").
    static let followLogs: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "logs", !parsed.hasFlag("follow"),
              followPhrases.contains(where: RequestText(AskedFlags.withoutNamespaceNames(evidence.request)).has) else { return nil }
        words.append(["-f"])
        return EvidenceFix(.output, "added -f: the request follows the logs")
    }
}

extension RequestEvidence {
    /// Words that open a request that only reads.
    static let readingOpeners: Set<String> = ["show", "list", "display", "print", "get", "view", "describe", "see", "inspect"]

    /// Words that ask to write.
    static let writingWords: Set<String> = [
        "apply", "create", "deploy", "install", "update", "change", "replace", "make", "add", "set", "push", "submit",
        "run", "start", "recreate", "upsert", "sync", "roll", "save",
    ]

    /// `apply -f bundle.yaml` for "Show the objects defined in the file bundle.yaml": a request that opens with a
    /// reading verb and asks to write nothing reads what the file defines (`get -f`, or `describe -f` for details).
    static let unaskedWrite: Check = { words, evidence in
        let parsed = words.parsed
        guard ["apply", "create", "replace"].contains(parsed.verb ?? ""), parsed.subverb == nil, parsed.hasFlag("filename"),
              let first = evidence.text.tokens.first(where: { !["please", "pls", "now", "just"].contains($0) }),
              readingOpeners.contains(first), !evidence.text.hasAny(writingWords), !evidence.text.hasAny(deletionWords)
        else { return nil }
        let verb = evidence.text.hasAny(["describe", "details", "detail"]) ? "describe" : "get"
        var line = ["kubectl", verb]
        for span in words.spans where ["filename", "namespace", "recursive", "kustomize"].contains(span.flag.name)
            || (verb == "get" && span.flag.name == "output") {
            line.append(words.words[span.index])
            if span.valueInNextWord { line.append(words.words[span.index + 1]) }
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "\(parsed.verb ?? "") → \(verb): the request reads what the file defines")
    }
}
