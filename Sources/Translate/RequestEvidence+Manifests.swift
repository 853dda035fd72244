import KubectlKit

extension RequestEvidence {
    /// Phrases that ask for an object's manifest without making the object.
    static let noCreatePhrases = [
        "without creating", "without applying", "without making", "without running", "without actually", "don't create",
        "dont create", "do not create", "not create", "not actually", "dont actually", "don't actually", "dry run", "dry-run", "dryrun", "only print",
        "just print", "just the yaml", "just the json", "only the yaml", "only the json",
    ]

    /// Words that ask for a manifest to be written out.
    static let manifestWords: Set<String> = ["generate", "skeleton", "scaffold", "template", "boilerplate", "stub"]

    /// A manifest asked for without making the object ("give me a yaml for a deployment demo with image nginx without
    /// creating it") is a client dry run printed as YAML (or JSON): `--dry-run=client -o yaml` join a `create`, `run`
    /// or `expose` that lacks them.
    static let dryRunManifest: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["create", "run", "expose"].contains(verb) else { return nil }
        let text = evidence.text
        let format = text.hasAny(["json"]) ? "json" : "yaml"
        guard text.hasAny(["yaml", "yml", "json", "manifest", "manifests"]),
              noCreatePhrases.contains(where: text.has) || text.hasAny(manifestWords) else { return nil }
        var added: [String] = []
        if !parsed.hasFlag("dry-run") {
            words.append(["--dry-run=client"])
            added.append("--dry-run=client")
        }
        if !parsed.hasFlag("output") {
            words.append(["-o", format])
            added.append("-o \(format)")
        }
        guard !added.isEmpty else { return nil }
        return EvidenceFix(.output, "\(added.joined(separator: " ")): the manifest without creating the object")
    }

    /// "cordon and drain w-9" is one `drain` (it cordons first): a `cordon` with drain's flags becomes it.
    static let drainForCordon: Check = { words, evidence in
        // "unschedulable and evict its pods", or a cordon given drain's flags (`--ignore-daemonsets`).
        // "without evicting what runs there", "don't drain": the request keeps the pods.
        let tokens = evidence.text.tokens
        let drains = tokens.indices.contains { index in
            ["drain", "draining", "drained", "evacuate", "evict", "evicting"].contains(tokens[index])
                && !(index > 0 && ["without", "not", "don't", "dont", "no", "never"].contains(tokens[index - 1]))
                && !(index > 1 && ["don't", "dont", "not", "never"].contains(tokens[index - 2]))
        }
        guard words.parsed.verb == "cordon", drains
                || words.parsed.flags.contains(where: { ["ignore-daemonsets", "delete-emptydir-data", "force", "grace-period"].contains($0.name) })
        else { return nil }
        words.replaceWord("cordon", with: "drain")
        return EvidenceFix(.verb, "cordon → drain: the request drains the node, which cordons it first")
    }
}
