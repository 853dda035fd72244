import Foundation
import KubectlKit

/// Checks for the parts of long requests a small model drops or bends: a namespace written in front of a name, a
/// duration, kubectl's flags behind a program, the forms of several literals, an API group or version, an excluded
/// namespace, a field manager, a priority class's policy.
extension RequestEvidence {
    /// `logs pipelines/tern-ingest-5c8d9` for "… pod tern-ingest-5c8d9 in namespace pipelines": kubectl reads the part
    /// before `/` as a type, so a namespace written there goes in `-n`.
    static let namespaceBeforeName: Check = { words, evidence in
        let parsed = words.parsed
        guard ["logs", "exec", "attach", "port-forward", "describe", "delete", "get"].contains(parsed.verb ?? "") else { return nil }
        let named = parsed.namespace?.lowercased() ?? AskedFlags.namedNamespace(evidence.request)
        guard let namespace = named else { return nil }
        let end = words.words.firstIndex(of: "--") ?? words.words.count
        guard let index = words.words[1..<end].firstIndex(where: { word in
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 2 && parts[0].lowercased() == namespace && ResourceCatalog.lookup(String(parts[0])) == nil
                && !parts[1].isEmpty
        }) else { return nil }
        let name = String(words.words[index].split(separator: "/")[1])
        var line = words.words
        line[index] = name
        if parsed.namespace == nil { line.insert(contentsOf: ["-n", namespace], at: index + 1) }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.namespace, "\(name) -n \(namespace): kubectl reads NS/NAME as a type and a name")
    }

    /// `logs … --tail=80 --timestamps` for "… limited to the past 2 hours": a duration the request gives to logs is
    /// `--since`.
    static let logsSince: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "logs", !parsed.hasFlag("since"), !parsed.hasFlag("since-time") else { return nil }
        let tokens = evidence.text.tokens
        let hours: Set<String> = ["h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "d", "day", "days"]
        // The duration must be one: a number of lines ("last 80 lines") or seconds of something else are not.
        let spans = tokens.indices.filter { index in
            let token = tokens[index]
            let number = token.prefix { $0.isNumber }
            guard !number.isEmpty else { return false }
            let unit = token.dropFirst(number.count)
            if !unit.isEmpty { return hours.contains(String(unit)) }
            return index + 1 < tokens.count && hours.contains(tokens[index + 1])
        }
        let durations = evidence.text.durations
        guard spans.count == 1, durations.count == 1, let duration = durations.first,
              evidence.text.hasAny(["past", "last", "since", "within", "recent", "ago", "previous"]) else { return nil }
        words.append(["--since=" + duration])
        return EvidenceFix(.output, "--since=\(duration): the time the request gives")
    }

    /// `--tail=30` next to `--since=30m` for "last 30m": the number was the duration's.
    static let tailFromDuration: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "logs", let since = parsed.flag("since")?.value, let span = words.span("tail"),
              let tail = span.flag.value, since.hasPrefix(tail), since.dropFirst(tail.count).allSatisfy(\.isLetter),
              !evidence.text.set.contains(tail) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        return EvidenceFix(.inventedValue, "dropped \(written): \(tail) is the duration's number")
    }

    /// `exec … -- /bin/bash` for "… bash shell": the shell as the request names it.
    static let shellAsWritten: Check = { words, evidence in
        let parsed = words.parsed
        guard let program = parsed.afterDoubleDash.first, parsed.afterDoubleDash.count == 1, program.hasPrefix("/bin/"),
              let dash = words.words.firstIndex(of: "--") else { return nil }
        let bare = String(program.dropFirst(5))
        guard evidence.text.set.contains(bare), !evidence.text.set.contains(program) else { return nil }
        var line = words.words
        line[dash + 1] = bare
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "\(bare): the shell as the request names it")
    }

    /// `--from-literal=BATCH_SIZE=500,REGION=eu-west`: kubectl takes one literal per flag.
    static let literalsApart: Check = { words, _ in
        guard words.parsed.verb == "create",
              let span = words.spans.first(where: { $0.flag.name == "from-literal" && ($0.flag.value ?? "").contains(",") }),
              let value = span.flag.value else { return nil }
        let parts = value.split(separator: ",").map(String.init)
        guard parts.count > 1, parts.allSatisfy({ $0.contains("=") && !$0.hasPrefix("=") }) else { return nil }
        words.remove(span)
        words.append(parts.map { "--from-literal=" + $0 })
        return EvidenceFix(.objectForm, "one --from-literal for each of \(parts.count) values")
    }

    /// `--from-file=./ca.pem` for "ca.crt from file ./ca.pem": the key the request gives the file.
    static let fileKey: Check = { words, evidence in
        guard words.parsed.verb == "create",
              let span = words.spans.first(where: { $0.flag.name == "from-file" && !($0.flag.value ?? "=").contains("=") }),
              let path = span.flag.value else { return nil }
        let tokens = evidence.request.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let at = tokens.firstIndex(where: { $0 == path || $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,")) == path }),
              at >= 3, tokens[at - 1].lowercased() == "file", tokens[at - 2].lowercased() == "from" else { return nil }
        let key = tokens[at - 3]
        guard key.contains("."), key.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else { return nil }
        words.setValue(key + "=" + path, of: span)
        return EvidenceFix(.objectForm, "--from-file=\(key)=\(path): the key the request gives the file")
    }

    /// `api-resources …` for "… in group apps": the API group the request names.
    static let apiGroup: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "api-resources", !parsed.hasFlag("api-group"),
              let at = tokens.firstIndex(of: "group"), at + 1 < tokens.count else { return nil }
        let group = tokens[at + 1]
        guard group.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }), group.first?.isLetter == true,
              !["of", "the", "and", "that", "with"].contains(group) else { return nil }
        words.append(["--api-group=" + group])
        return EvidenceFix(.output, "--api-group=\(group): the group the request names")
    }

    /// `explain deployment.spec …` for "… for apps/v1": the API version the request names.
    static let explainVersion: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "explain", !parsed.hasFlag("api-version"),
              let version = evidence.text.tokens.first(where: { token in
                  let parts = token.split(separator: "/")
                  return parts.count == 2 && parts[1].hasPrefix("v") && parts[1].dropFirst().first?.isNumber == true
                      && parts[0].allSatisfy { $0.isLetter || $0 == "." }
              }) else { return nil }
        words.append(["--api-version=" + version])
        return EvidenceFix(.output, "--api-version=\(version): the version the request names")
    }

    /// `config use-context ops-eu --cluster=…` for "set context ops-eu w/ cluster …": only `set-context` takes a
    /// cluster, a user or a namespace.
    static let setContext: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "config", parsed.subverb == "use-context",
              parsed.flags.contains(where: { ["cluster", "user", "namespace"].contains($0.name) }) else { return nil }
        words.replaceWord("use-context", with: "set-context")
        return EvidenceFix(.verb, "set-context: only it takes a cluster, a user or a namespace")
    }

    /// `create priorityclass … --never-preempt`: kubectl writes it `--preemption-policy=Never`.
    static let preemptionPolicy: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "create", parsed.subverb == "priorityclass",
              let span = words.spans.first(where: { !$0.flag.isKnown && $0.flag.name.contains("preempt") }) else { return nil }
        words.remove(span)
        words.append(["--preemption-policy=Never"])
        return EvidenceFix(.objectForm, "--preemption-policy=Never: kubectl's flag for it")
    }

    /// `get svc -A` for "svc in all ns except kube-system": the namespace left out is a field selector.
    static let exceptNamespace: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "get", parsed.allNamespaces, parsed.fieldSelector == nil,
              let at = tokens.firstIndex(where: { ["except", "excluding", "besides"].contains($0) }), at + 1 < tokens.count,
              at > 0, ["ns", "namespaces", "namespace"].contains(tokens[at - 1]) else { return nil }
        var next = at + 1
        if tokens[next] == "the", next + 1 < tokens.count { next += 1 }
        let namespace = tokens[next]
        guard AskedFlags.looksLikeNamespace(namespace) || namespace.hasPrefix("kube-") else { return nil }
        words.append(["--field-selector=metadata.namespace!=" + namespace])
        return EvidenceFix(.fieldSelector, "metadata.namespace!=\(namespace): every namespace but \(namespace)")
    }

    /// `apply --server-side …` for "… field manager ledger-ci": the manager the request names.
    static let fieldManager: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard ["apply", "patch", "create", "replace"].contains(parsed.verb ?? ""), !parsed.hasFlag("field-manager"),
              let at = tokens.firstIndex(of: "manager"), at > 0, tokens[at - 1] == "field", at + 1 < tokens.count,
              looksLikeName(tokens[at + 1]) else { return nil }
        words.append(["--field-manager=" + tokens[at + 1]])
        return EvidenceFix(.output, "--field-manager=\(tokens[at + 1]): the manager the request names")
    }

    /// `run probe --image=… --restart=Never -- sh` for "a temporary interactive pod …": the terminal and the removal
    /// the request asks for.
    static let interactiveRun: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "run", parsed.hasFlag("image") else { return nil }
        let text = evidence.text
        var added: [String] = []
        let interactive = text.hasAny(["interactive", "interactively", "-it", "-ti", "terminal", "tty"])
        if interactive, !parsed.hasFlag("stdin"), !parsed.hasFlag("tty") { added.append("-it") }
        // `-i` alone for "interactive": a person at the prompt wants the terminal too.
        if interactive, parsed.hasFlag("stdin"), !parsed.hasFlag("tty"), let alone = words.words.firstIndex(of: "-i") {
            words.remove(at: [alone])
            added.append("-it")
        }
        if !parsed.hasFlag("restart"), ["never restart", "no restart", "restart never", "don't restart", "dont restart", "no restarts",
                                         "not restart", "without restart"].contains(where: text.has) {
            added.append("--restart=Never")
        }
        let removed = text.hasAny(["temporary", "temp", "tmp", "throwaway", "--rm", "ephemeral", "disposable"])
            || text.has("removed when") || text.has("deleted when") || text.has("rm when") || text.has("remove it when")
        if removed, !parsed.hasFlag("rm"), interactive || parsed.hasFlag("stdin") || parsed.hasFlag("tty") { added.append("--rm") }
        guard !added.isEmpty else { return nil }
        words.append(added)
        return EvidenceFix(.output, "\(added.joined(separator: " ")): the request asks for it")
    }

    /// `-l 'zone=a,zone=a,pool!=system'`: a term written twice is one term.
    static let repeatedSelectorTerms: Check = { words, _ in
        guard let span = words.span("selector"), let value = span.flag.value else { return nil }
        let terms = selectorTerms(value)
        var kept: [String] = []
        for term in terms where !kept.contains(term) { kept.append(term) }
        guard kept.count < terms.count else { return nil }
        words.setValue(kept.joined(separator: ","), of: span)
        return EvidenceFix(.selector, "-l \(kept.joined(separator: ",")): each term once")
    }

    /// `--field-selector='tier in (api,worker)'`: a set-based term ("in", "notin", "!key") is a label's.
    static let setTermsInFieldSelector: Check = { words, _ in
        guard let span = words.span("field-selector"), let value = span.flag.value else { return nil }
        let terms = selectorTerms(value)
        func isSet(_ term: String) -> Bool { term.contains(" in (") || term.contains(" notin (") || term.hasPrefix("!") }
        let labels = terms.filter(isSet)
        guard !labels.isEmpty else { return nil }
        moveToSelector(labels, leading: true, from: span, keeping: terms.filter { !isSet($0) }, in: &words)
        return EvidenceFix(.selector, "-l \(labels.joined(separator: ",")): a label's set, not a field")
    }

    /// `-l app=db,role in primary replica` (the set left as loose words): `-l 'app=db,role in (primary,replica)'`.
    static let looseSetSelector: Check = { words, _ in
        guard let span = words.span("selector"), let value = span.flag.value else { return nil }
        var terms = selectorTerms(value)
        guard let key = terms.last, !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else { return nil }
        let after = span.index + (span.valueInNextWord ? 2 : 1)
        var line = words.words
        guard after + 2 < line.count, ["in", "notin"].contains(line[after]) else { return nil }
        var values: [String] = []
        var end = after + 1
        while end < line.count, !line[end].hasPrefix("-"), line[end] != "--",
              line[end].allSatisfy({ $0.isLetter || $0.isNumber || "-_.,()".contains($0) }) {
            values += line[end].trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",").map(String.init)
            end += 1
        }
        values.removeAll { $0 == "or" || $0 == "and" || $0.isEmpty }
        guard values.count >= 1 else { return nil }
        terms[terms.count - 1] = "\(key) \(line[after]) (\(values.joined(separator: ",")))"
        line.removeSubrange(after..<end)
        guard var rebuilt = CommandWords(ShellWords.join(line)), let newSpan = rebuilt.span("selector") else { return nil }
        rebuilt.setValue(terms.joined(separator: ","), of: newSpan)
        words = rebuilt
        return EvidenceFix(.selector, "-l \(terms.joined(separator: ",")): one set of values")
    }

    /// `wait --for=condition=Ready` for "… has a status.phase of Running": a field the request names and the value it
    /// waits for are a JSONPath condition.
    static let waitForField: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "wait" else { return nil }
        let tokens = evidence.text.tokens
        guard let at = tokens.firstIndex(where: { token in
            let path = token.hasPrefix(".") ? String(token.dropFirst()) : token
            return path.hasPrefix("status.") && path.split(separator: ".").count >= 2
                && path.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }
        }) else { return nil }
        let raw = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: ".'\"()"))
        }
        // The path and the value as written (`readyReplicas`, `Running`), past "of", "is", "to be", "=".
        guard let path = raw.first(where: { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) == tokens[at].trimmingCharacters(in: CharacterSet(charactersIn: ".")) })
        else { return nil }
        // The value: the first word after the path written with a capital (`Running`, `True`), a number, or a boolean.
        let values = tokens[(at + 1)..<min(tokens.count, at + 9)].compactMap { token in
            raw.first { $0.lowercased() == token && $0.allSatisfy { $0.isLetter || $0.isNumber } }
        }
        guard let written = values.first(where: { value in
            value.first?.isUppercase == true || value.allSatisfy(\.isNumber) || ["true", "false"].contains(value)
        }) else { return nil }
        let condition = "jsonpath={.\(path.hasPrefix(".") ? String(path.dropFirst()) : path)}=\(written)"
        guard parsed.flag("for")?.value != condition else { return nil }
        if let span = words.span("for") { words.setValue(condition, of: span) } else { words.append(["--for=" + condition]) }
        return EvidenceFix(.objectForm, "--for=\(condition): the field the request waits for")
    }

    /// `describe pods …` for "… skip the events": `--show-events=false`.
    static let describeWithoutEvents: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "describe", !parsed.hasFlag("show-events"), let at = tokens.firstIndex(of: "events"),
              tokens[max(0, at - 3)..<at].contains(where: { ["skip", "without", "no", "hide", "omit", "dont", "don't", "exclude"].contains($0) })
        else { return nil }
        words.append(["--show-events=false"])
        return EvidenceFix(.output, "--show-events=false: the request leaves the events out")
    }

    /// `set image deployment/ledger-api ledger-api=ledger-api:5.0.2` for "… the api container uses ledger-api:5.0.2":
    /// each image goes to the container the request gives it.
    static let imageContainerNames: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "image" else { return nil }
        let tokens = evidence.text.tokens
        var changed: [String] = []
        for argument in parsed.arguments where argument.contains("=") {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let at = tokens.firstIndex(of: parts[1].lowercased()) else { continue }
            // "the api container uses IMAGE", "container api to IMAGE": the name next to the nearest "container" before.
            let window = tokens[max(0, at - 5)..<at]
            guard let marker = window.lastIndex(where: { $0 == "container" || $0 == "ctr" }) else { continue }
            var name: String?
            if marker > 0, looksLikeName(tokens[marker - 1]), !notContainerNames.contains(tokens[marker - 1]) { name = tokens[marker - 1] }
            if marker + 1 < at, looksLikeName(tokens[marker + 1]), !notContainerNames.contains(tokens[marker + 1]),
               !["uses", "use", "to", "gets", "runs"].contains(tokens[marker + 1]) { name = tokens[marker + 1] }
            guard let container = name, container != parts[0].lowercased(), !evidence.text.set.contains(parts[0].lowercased())
                    || parts[0].lowercased() == parts[1].lowercased().split(separator: ":").first.map(String.init) else { continue }
            words.replaceWord(argument, with: container + "=" + parts[1])
            changed.append(container + "=" + parts[1])
        }
        guard !changed.isEmpty else { return nil }
        return EvidenceFix(.container, "\(changed.joined(separator: " ")): the container the request gives each image")
    }

    /// `-n orchard` when the session is in `orchard` and the request never names it: k1 adds the session's namespace
    /// itself, so the flag only repeats it. Rows picked from a listing keep theirs.
    static let sessionNamespace: Check = { words, evidence in
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(),
              evidence.context.contains("ns: " + value), !evidence.text.set.contains(value),
              // Rows picked from a listing keep the namespace they were listed in.
              !evidence.context.contains(where: { $0.hasPrefix("listed") }),
              !evidence.context.contains(where: { $0.hasPrefix("selected:") && !$0.lowercased().hasSuffix(" in " + value) && $0.contains(" in ") })
        else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): the session's namespace, which k1 adds")
    }

    /// `rollout status … --watch`: watching is what `rollout status` does unless told not to.
    static let defaultWatch: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "rollout", parsed.subverb == "status", let span = words.span("watch"),
              span.flag.value == nil || span.flag.value == "true" else { return nil }
        words.remove(span)
        return EvidenceFix(.output, "dropped --watch: rollout status watches by default")
    }

    /// `attach pod -c worker --tty` for "… interactive with tty": a terminal without stdin is not interactive.
    static let interactiveStdin: Check = { words, evidence in
        let parsed = words.parsed
        guard ["attach", "exec", "run", "debug"].contains(parsed.verb ?? ""), parsed.hasFlag("tty"), !parsed.hasFlag("stdin"),
              evidence.text.hasAny(["interactive", "interactively"]) else { return nil }
        words.append(["-i"])
        return EvidenceFix(.output, "added -i: an interactive session needs stdin")
    }

    /// `apply -f x.yaml` for "what would change if I applied x.yaml": the question is answered by `diff`.
    static let applyAsDiff: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "apply", parsed.subverb == nil,
              text.has("would change") || text.has("what changes") || text.has("what will change") || text.has("what changed")
                || text.hasAny(["diff", "difference", "differences"]) else { return nil }
        words.replaceWord("apply", with: "diff")
        return EvidenceFix(.verb, "apply → diff: the request asks what would change")
    }

    /// `drain node` for "stop new pods landing on it without evicting what runs there": only `cordon` leaves them.
    static let cordonWithoutEvicting: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        let keeps = text.has("without evicting") || text.has("without draining") || text.has("not evict") || text.has("don't evict")
            || text.has("dont evict") || text.has("without moving") || text.has("keep running") || text.has("leave running")
        guard parsed.verb == "drain", keeps, let node = parsed.names.first else { return nil }
        var line = words.words.prefix(1) + ["cordon", node]
        if let span = words.span("selector") { line += ["-l", span.flag.value ?? ""] }
        guard let rebuilt = CommandWords(ShellWords.join(Array(line))) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "drain → cordon: the request keeps the pods where they run")
    }

    /// `config set-context --current --namespace=default` for "make relay the default namespace": the namespace the
    /// request makes the default.
    static let defaultNamespace: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "config", parsed.subverb == "set-context", let span = words.span("namespace"),
              let value = span.flag.value, !evidence.text.set.contains(value.lowercased()) || value == "default",
              let at = tokens.indices.first(where: { tokens[$0] == "default" && $0 + 1 < tokens.count && ["namespace", "ns"].contains(tokens[$0 + 1]) })
        else { return nil }
        var candidate: String?
        // "make relay the default namespace", "relay as the default namespace".
        var before = at - 1
        var named = false
        if before >= 0, tokens[before] == "the" { before -= 1 }
        if before >= 0, tokens[before] == "as" {
            before -= 1
            named = true
        }
        if before > 0, ["make", "making", "makes"].contains(tokens[before - 1]) { named = true }
        if named, before >= 0, AskedFlags.looksLikeNamespace(tokens[before]) { candidate = tokens[before] }
        if at + 3 < tokens.count, tokens[at + 2] == "to", AskedFlags.looksLikeNamespace(tokens[at + 3]) { candidate = tokens[at + 3] }
        guard let namespace = candidate, namespace != value.lowercased() else { return nil }
        words.setValue(namespace, of: span)
        return EvidenceFix(.namespace, "--namespace=\(namespace): the namespace the request makes the default")
    }

    /// `drain -f --force gpu-7`: a short flag the verb does not have, beside the long flag it stands for, goes.
    static let unknownShortBesideLong: Check = { words, _ in
        let parsed = words.parsed
        guard let help = KubectlKnowledge.command(for: parsed) else { return nil }
        let end = words.words.firstIndex(of: "--") ?? words.words.count
        for index in 1..<end {
            let word = words.words[index]
            guard word.count == 2, word.hasPrefix("-"), let letter = word.last, letter.isLetter,
                  !help.flags.contains(where: { $0.spec.short == String(letter) }),
                  !KubectlKnowledge.globalFlags.contains(where: { $0.spec.short == String(letter) }),
                  parsed.flags.contains(where: { $0.isKnown && $0.name.first == letter && $0.name.count > 1 })
            else { continue }
            words.remove(at: [index])
            return EvidenceFix(.unknownFlag, "dropped \(word): kubectl \(help.pathText) has no such flag, and the long one is there")
        }
        return nil
    }

    /// `get nodes -o wide` for "nodes not cordoned": which nodes are cordoned is `spec.unschedulable`.
    static let cordonedNodes: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "get", parsed.resource?.plural == "nodes", parsed.fieldSelector == nil, parsed.names.isEmpty,
              text.hasAny(["cordoned", "uncordoned", "schedulable", "unschedulable"]) else { return nil }
        let negated = text.has("not cordoned") || text.has("arent cordoned") || text.has("aren't cordoned")
            || text.set.contains("uncordoned") || (text.set.contains("schedulable") && !text.has("not schedulable"))
        let value = negated ? "false" : "true"
        if parsed.output == "wide", !text.hasAny(["wide", "ip", "ips", "-o"]), let span = words.span("output") { words.remove(span) }
        words.append(["--field-selector=spec.unschedulable=" + value])
        return EvidenceFix(.fieldSelector, "spec.unschedulable=\(value): the nodes that are \(negated ? "schedulable" : "cordoned")")
    }

    /// `diff -k overlays/edge -l app=live` for "diff … against live": a selector on manifests nobody asked to filter goes.
    static let selectorOnManifests: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard ["diff", "apply"].contains(parsed.verb ?? ""), parsed.hasFlag("filename") || parsed.hasFlag("kustomize"),
              let span = words.span("selector"),
              !text.hasAny(["label", "labels", "labeled", "labelled", "selector", "-l", "matching", "with"]),
              !text.tokens.contains(where: { $0.contains("=") }) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        return EvidenceFix(.selector, "dropped \(written): the request filters the manifests by no label")
    }
}
