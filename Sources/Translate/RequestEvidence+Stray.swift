import Foundation
import KubectlKit

/// Request words that landed in the wrong place of the command: "all ns" read as a namespace called `all`, "ctr
/// worker" left as positional words, the pod path the request wrote garbled, a context's name given to `--cluster`,
/// and "last applied" answered with a plain `edit` or `get`.
extension RequestEvidence {
    /// Namespace values that mean every namespace when the request says "all ns" or "every namespace".
    static let everyWords: Set<String> = ["all", "every", "evry", "each", "any", "*"]

    /// `-n all` for "pods on node x all namespaces": no namespace is called `all` unless the request says
    /// "namespace all", so it is `-A`.
    static let allAsNamespace: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(), everyWords.contains(value),
              !["namespace", "ns", "-n", "--namespace"].contains(where: { evidence.text.has("\($0) \(value)") }),
              KubectlKnowledge.command(for: parsed)?.flags.contains(where: { $0.spec.long == "all-namespaces" }) == true
        else { return nil }
        words.remove(span)
        if !parsed.allNamespaces { words.append(["-A"]) }
        return EvidenceFix(.allNamespaces, "-A: \"\(value)\" means every namespace, not one called \(value)")
    }

    /// Words that name a container in a command line rather than being one.
    static let containerMarkers: Set<String> = ["ctr", "ctrs", "container", "containers", "-c"]

    /// `exec -it queue-2 ctr worker bash -c worker`: the request's "ctr worker" copied as positional words next to the
    /// `-c` that now names the container. The copied words go; a program left among them (`bash`) goes after `--` for
    /// `exec`.
    static let strayContainerWords: Check = { words, _ in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["exec", "logs", "attach"].contains(verb),
              let container = parsed.flag("container")?.value?.lowercased(), !container.isEmpty else { return nil }
        let indices = words.positionalIndices
        // indices[0] is the verb, then the object as TYPE/NAME, NAME or TYPE NAME.
        guard indices.count > 2 else { return nil }
        var first = 2
        let object = words.words[indices[1]]
        if !object.contains("/"), ResourceCatalog.lookup(object) != nil { first = 3 }
        let rest = Array(indices.dropFirst(first))
        let stray = rest.filter { containerMarkers.contains(words.words[$0].lowercased()) || words.words[$0].lowercased() == container }
        guard !stray.isEmpty, object.lowercased() != container else { return nil }
        let program = verb == "exec" && !parsed.hasDoubleDash
            ? rest.filter { !stray.contains($0) }.map { words.words[$0] } : []
        let removed = Set(stray).union(verb == "exec" && !parsed.hasDoubleDash ? Set(rest) : [])
        var line = words.words.indices.filter { !removed.contains($0) }.map { words.words[$0] }
        if !program.isEmpty { line += ["--"] + program }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.container, program.isEmpty ? "dropped the container words; -c \(container) names it"
                                                       : "-c \(container) names the container; -- \(program.joined(separator: " ")) is the command")
    }

    /// `cp ./seed.sql pg-0:/tmp/data/seed.sql` for "cp ./seed.sql to pg-0:/tmp/": a `POD:PATH` the request writes
    /// is copied as written.
    static let copiedPodPath: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "cp" else { return nil }
        let asked = Recopy.pathTokens(evidence.request).filter { word in
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else { return false }
            return word[word.index(after: colon)...].hasPrefix("/") && !word.contains("://")
        }
        guard !asked.isEmpty else { return nil }
        for word in words.positional.dropFirst() where !asked.contains(word) {
            guard let colon = word.firstIndex(of: ":") else { continue }
            let pod = word[..<colon]
            let matching = asked.filter { token in
                let target = token.prefix { $0 != ":" }
                return target == pod || target.hasSuffix("/" + pod)
            }
            guard matching.count == 1, matching[0] != word else { continue }
            words.replaceWord(word, with: matching[0])
            return EvidenceFix(.objectForm, "\(matching[0]): the path the request writes")
        }
        return nil
    }

    /// `cordon`, `uncordon` or `drain` with no node for "cordoned nodes?": the request asks which nodes are
    /// unschedulable, so it lists them.
    static let cordonedListing: Check = { words, evidence in
        let parsed = words.parsed
        guard ["cordon", "uncordon", "drain"].contains(parsed.verb ?? ""), !parsed.hasFlag("selector"),
              // No node the request names (`cordon -o wide` reads `wide` as a name).
              !(parsed.names + parsed.objects.map(\.name)).contains(where: { evidence.text.set.contains($0.lowercased()) })
        else { return nil }
        // "uncordon the cordoned ones" asks for the verb it starts with.
        let first = evidence.text.tokens.first { !["please", "pls", "plz", "now", "then", "k1"].contains($0) }
        guard first != parsed.verb else { return nil }
        let unschedulable = evidence.text.hasAny(["cordoned", "unschedulable", "drained"])
        let schedulable = evidence.text.hasAny(["uncordoned", "schedulable"]) && !unschedulable
        guard unschedulable || schedulable else { return nil }
        let line = ["kubectl", "get", "nodes", "--field-selector=spec.unschedulable=\(unschedulable)"]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "get nodes: the request asks which nodes are \(unschedulable ? "cordoned" : "schedulable")")
    }

    /// Words after "context" or "ctx" that name no context.
    static let notContextNames: Set<String> = ["current", "the", "a", "my", "this", "that", "to", "for", "of", "in", "named", "called", "and", "is"]

    /// `config set-context --current --cluster=prod-eu` for "set ns for ctx prod-eu": the context the request names
    /// is the one to change, and a `--cluster` that only repeats its name goes.
    static let namedContext: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "config", parsed.subverb == "set-context", let current = words.span("current") else { return nil }
        let tokens = evidence.text.tokens
        var names: [String] = []
        for index in tokens.indices.dropLast() where ["ctx", "context", "kubecontext"].contains(tokens[index]) {
            var next = index + 1
            if ["named", "called"].contains(tokens[next]), next + 1 < tokens.count { next += 1 }
            let name = tokens[next]
            if !notContextNames.contains(name), name.contains(where: { $0.isLetter }), !names.contains(name) { names.append(name) }
        }
        guard names.count == 1, !evidence.text.has("current context"), !evidence.text.hasAny(["current"]) else { return nil }
        let name = names[0]
        let original = evidence.request.split(whereSeparator: \.isWhitespace).map(String.init)
            .first { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.;:'\"")) == name }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:'\"")) } ?? name
        var line = words.words
        line[current.index] = original
        if let cluster = words.span("cluster"), cluster.flag.value?.lowercased() == name, !evidence.text.has("cluster \(name)") {
            line.removeSubrange(cluster.index...(cluster.valueInNextWord ? cluster.index + 1 : cluster.index))
        }
        // The name goes right after `set-context`.
        if let moved = line.firstIndex(of: original), let sub = line.firstIndex(of: "set-context"), moved != sub + 1 {
            line.remove(at: moved)
            line.insert(original, at: sub + 1)
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "set-context \(original): the context the request names")
    }

    /// The sub-commands of `apply` that work on the last-applied annotation.
    static let lastAppliedVerbs: Set<String> = ["view-last-applied", "edit-last-applied", "set-last-applied"]

    /// "the last applied configuration of service front" answered with `edit svc front` or `get … -o yaml`: the
    /// annotation is read and written by `apply view-last-applied`, `edit-last-applied` and `set-last-applied`.
    static let lastApplied: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard text.has("last applied") || text.hasAny(["last-applied"]) || text.hasAny(lastAppliedVerbs) else { return nil }
        if parsed.verb == "apply", let sub = parsed.subverb, lastAppliedVerbs.contains(sub) { return nil }
        let files = parsed.values(of: "filename")
        let sub: String
        if text.hasAny(["set-last-applied"]) || (!files.isEmpty && text.hasAny(["set", "update", "record", "write", "save", "from"])) {
            sub = "set-last-applied"
        } else if text.hasAny(["edit", "edit-last-applied", "modify", "change", "editor"]) {
            sub = "edit-last-applied"
        } else {
            sub = "view-last-applied"
        }
        var line = ["kubectl", "apply", sub]
        if sub == "set-last-applied" {
            guard !files.isEmpty else { return nil }
            for file in files { line += ["-f", file] }
            if text.hasAny(["create-annotation"]) || text.has("create annot") || text.has("create the annotation")
                || text.has("create annotation") || parsed.hasFlag("create-annotation") { line.append("--create-annotation") }
        } else if !parsed.objects.isEmpty {
            line += parsed.objects.map(\.description)
        } else if !files.isEmpty {
            for file in files { line += ["-f", file] }
        } else {
            return nil
        }
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        if sub == "view-last-applied", let format = parsed.output, ["json", "yaml"].contains(format) { line += ["-o", format] }
        else if sub == "view-last-applied", text.hasAny(["json"]) { line += ["-o", "json"] }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "apply \(sub): the last-applied annotation")
    }
}
