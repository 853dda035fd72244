import Foundation
import KubectlKit

/// Everyday requests answered with a command that cannot do what was asked: `exec` with no program, `describe` of
/// every object for a listing, a remote port nobody named, a name grown a suffix, and node usage for a namespace.
extension RequestEvidence {
    /// `exec -it toolbox` for "a shell in pod toolbox": kubectl needs a program, so the shell the request names (or
    /// `sh`) goes after `--`.
    static let execProgram: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "exec", !parsed.hasDoubleDash, words.positional.count == 2 else { return nil }
        let program = evidence.text.tokens.first { shells.contains($0) } ?? "sh"
        var line = words.words
        if !parsed.hasFlag("stdin"), !parsed.hasFlag("tty") { line.insert("-it", at: 2) }
        line += ["--", program]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "-- \(program): exec runs a program")
    }

    /// Words that ask for `describe`.
    static let describeWords: Set<String> = [
        "describe", "desc", "describes", "details", "detail", "detailed", "info", "information", "why", "explain", "usage", "used",
        "everything", "full", "events", "conditions",
    ]

    /// `describe pod` (every pod, at length) for "pods stuck pending": a request with no word for details lists.
    static let describeEverything: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "describe", parsed.names.isEmpty, parsed.objects.isEmpty, !parsed.hasFlag("selector"),
              !parsed.resourceWords.isEmpty, !evidence.text.hasAny(describeWords) else { return nil }
        words.replaceWord("describe", with: "get")
        return EvidenceFix(.verb, "describe → get: the request lists, it asks for no details")
    }

    /// `port-forward svc/web 8080:80` for "forward 8080 to svc web": a remote port the request never names is a
    /// guess, so the port it does name serves both ends.
    static let guessedRemotePort: Check = { words, evidence in
        guard words.parsed.verb == "port-forward" else { return nil }
        // "try again with local port 9090": the ports of the session's last command count as named.
        let numbers = Set((evidence.text.tokens + evidence.context.map { $0.lowercased() })
            .flatMap { $0.split(whereSeparator: { !$0.isNumber }).map(String.init) })
        for word in words.positional.dropFirst(2) {
            let parts = word.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                  numbers.contains(parts[0]), !numbers.contains(parts[1]) else { continue }
            words.replaceWord(word, with: parts[0])
            return EvidenceFix(.inventedValue, "\(parts[0]): the port the request names; :\(parts[1]) was a guess")
        }
        return nil
    }

    /// `patch cronjob nightly-report` for "suspend cronjob nightly": a name that is the request's object with a
    /// suffix nobody wrote becomes the object.
    static let grownName: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb else { return nil }
        // A new object keeps its name unless the request names an object of the same type by the stem ("pod tmp" for
        // `run tmp-shell`; a job made from "cronjob tick" is not called `tick`).
        let creates = verb == "run" || verb == "create"
        let created = verb == "run" ? ResourceCatalog.lookup("pods") : ResourceCatalog.lookup(parsed.subverb ?? "")
        for name in parsed.names + parsed.objects.map(\.name) where !evidence.known.contains(name) {
            let lower = name.lowercased()
            let stems = evidence.text.tokens.filter { token in
                guard looksLikeName(token), token.count >= 3, lower.hasPrefix(token + "-"),
                      let type = namedObject(token, in: evidence.text) else { return false }
                return !creates || created == type
            }
            guard stems.count == 1, let stem = stems.first else { continue }
            if let object = parsed.objects.first(where: { $0.name == name }), words.words.contains("\(object.resourceWord)/\(name)") {
                words.replaceWord("\(object.resourceWord)/\(name)", with: "\(object.resourceWord)/\(stem)")
            } else {
                words.replaceWord(name, with: stem)
            }
            return EvidenceFix(.objectForm, "\(stem): the object the request names, not \(name)")
        }
        return nil
    }

    /// `top nodes` for "who uses the most cpu in ns prod": nodes have no namespace, so a request that names one and
    /// no node means its pods.
    static let namespacedUsage: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "top", parsed.resource?.plural == "nodes", parsed.names.isEmpty,
              let namespace = AskedFlags.namedNamespace(evidence.request),
              !evidence.text.hasAny(["node", "nodes", "nd", "nds", "no"]), let word = words.positional.dropFirst().first else { return nil }
        words.replaceWord(word, with: "pods")
        if words.span("namespace") == nil { words.append(["-n", namespace]) }
        return EvidenceFix(.verb, "top pods -n \(namespace): the request is about a namespace, not the nodes")
    }
}
