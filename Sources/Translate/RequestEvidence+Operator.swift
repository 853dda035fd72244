import Foundation
import KubectlKit

extension RequestEvidence {
    /// `get svc gauge -A` for "svc named gauge in any ns": kubectl cannot read an object by name across namespaces
    /// ("a resource cannot be retrieved by name across all namespaces"), so the name becomes
    /// `--field-selector metadata.name=gauge`.
    static let nameAcrossNamespaces: Check = { words, evidence in
        let parsed = words.parsed
        let named = Set(parsed.names + parsed.objects.map(\.name))
        guard parsed.verb == "get", parsed.allNamespaces, let type = parsed.resource, named.count == 1, let name = named.first,
              !(parsed.fieldSelector ?? "").contains("metadata.name") else { return nil }
        // `svc gauge` or `svc/gauge`.
        if let slashed = words.positional.first(where: { $0.hasSuffix("/" + name) && ResourceCatalog.lookup(String($0.dropLast(name.count + 1))) == type }) {
            words.replaceWord(slashed, with: String(slashed.dropLast(name.count + 1)))
        } else if words.positional.contains(name) {
            words.removeWord(name)
        } else {
            return nil
        }
        if let span = words.span("field-selector"), let value = span.flag.value {
            words.setValue(value + ",metadata.name=" + name, of: span)
        } else {
            words.append(["--field-selector", "metadata.name=" + name])
        }
        return EvidenceFix(.fieldSelector, "metadata.name=\(name): kubectl reads no object by name across namespaces")
    }

    /// Words that ask `explain` for every field below a path.
    static let recursivePhrases = [
        "recursive", "recursively", "recusrively", "recursivly", "recursivelly", "nested", "all fields", "all the fields", "every field", "each field", "all subfields",
        "subfields", "sub-fields", "whole tree", "full tree", "field tree", "all nested", "all its fields", "all of its fields",
    ]

    /// `explain deployment.spec.strategy --recursive` for "… with all nested fields".
    static let explainRecursive: Check = { words, evidence in
        guard words.parsed.verb == "explain", !words.parsed.hasFlag("recursive"),
              recursivePhrases.contains(where: evidence.text.has) else { return nil }
        words.append(["--recursive"])
        return EvidenceFix(.output, "--recursive: every field below the path")
    }

    /// The secret type each word names ("tls secrets", "secrets of type docker-registry").
    static let secretTypes: [String: String] = [
        "tls": "kubernetes.io/tls", "docker-registry": "kubernetes.io/dockerconfigjson",
        "dockerconfigjson": "kubernetes.io/dockerconfigjson", "service-account-token": "kubernetes.io/service-account-token",
        "opaque": "Opaque", "basic-auth": "kubernetes.io/basic-auth", "ssh-auth": "kubernetes.io/ssh-auth",
        "kubernetes.io/tls": "kubernetes.io/tls", "kubernetes.io/dockerconfigjson": "kubernetes.io/dockerconfigjson",
        "kubernetes.io/service-account-token": "kubernetes.io/service-account-token",
    ]

    /// `--field-selector type=kubernetes.io/tls` for "delete all tls secrets in scratch": the secrets of one type, on a
    /// `get`, `delete` or `describe` of secrets that names none. An `--all` beside it goes: the type narrows it.
    static let secretsOfType: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "delete", "describe"].contains(parsed.verb ?? ""), parsed.resource?.plural == "secrets",
              parsed.objects.isEmpty, parsed.names.isEmpty, !(parsed.fieldSelector ?? "").contains("type") else { return nil }
        let tokens = evidence.text.tokens
        // The type word right before "secret(s)", or after "type"/"of type".
        var found: Set<String> = []
        for (index, token) in tokens.enumerated() {
            guard let type = secretTypes[token] else { continue }
            let before = index + 1 < tokens.count && ["secret", "secrets"].contains(tokens[index + 1])
            let after = index > 0 && ["type", "typed"].contains(tokens[index - 1])
            if before || after { found.insert(type) }
        }
        guard found.count == 1, let type = found.first else { return nil }
        if let all = words.span("all") { words.remove(all) }
        if let span = words.span("field-selector"), let value = span.flag.value {
            words.setValue(value + ",type=" + type, of: span)
        } else {
            words.append(["--field-selector", "type=" + type])
        }
        return EvidenceFix(.fieldSelector, "type=\(type): the secrets of the type the request names")
    }

    /// `cp shop/web-0:/tmp/x ./x -n shop`: the namespace is written twice; the pod's own `NS/` prefix stays and `-n` goes.
    static let copyNamespaceTwice: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "cp", let span = words.span("namespace"), let namespace = span.flag.value,
              parsed.positionals.contains(where: { $0.hasPrefix(namespace + "/") && $0.contains(":") }) else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(namespace): the pod's path already names it")
    }

    /// `--as=system:serviceaccount:mines:oresync` for "what can sa ore-sync do": a service account's name copied
    /// without its dashes (or with letters swapped) is the name as the request writes it. Also in `--serviceaccount`.
    static let accountNameAsWritten: Check = { words, evidence in
        for flag in ["as", "serviceaccount"] {
            guard let span = words.span(flag), let value = span.flag.value else { continue }
            var parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 || (parts.count == 4 && value.hasPrefix("system:serviceaccount:")),
                  let name = parts.last, !name.isEmpty, !evidence.text.set.contains(name.lowercased()) else { continue }
            let written = Set(evidence.text.tokens.filter { token in
                looksLikeName(token) && token != name.lowercased()
                    && (Grounding.squash(token) == Grounding.squash(name)
                        || (token.count > 5 && token.count == name.count && ClosestName.distance(token, name) == 1 && token.contains("-")))
            })
            guard written.count == 1, let token = written.first else { continue }
            parts[parts.count - 1] = token
            let fixed = parts.joined(separator: ":")
            words.setValue(fixed, of: span)
            return EvidenceFix(.identity, "--\(flag)=\(value) → --\(flag)=\(fixed): the account as the request writes it")
        }
        return nil
    }

    /// Flags only `create` gives a config map or secret.
    static let creatingFlags: Set<String> = ["from-literal", "from-file", "from-env-file"]

    /// `get configmap feature-flags --from-literal=DARK_MODE=on` for "cm feature-flags w/ DARK_MODE=on": data given
    /// with `create`'s flags makes the object; the line becomes `create configmap` (`create secret generic`).
    static let createWithData: Check = { words, evidence in
        let parsed = words.parsed
        // `KEY=value` pairs in an environment variable's spelling (`CACHE_TTL=300`), which no label is written as.
        let pairs = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init).filter { word in
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex, word.index(after: equals) != word.endIndex else { return false }
            let key = word[..<equals]
            return key.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" } && key.contains(where: \.isUppercase)
        }
        guard ["get", "describe"].contains(parsed.verb ?? ""), let type = parsed.resource,
              type.plural == "configmaps" || type.plural == "secrets",
              parsed.flags.contains(where: { creatingFlags.contains($0.name) }) || !pairs.isEmpty,
              Set(parsed.names + parsed.objects.map(\.name)).count == 1,
              let name = (parsed.names + parsed.objects.map(\.name)).first else { return nil }
        var line = ["kubectl", "create"] + (type.plural == "configmaps" ? ["configmap"] : ["secret", "generic"]) + [name]
        let given = parsed.flags.contains(where: { creatingFlags.contains($0.name) })
        for span in words.spans where given || !["selector", "output", "field-selector"].contains(span.flag.name) {
            line += (try? ShellWords.split(words.text(of: span))) ?? []
        }
        // The data the request writes, when the answer read it as a label.
        if !given { line += pairs.map { "--from-literal=" + $0 } }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "create \(line[2]): the request gives the data of a new \(type.singular)")
    }

    /// `create rolebinding pod-reader-ci-runner` for "…, call the binding ci-runner-read": the name the request gives
    /// after "call", "called", "named" or "name it" replaces one it never gives.
    static let calledName: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", parsed.subverb != nil, let name = parsed.names.first,
              !evidence.text.set.contains(name.lowercased()) else { return nil }
        let tokens = evidence.text.tokens
        var found: Set<String> = []
        for index in tokens.indices where ["call", "called", "named", "name"].contains(tokens[index]) {
            var next = index + 1
            while next < tokens.count, ["it", "the", "this", "that", "new", "one", "binding", "object"].contains(tokens[next])
                    || requestedType(tokens[next]) != nil { next += 1 }
            guard next < tokens.count, looksLikeName(tokens[next]), tokens[next].count > 2, !connectives.contains(tokens[next])
            else { continue }
            found.insert(tokens[next])
        }
        guard found.count == 1, let word = found.first, !words.words.contains(where: { $0.lowercased() == word }) else { return nil }
        words.replaceWord(name, with: word)
        return EvidenceFix(.inventedValue, "\(word) for \(name): the name the request gives")
    }

    /// `rollout wait deployment/x` (no such sub-command) for "block until deploy x is available":
    /// `wait --for=condition=Available deployment/x`, keeping `--timeout` and `-n`; `rollout stop` is `rollout pause`
    /// and `rollout continue` is `rollout resume`.
    static let rolloutWait: Check = { words, _ in
        let all = words.words
        // `rollout stop` and `rollout continue` are kubectl's `pause` and `resume`.
        let renamed = ["stop": "pause", "halt": "pause", "freeze": "pause", "continue": "resume", "unpause": "resume", "unfreeze": "resume"]
        if all.count > 2, all[1] == "rollout", let sub = renamed[all[2]] {
            var line = all
            line[2] = sub
            guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
            words = rebuilt
            return EvidenceFix(.verb, "rollout \(sub): kubectl rollout has no \(all[2])")
        }
        guard all.count > 3, all[1] == "rollout", all[2] == "wait" else { return nil }
        var line = ["kubectl", "wait", "--for=condition=Available"] + all[3...]
        line.removeAll { $0.hasPrefix("--for=") && $0 != "--for=condition=Available" }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "wait --for=condition=Available: kubectl rollout has no wait")
    }

    /// "server-side apply of overlays/prod": `apply --server-side`, unless the request asks for a dry run.
    static let serverSideApply: Check = { words, evidence in
        let text = evidence.text
        guard words.parsed.verb == "apply", !words.parsed.hasFlag("server-side"), !words.parsed.isDryRun,
              text.has("server-side") || text.has("server side") || text.hasAny(["ssa", "serverside"]),
              !text.hasAny(["dry", "dry-run", "dryrun"]) else { return nil }
        words.append(["--server-side"])
        return EvidenceFix(.output, "--server-side: the request asks for a server-side apply")
    }

    /// `port-forward svc/pg 5432` for "localhost:6543 -> svc pg:5432": the local port the request writes
    /// (`localhost:N`, `127.0.0.1:N`, "local port N") goes before the remote one.
    static let localPortWritten: Check = { words, evidence in
        guard words.parsed.verb == "port-forward",
              let pattern = try? NSRegularExpression(pattern: #"(?:localhost|127\.0\.0\.1):(\d{2,5})\b|\blocal(?:ly)?(?: port)?(?: on)? (\d{2,5})\b"#)
        else { return nil }
        let request = evidence.request.lowercased()
        let found = Set(pattern.matches(in: request, range: NSRange(request.startIndex..., in: request)).compactMap { match -> String? in
            for group in 1...2 {
                if let range = Range(match.range(at: group), in: request) { return String(request[range]) }
            }
            return nil
        })
        guard found.count == 1, let local = found.first else { return nil }
        let ports = words.positionalIndices.filter { index in
            let parts = words.words[index].split(separator: ":", omittingEmptySubsequences: false)
            return (1...2).contains(parts.count) && parts.allSatisfy { $0.isEmpty || $0.allSatisfy(\.isNumber) }
                && words.words[index].contains(where: \.isNumber)
        }
        guard ports.count == 1, let index = ports.first else { return nil }
        let word = words.words[index]
        let remote = String(word.split(separator: ":").last ?? "")
        guard !remote.isEmpty, word != local + ":" + remote, remote != local || word.contains(":") else { return nil }
        var line = words.words
        line[index] = local + ":" + remote
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.inventedValue, "\(local):\(remote): the local port the request writes")
    }

    /// `set resources` with the requests and limits the request writes ("requests cpu=250m mem=256Mi, limits cpu=1
    /// mem=1Gi"): `mem` is `memory`, and a pair the answer lost comes back.
    static let resourcePairs: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "resources" else { return nil }
        let pieces = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        var section: String?
        var pairs: [String: [String]] = [:]
        var index = 0
        while index < pieces.count {
            let piece = pieces[index].trimmingCharacters(in: CharacterSet(charactersIn: ".;:()"))
            let lower = piece.lowercased()
            if ["requests", "request", "req", "reqs"].contains(lower) { section = "requests" } else if ["limits", "limit", "lim"].contains(lower) {
                section = "limits"
            } else if let section {
                var key: String?
                var value: String?
                for prefix in ["memory", "mem", "cpu"] where lower.hasPrefix(prefix) {
                    let rest = piece.dropFirst(prefix.count)
                    if rest.first == "=" || rest.first == ":" {
                        key = prefix
                        value = String(rest.dropFirst())
                    } else if rest.isEmpty, index + 1 < pieces.count, pieces[index + 1].first?.isNumber == true {
                        key = prefix
                        value = pieces[index + 1]
                        index += 1
                    }
                    break
                }
                if let key, let value, !value.isEmpty, value.first?.isNumber == true {
                    pairs[section, default: []].append((key == "cpu" ? "cpu" : "memory") + "=" + value)
                }
            }
            index += 1
        }
        var changed: [String] = []
        for flag in ["requests", "limits"] {
            guard let wanted = pairs[flag]?.joined(separator: ","), !wanted.isEmpty else { continue }
            if let span = words.span(flag) {
                guard span.flag.value != wanted else { continue }
                words.setValue(wanted, of: span)
            } else {
                words.append(["--\(flag)=\(wanted)"])
            }
            changed.append("--\(flag)=\(wanted)")
        }
        guard !changed.isEmpty else { return nil }
        return EvidenceFix(.inventedValue, "\(changed.joined(separator: " ")): as the request writes them")
    }

    /// `config set-context billing` for "set ns billing on current ctx": the current context gets the namespace,
    /// `config set-context --current --namespace=billing`.
    static let currentContextNamespace: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "config", parsed.subverb == "set-context", !parsed.hasFlag("current"),
              evidence.text.hasAny(["current", "curr", "this"]), evidence.text.hasAny(["ctx", "context", "kubecontext"]),
              let namespace = AskedFlags.namedNamespace(evidence.request) ?? words.span("namespace")?.flag.value
        else { return nil }
        guard let rebuilt = CommandWords("kubectl config set-context --current --namespace=" + namespace) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "--current --namespace=\(namespace): the current context gets the namespace")
    }

    /// `-l 'env != staging'`: a selector written with spaces around its operator, closed up (`env!=staging`).
    static let selectorSpacing: Check = { words, _ in
        guard let span = words.span("selector"), let value = span.flag.value, value.contains(" "),
              let pattern = try? NSRegularExpression(pattern: #"\s*(!=|==|=)\s*"#) else { return nil }
        let closed = pattern.stringByReplacingMatches(in: value, range: NSRange(value.startIndex..., in: value), withTemplate: "$1")
            .replacingOccurrences(of: " ,", with: ",").replacingOccurrences(of: ", ", with: ",")
        guard closed != value else { return nil }
        words.setValue(closed, of: span)
        return EvidenceFix(.selector, "-l \(closed): the selector closed up")
    }

    /// Flags `create ingress` does not have but a model writes for the parts of its rule.
    static let ruleParts: Set<String> = ["host", "path", "path-type", "pathtype", "service", "service-name", "service-port", "backend-service"]

    /// `create ingress shop --host=shop.acme.io --path=/ --rule="shop.acme.io/*= web:80"`: the rule holds the host and
    /// the path already; the made-up flags go and the rule is closed up.
    static let ingressRuleOnly: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "create", parsed.subverb == "ingress", words.span("rule") != nil else { return nil }
        var dropped: [String] = []
        for span in words.spans.reversed() where ruleParts.contains(span.flag.name) && !span.flag.isKnown {
            dropped.insert(words.text(of: span), at: 0)
            words.remove(span)
        }
        if let current = words.span("rule"), let value = current.flag.value, value.contains(" ") {
            words.setValue(value.replacingOccurrences(of: " ", with: ""), of: current)
            dropped.append("the spaces in the rule")
        }
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.unknownFlag, "dropped \(dropped.joined(separator: ", ")): the rule says it")
    }
}
