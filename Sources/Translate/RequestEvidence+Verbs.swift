import KubectlKit

extension RequestEvidence {
    // MARK: - The verb the request asks for

    /// Words that ask for objects to go away, or for what kubectl does by deleting them (restarting a pod).
    static let deletionWords: Set<String> = [
        "delete", "deleting", "deleted", "del", "remove", "removing", "rm", "nuke", "kill", "destroy", "drop", "purge",
        "clean", "cleanup", "clear", "evict", "wipe", "erase", "rid", "teardown", "tear", "terminate", "uninstall",
        "zap", "trash", "recreate", "restart", "bounce", "recycle", "kick", "reschedule", "replace", "force", "gone",
    ]

    /// A `delete` for a request that asks for nothing to go away (`failed pods ns batch-lab` answered with
    /// `kubectl delete pods --field-selector status.phase=Failed`) becomes the listing of the same objects: a small
    /// model copies the verb of a nearby example, and k1 never proposes deleting what the user only asked to see.
    static let unaskedDelete: Check = { words, evidence in
        // "same for worker-2" after a delete asks for the delete again.
        let repeatsADelete = evidence.context.contains { $0.hasPrefix("last command") && $0.contains("kubectl delete") }
            || evidence.text.hasAny(repeatWords)
        guard words.parsed.verb == "delete", !repeatsADelete, !evidence.text.hasAny(deletionWords),
              // Typed in a hurry ("delte", "dleete", "remvoe") it still asks.
              !evidence.text.tokens.contains(where: { $0.count >= 4 && ClosestName.find($0, among: ["delete", "remove", "destroy"]) != nil })
        else { return nil }
        words.replaceWord("delete", with: "get")
        for name in ["grace-period", "force", "now", "wait", "cascade", "timeout", "all"] {
            while let span = words.span(name) { words.remove(span) }
        }
        return EvidenceFix(.verb, "delete → get: the request asks to see these objects, not to delete them")
    }

    /// Words that ask for what was done before again.
    static let repeatWords: Set<String> = ["same", "again", "too", "also", "retry", "redo", "repeat", "likewise",
                                           "similarly", "ditto"]

    /// Words that ask for create-or-update rather than create.
    static let applyWords: Set<String> = [
        "apply", "applying", "update", "updating", "upsert", "sync", "reconcile", "declarative", "declaratively",
        "configure", "changes", "change", "existing", "again", "reapply", "re-apply",
    ]

    /// `apply -f FILE` for a request that creates what a file defines ("create the resources in orchard.json"):
    /// kubectl's `create -f`, which fails rather than changes objects that exist. "save config" adds `--save-config`.
    static let createFromFile: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "apply", parsed.hasFlag("filename"), !parsed.hasFlag("kustomize"),
              parsed.subverb == nil,
              evidence.text.set.contains("create") || evidence.text.set.contains("creating"),
              !evidence.text.hasAny(applyWords) else { return nil }
        words.replaceWord("apply", with: "create")
        if evidence.text.has("save config") || evidence.text.has("save the config") || evidence.text.set.contains("--save-config"),
           !words.parsed.hasFlag("save-config") {
            words.append(["--save-config"])
        }
        return EvidenceFix(.verb, "apply → create: the request creates what the file defines")
    }

    /// `cluster-info dump` for a request that does not ask for a dump ("cluster info pls"): `cluster-info`.
    static let clusterInfoDump: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "cluster-info", parsed.subverb == "dump" || parsed.positionals.first == "dump",
              !evidence.text.tokens.contains(where: { $0.hasPrefix("dump") || $0 == "debug" || $0 == "diagnos" }) else { return nil }
        words = CommandWords("kubectl cluster-info") ?? words
        return EvidenceFix(.verb, "cluster-info dump → cluster-info: the request asks for no dump")
    }

    /// Words that ask for an object's details rather than its row.
    static let detailWords: Set<String> = ["details", "detail", "detailed", "describe", "description", "everything"]

    /// `get TYPE NAME` for a request about one object's details ("display the details of the secret db-auth"):
    /// `describe`, unless the request names an output format.
    static let describeDetails: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get", !parsed.names.isEmpty || !parsed.objects.isEmpty, !parsed.hasFlag("output"),
              !parsed.hasFlag("watch"), evidence.text.hasAny(detailWords),
              !evidence.text.hasAny(["yaml", "json", "wide", "jsonpath", "output", "field", "value", "values"]) else { return nil }
        words.replaceWord("get", with: "describe")
        return EvidenceFix(.verb, "get → describe: the request asks for the details")
    }

    // MARK: - Output and watching

    /// `-o name` for a listing of names only ("print the names of the config maps", "just the names").
    static let namesOnly: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        let tokens = text.tokens
        // "names of", or "names"/"name" within two words of "only"/"just" ("printing only their names").
        let asksNames = text.has("names of") || tokens.indices.contains { index in
            guard tokens[index] == "names" || tokens[index] == "name" else { return false }
            let window = tokens[max(0, index - 2)...min(tokens.count - 1, index + 1)]
            return window.contains("only") || window.contains("just")
                || (index > 0 && ["output", "print", "-o"].contains(tokens[index - 1]))
        }
        // A JSONPath that prints only the names is `-o name` said the long way.
        let output = parsed.output?.replacingOccurrences(of: " ", with: "") ?? ""
        let namesPath = ["jsonpath={.items[*].metadata.name}", "jsonpath={.metadata.name}", "jsonpath='{.items[*].metadata.name}'"]
            .contains(output) && !text.hasAny(["jsonpath", "json-path"])
        guard parsed.verb == "get", !parsed.hasFlag("output") || namesPath, asksNames else { return nil }
        if namesPath, let span = words.span("output") { words.remove(span) }
        words.append(["-o", "name"])
        return EvidenceFix(.output, "added -o name: the request asks for names only")
    }

    /// `--show-labels` for a listing with its labels ("pods + labels", "show the labels of the pods").
    static let showLabels: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "get", !parsed.hasFlag("show-labels"), !parsed.hasFlag("label-columns"),
              parsed.output == nil || parsed.output == "wide", let index = tokens.firstIndex(of: "labels"),
              !tokens.contains(where: { $0.contains("=") }),
              !evidence.text.hasAny(["labelled", "labeled", "selector", "without", "with-label", "carrying"]) else { return nil }
        // "+ labels", "with labels", "show labels", "and their labels", "labels of/for …".
        let before = index > 0 ? tokens[index - 1] : ""
        let after = index + 1 < tokens.count ? tokens[index + 1] : ""
        guard ["+", "with", "show", "their", "its", "and", "the", "&", "plus", "w/"].contains(before)
                || ["of", "for", "too", "shown", "included"].contains(after) || index == tokens.count - 1 else { return nil }
        // A selector the model made up from the request's other words goes: labels are shown, not matched.
        if let span = words.span("selector") { words.remove(span) }
        // `-o wide` the request never asks for in a word of its own goes with it.
        if parsed.output == "wide", !evidence.text.hasAny(["wide", "-o", "-owide", "ip", "ips"]), let span = words.span("output") {
            words.remove(span)
        }
        words.append(["--show-labels"])
        return EvidenceFix(.output, "added --show-labels: the request asks to see the labels")
    }

    /// Phrases that ask to keep watching (also the words that keep a `-w` the model wrote, ``FlagEvidence``).
    static let watchPhrases = ["as they happen", "as it happens", "in real time", "real time", "real-time", "realtime",
                               "live", "keep watching", "stream", "streaming", "watch", "as they come", "continuously"]

    /// `-w` for a listing or events the request asks to follow as they change.
    static let watch: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get" || parsed.verb == "events", !parsed.hasFlag("watch"), !parsed.hasFlag("watch-only"),
              !parsed.hasFlag("output") || parsed.verb == "events",
              watchPhrases.contains(where: RequestText(AskedFlags.withoutNamespaceNames(evidence.request)).has) else { return nil }
        words.append(["-w"])
        return EvidenceFix(.output, "added -w: the request asks to watch")
    }

    /// Events watched as they happen are `kubectl events -w`, which prints them in the order they occur: a `get events
    /// -w` whose flags `kubectl events` all knows becomes that.
    static let watchedEvents: Check = { words, _ in
        guard words.parsed.hasFlag("watch"), let moved = CommandRepair.eventsLine(words.words),
              let rebuilt = CommandWords(ShellWords.join(moved)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "kubectl events -w: events as they happen")
    }
}

extension RequestEvidence {
    /// `create clusterrolebinding` for a request that asks for a role binding ("bind the cluster role view to … with a
    /// role binding"): a `rolebinding`, in the namespace the request names. A cluster role can be bound in one
    /// namespace; "cluster role binding" or "cluster-wide" keeps it cluster-wide.
    static let bindingScope: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "create", parsed.subverb == "clusterrolebinding",
              text.has("role binding") || text.set.contains("rolebinding") || namespaceLimited.contains(where: text.has),
              !text.has("cluster role binding") && !text.set.contains("clusterrolebinding"),
              !text.hasAny(["cluster-wide", "clusterwide", "everywhere"]), !text.has("cluster wide"),
              !text.has("all namespaces") else { return nil }
        words.replaceWord("clusterrolebinding", with: "rolebinding")
        if words.parsed.namespace == nil, let namespace = AskedFlags.namedNamespace(evidence.request) {
            words.append(["-n", namespace])
        }
        return EvidenceFix(.verb, "clusterrolebinding → rolebinding: the request asks for a role binding")
    }

    /// Phrases that keep a binding to one namespace ("only in that namespace").
    static let namespaceLimited = ["inside", "only in", "in that namespace", "in this namespace", "within the namespace", "limited to the namespace",
                                   "scoped to the namespace", "just in", "namespace only", "namespaced binding"]

    /// Words that ask for deletion without waiting.
    static let noGracePhrases = ["no grace", "without grace", "grace 0", "grace period 0", "zero grace", "grace-period 0",
                                 "grace=0", "no grace period", "skip the grace", "skip grace"]

    /// `delete … --now` or a bare `--force` for a request that deletes with no grace at all ("now, no grace",
    /// "force delete"): `--grace-period=0 --force`, kubectl's immediate deletion.
    static let immediateDelete: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "delete", noGracePhrases.contains(where: evidence.text.has)
                || evidence.text.set.contains("force") && (evidence.text.set.contains("delete") || evidence.text.set.contains("del")),
              !(parsed.flags.contains { $0.name == "grace-period" && $0.value == "0" } && parsed.hasFlag("force")) else { return nil }
        for name in ["now", "grace-period", "force"] {
            while let span = words.span(name) { words.remove(span) }
        }
        words.append(["--grace-period=0", "--force"])
        return EvidenceFix(.verb, "--grace-period=0 --force: the request deletes without grace")
    }

    /// `--timeout` for a wait the request bounds ("2 min max", "up to five minutes", "give up after 90s").
    static let waitTimeout: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "wait" || (parsed.verb == "rollout" && parsed.subverb == "status"), !parsed.hasFlag("timeout"),
              evidence.text.hasAny(["max", "timeout", "within", "most", "limit", "after", "upto"]) || evidence.text.has("up to"),
              let duration = evidence.text.durations.first else { return nil }
        words.append(["--timeout=" + duration])
        return EvidenceFix(.inventedValue, "added --timeout=\(duration) from the request")
    }
}

extension RequestEvidence {
    /// Programs that are shells: `exec -it POD -- sh` needs a terminal.
    static let shells: Set<String> = ["sh", "bash", "ash", "zsh", "dash", "fish", "ksh", "/bin/sh", "/bin/bash",
                                      "/bin/ash", "/bin/zsh", "/usr/bin/bash", "/usr/bin/env"]

    /// Programs that open their own prompt when given nothing to run (`psql -U admin`, `redis-cli`, `python3`).
    static let interactivePrograms: Set<String> = [
        "psql", "mysql", "mariadb", "redis-cli", "mongo", "mongosh", "python", "python3", "node", "irb", "sqlite3",
        "cqlsh", "clickhouse-client", "top", "htop", "vi", "vim", "nano", "less", "rails", "iex", "erl", "ghci", "lua",
    ]

    /// Arguments that give such a program something to run, so it needs no prompt.
    static let scriptArguments: Set<String> = ["-c", "-e", "--command", "--eval", "-f", "--file", "-x", "--execute"]

    /// Words that ask for a terminal.
    static let terminalWords: Set<String> = ["interactive", "interactively", "shell", "terminal", "tty", "console",
                                             "-it", "-ti", "attach", "session", "prompt", "login", "into", "sh", "bash"]

    /// `exec -it POD -- date` for a request that runs one command ("run the command date in the pod ledger-0"): no
    /// terminal, so the output can be piped and scripted; `-it` stays for a shell or when the request asks for one.
    static let execTerminal: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "exec", let program = parsed.afterDoubleDash.first, !shells.contains(program),
              !evidence.text.hasAny(terminalWords) else { return nil }
        // `psql -U admin` opens a prompt: it keeps its terminal.
        let base = program.split(separator: "/").last.map(String.init) ?? program
        guard !interactivePrograms.contains(base) || parsed.afterDoubleDash.dropFirst().contains(where: { word in
            scriptArguments.contains(where: { word == $0 || word.hasPrefix($0 + "=") })
        }) else { return nil }
        var dropped: [String] = []
        for name in ["stdin", "tty"] {
            while let span = words.span(name) {
                dropped.append(words.text(of: span))
                words.remove(span)
            }
        }
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.output, "dropped \(Set(dropped).sorted().joined(separator: " ")): \(program) needs no terminal")
    }

    /// `top pod NAME --containers` for the usage of a pod's containers.
    static let topContainers: Check = { words, evidence in
        // `top ctrs ml-0` for "top ctrs of pod ml-0": the containers of a pod are `top pod`.
        var renamed: EvidenceFix?
        if words.parsed.verb == "top", let sub = words.positional.dropFirst().first,
           containerMarkers.contains(sub.lowercased()) {
            words.replaceWord(sub, with: "pod")
            renamed = EvidenceFix(.output, "top pod: the containers of a pod")
        }
        let parsed = words.parsed
        guard parsed.verb == "top", parsed.resource?.plural == "pods", !parsed.hasFlag("containers"),
              evidence.text.hasAny(["container", "containers", "ctr", "ctrs"]) else { return renamed }
        // "top po ns lake containers" written `top po containers`: the word is the flag, not a pod.
        for word in ["containers", "container", "ctrs", "ctr"] where parsed.names.contains(word) { words.removeWord(word) }
        words.append(["--containers"])
        return EvidenceFix(.output, "added --containers: the request asks for each container")
    }
}
