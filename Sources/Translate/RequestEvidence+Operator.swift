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
        guard rewrite(&words, as: line) else { return nil }
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
        guard rewrite(&words, as: line) else { return nil }
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
        guard rewrite(&words, as: line) else { return nil }
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
            // "requets", "limts": the section word typed a letter off.
            let lower = RequestText.spelled(piece.lowercased())
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

    /// A fix of the last failed command keeps that command's namespace: "fix" after `exec -it web-0 -n finops bash`
    /// failed is `exec -it web-0 -n finops -- bash`, not the same in the session's namespace. Only for an answer of
    /// the same verb for the same objects (or type), when the request names no namespace of its own.
    static let lastCommandNamespace: Check = { words, evidence in
        guard let line = evidence.context.first(where: { $0.hasPrefix("last command (exit ") }),
              let colon = line.range(of: "): "),
              let last = try? KubectlCommand.parse(line: String(line[colon.upperBound...])),
              let namespace = last.namespace, !last.allNamespaces else { return nil }
        let parsed = words.parsed
        guard parsed.namespace == nil, !parsed.allNamespaces, parsed.verb == last.verb,
              AskedFlags.namedNamespace(evidence.request) == nil,
              !everyNamespace.contains(where: evidence.text.has) else { return nil }
        let names = Set(parsed.objects.map(\.name) + parsed.names)
        let lastNames = Set(last.objects.map(\.name) + last.names)
        let same = names.isEmpty ? lastNames.isEmpty && parsed.resource?.canonicalName == last.resource?.canonicalName
                                 : !names.isDisjoint(with: lastNames)
        guard same else { return nil }
        words.append(["-n", namespace])
        return EvidenceFix(.namespace, "kept -n \(namespace) of the last command")
    }

    /// Verbs that act on one pod, given as `NAME` or `TYPE/NAME`.
    static let podVerbs: Set<String> = ["exec", "logs", "attach", "port-forward"]

    /// Whether `name` reads as a pod's generated name: a replica set's hash and the pod's five characters
    /// (`ledger-5f7b9c-q2w8z`), or a stateful set's ordinal (`kafka-2`).
    static func looksLikePodName(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count >= 2, let last = parts.last else { return false }
        if last.allSatisfy(\.isNumber) { return true }
        guard parts.count >= 3, last.count == 5, last.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        let hash = parts[parts.count - 2]
        return (5...10).contains(hash.count) && hash.allSatisfy({ $0.isLetter || $0.isNumber }) && hash.contains(where: \.isNumber)
    }

    /// `exec -it deploy/ledger-5f7b9c-q2w8z` for "shell in ledger-5f7b9c-q2w8z": a pod's generated name given a type the
    /// request never names is the pod.
    static let podNameAsTyped: Check = { words, evidence in
        let parsed = words.parsed
        guard podVerbs.contains(parsed.verb ?? ""), parsed.objects.count == 1, let object = parsed.objects.first,
              looksLikePodName(object.name), evidence.text.set.contains(object.name.lowercased()) else { return nil }
        let end = words.words.firstIndex(of: "--") ?? words.words.count
        guard let index = words.words[..<end].firstIndex(where: { $0.hasSuffix("/" + object.name) && !$0.hasPrefix("-") }) else { return nil }
        let typeWord = String(words.words[index].dropLast(object.name.count + 1))
        guard let type = ResourceCatalog.lookup(typeWord), type.plural != "pods",
              !evidence.text.tokens.contains(where: { ResourceCatalog.lookup($0)?.plural == type.plural }) else { return nil }
        words.replaceWord(words.words[index], with: object.name)
        return EvidenceFix(.objectForm, "\(object.name): a pod's name, and the request names no \(type.singular)")
    }

    /// `exec deploy/billing -n billing -- env` for "run env inside pod quota-svc-0 in namespace billing": the one
    /// object of a pod verb is named nowhere in the request (or only as the namespace), while the request names
    /// "pod X": X.
    static let namedPodLost: Check = { words, evidence in
        let parsed = words.parsed
        guard podVerbs.contains(parsed.verb ?? ""), parsed.objects.count == 1, let object = parsed.objects.first else { return nil }
        let tokens = evidence.text.tokens
        let old = object.name.lowercased()
        let writtenElsewhere = tokens.indices.contains { index in
            tokens[index] == old && !(old == parsed.namespace?.lowercased() && index > 0 && AskedFlags.markers.contains(tokens[index - 1]))
        }
        guard !writtenElsewhere else { return nil }
        let named = Set(tokens.indices.dropLast().filter { ["pod", "po"].contains(tokens[$0]) }.map { tokens[$0 + 1] }
            .filter { looksLikeName($0) && $0.contains(where: { $0 == "-" || $0.isNumber }) && $0 != old })
        guard named.count == 1, let pod = named.first else { return nil }
        let end = words.words.firstIndex(of: "--") ?? words.words.count
        guard let index = words.words[..<end].firstIndex(where: { ($0 == object.name || $0.hasSuffix("/" + object.name)) && !$0.hasPrefix("-") })
        else { return nil }
        words.replaceWord(words.words[index], with: pod)
        return EvidenceFix(.objectForm, "\(pod): the pod the request names")
    }

    /// Shells a request may name by their bare name.
    static let shellNames: Set<String> = ["sh", "bash", "zsh", "ash", "fish"]

    /// `exec -it web-0 -- sh` for "a bash shell in web-0": the one shell the request names.
    static let namedShell: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "exec", parsed.afterDoubleDash.count == 1, let program = parsed.afterDoubleDash.first,
              let dash = words.words.firstIndex(of: "--") else { return nil }
        let current = program.split(separator: "/").last.map(String.init) ?? program
        let named = shellNames.filter { evidence.text.set.contains($0) || evidence.text.set.contains("/bin/" + $0) }
        guard shellNames.contains(current), named.count == 1, let shell = named.first, shell != current else { return nil }
        var line = words.words
        line[dash + 1] = evidence.text.set.contains("/bin/" + shell) ? "/bin/" + shell : shell
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.objectForm, "\(shell): the shell the request names")
    }

    /// `get statefulset/kafka` for "how many revisions does it have": a workload's revisions are its rollout history.
    static let revisionHistory: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "describe"].contains(parsed.verb ?? ""), parsed.objects.count == 1, let object = parsed.objects.first,
              let resource = object.resource, ["deployments", "daemonsets", "statefulsets"].contains(resource.plural),
              evidence.text.hasAny(["revisions", "history"]), !evidence.text.hasAny(["limit", "annotation", "current"])
        else { return nil }
        var line = ["kubectl", "rollout", "history", "\(resource.singular)/\(object.name)"]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        if let context = parsed.context { line += ["--context", context] }
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.verb, "rollout history: a workload's revisions")
    }

    /// `-l 'tier in (backend),env!=staging'`: a set of one value is that value, `tier=backend` (`notin` is `!=`).
    static let singleValueSet: Check = { words, _ in
        guard let span = words.span("selector"), let value = span.flag.value,
              let pattern = try? NSRegularExpression(pattern: #"([A-Za-z0-9][A-Za-z0-9._/-]*)\s+(notin|in)\s*\(\s*([A-Za-z0-9._-]+)\s*\)"#)
        else { return nil }
        var result = value
        for match in pattern.matches(in: value, range: NSRange(value.startIndex..., in: value)).reversed() {
            guard let whole = Range(match.range, in: value), let key = Range(match.range(at: 1), in: value),
                  let op = Range(match.range(at: 2), in: value), let single = Range(match.range(at: 3), in: value) else { continue }
            result.replaceSubrange(whole, with: value[key] + (value[op] == "in" ? "=" : "!=") + value[single])
        }
        guard result != value else { return nil }
        words.setValue(result, of: span)
        return EvidenceFix(.selector, "-l \(result): a set of one value")
    }

    /// `get nodes …` for "which node is mq-broker-0 on?": the node of one pod the request names is that pod's wide
    /// listing, `get pod mq-broker-0 -o wide`.
    static let nodeOfPod: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get", parsed.resource?.plural == "nodes",
              evidence.text.has("which node") || evidence.text.has("what node") || evidence.text.has("whats the node")
        else { return nil }
        let namespace = AskedFlags.namedNamespace(evidence.request)
        let pods = podLikeNames(evidence, namespace: namespace).filter { !$0.hasPrefix("node") }
        guard pods.count == 1, let pod = pods.first,
              !words.words.contains(where: { $0.lowercased() == pod || $0.lowercased().hasSuffix("/" + pod) }) else { return nil }
        var line = ["kubectl", "get", "pod", pod, "-o", "wide"]
        if let namespace { line += ["-n", namespace] }
        if let context = parsed.context { line += ["--context", context] }
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.verb, "get pod \(pod) -o wide: the node the pod runs on")
    }

    /// `-l 'app in (a,b),tier' '!=' cache` for "tier != cache": a selector the model split at its operator is one.
    static let selectorSplitAtOperator: Check = { words, _ in
        guard let span = words.span("selector"), span.valueInNextWord, let value = span.flag.value else { return nil }
        let at = span.index + 2
        guard at + 1 < words.words.count, ["!=", "=", "=="].contains(words.words[at]),
              RequestEvidence.isLabelKey(words.words[at + 1]) || words.words[at + 1].allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else { return nil }
        let joined = value + words.words[at] + words.words[at + 1]
        words.remove(at: [at, at + 1])
        words.setValue(joined, of: span)
        return EvidenceFix(.selector, "-l \(joined): one selector")
    }

    /// Display switches a request names by their words: "show kind too" → `--show-kind`, "no headers" →
    /// `--no-headers`, "ignore daemonsets" → `--ignore-daemonsets`. Switches of the command whose name has two parts
    /// or more, each a word of the request in order; a `-o jsonpath` or `custom-columns` nobody asked for goes when the
    /// switch shapes the table.
    static let switchesByTheirWords: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, let help = KubectlKnowledge.command(for: parsed) else { return nil }
        let text = " " + evidence.text.tokens.joined(separator: " ") + " "
        let skipped: Set<String> = ["all-namespaces", "all-pods", "dry-run", "show-events", "show-managed-fields", "server-side"]
        var added: [String] = []
        for flag in help.flags where !flag.spec.takesValue && !flag.isGlobal && !skipped.contains(flag.spec.long) {
            let parts = flag.spec.long.split(separator: "-")
            guard parts.count >= 2, text.contains(" " + parts.joined(separator: " ") + " "),
                  !parsed.hasFlag(flag.spec.long) else { continue }
            added.append(flag.spec.option)
        }
        guard !added.isEmpty else { return nil }
        var what = added
        let tableSwitches: Set<String> = ["--show-kind", "--show-labels", "--no-headers"]
        if verb == "get", !added.filter(tableSwitches.contains).isEmpty, let output = words.span("output"),
           let format = output.flag.value, format.hasPrefix("jsonpath") || format.hasPrefix("custom-columns"),
           !evidence.text.hasAny(["jsonpath", "custom-columns", "columns", "column"]) {
            what.append("dropped " + words.text(of: output))
            words.remove(output)
        }
        words.append(added)
        return EvidenceFix(.output, what.joined(separator: ", ") + ": the request names it")
    }

    /// `exec -it ledgerd-0 -c tidewater -- sh` for "shell into ledgerd-0 (tidewater)": a container named after the
    /// namespace the request names, and called a container nowhere, is the namespace.
    static let containerIsNamespace: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("container"), let value = span.flag.value?.lowercased(), parsed.namespace == nil,
              AskedFlags.namedNamespace(evidence.request) == value, namedContainer(evidence.text) != value,
              !evidence.text.tokens.contains(where: { containerMarkers.contains($0) }) else { return nil }
        let text = words.text(of: span)
        words.remove(span)
        words.append(["-n", value])
        return EvidenceFix(.namespace, "-n \(value) for \(text): the request names a namespace, not a container")
    }

    /// Verbs that take exactly one object.
    static let oneObjectVerbs: Set<String> = podVerbs.union(["autoscale", "expose"])

    /// `autoscale deployment sluice-api tidewater` for "hpa for deploy sluice-api tidewater": a second name right
    /// after the one object, where the verb takes only one, is the namespace the request writes behind it.
    static let nameThenNamespace: Check = { words, evidence in
        let parsed = words.parsed
        guard oneObjectVerbs.contains(parsed.verb ?? ""), parsed.namespace == nil, !parsed.allNamespaces,
              parsed.names.count == 2, let first = parsed.names.first?.lowercased(), let second = parsed.names.last,
              AskedFlags.looksLikeNamespace(second.lowercased()) else { return nil }
        let tokens = evidence.text.tokens
        guard tokens.indices.dropLast().contains(where: { tokens[$0] == first && tokens[$0 + 1] == second.lowercased() }),
              !tokens.contains(where: { ResourceCatalog.lookup($0) != nil && tokens.firstIndex(of: $0).map { $0 > 0 && tokens[$0 - 1] == second.lowercased() } == true })
        else { return nil }
        words.removeWord(second)
        words.append(["-n", second])
        return EvidenceFix(.namespace, "-n \(second): the word after the object is its namespace; kubectl \(parsed.verb ?? "") takes one object")
    }

    /// `label pod ledgerd-0 tier=storage tidewater.canary=false` for "… and drop the canary label": the label the
    /// request removes is `canary-`, in place of a pair on that key the request never writes.
    static let droppedLabel: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate" else { return nil }
        let tokens = evidence.text.tokens
        let kind = parsed.verb == "label" ? "label" : "annotation"
        var keys: [String] = []
        for index in tokens.indices where removalWords.contains(tokens[index]) {
            var next = index + 1
            while next < tokens.count, ["the", "a", "its", "their"].contains(tokens[next]) { next += 1 }
            guard next + 1 < tokens.count else { continue }
            if tokens[next + 1] == kind, isLabelKey(tokens[next]) { keys.append(tokens[next]) }
            if tokens[next] == kind {
                var key = next + 1
                while key < tokens.count, ["named", "called", "key"].contains(tokens[key]) { key += 1 }
                if key < tokens.count, isLabelKey(tokens[key]) { keys.append(tokens[key]) }
            }
        }
        // A removal the command has already is the model's reading; it stays.
        guard keys.count == 1, let key = keys.first, !words.positional.contains(where: { $0.hasSuffix("-") && !$0.contains("=") })
        else { return nil }
        let written = Set(tokens)
        let stale = words.positional.filter { word in
            guard let equals = word.firstIndex(of: "=") else { return false }
            let pairKey = word[..<equals].lowercased()
            return (pairKey == key || pairKey.hasSuffix("." + key) || pairKey.hasSuffix("/" + key)) && !written.contains(word.lowercased())
        }
        for word in stale { words.removeWord(word) }
        words.append([key + "-"])
        return EvidenceFix(.objectForm, "\(key)-: the \(kind) the request removes")
    }

    /// `top pod -o jsonpath=…`: kubectl top prints its own table and has no `-o`.
    static let topOutput: Check = { words, _ in
        guard words.parsed.verb == "top", let span = words.span("output") ?? words.span("o") else { return nil }
        var text = words.text(of: span)
        words.remove(span)
        // `-o FORMAT` where kubectl top does not know -o: the format is the next word.
        if words.words.count > span.index, words.words[span.index] != "--", !words.words[span.index].hasPrefix("-"),
           !span.valueInNextWord, words.positionalIndices.contains(span.index), !text.contains("=") {
            text += " " + words.words[span.index]
            words.remove(at: [span.index])
        }
        return EvidenceFix(.unknownFlag, "dropped \(text): kubectl top has no output format")
    }

    /// The service account a request names as `NS/NAME` next to "sa" or "service account" ("the
    /// tidewater/sluice-runner service account"): its namespace and name.
    static func slashAccount(_ text: RequestText) -> (namespace: String, name: String)? {
        let tokens = text.tokens
        for index in tokens.indices where tokens[index].filter({ $0 == "/" }).count == 1 {
            let near = [index - 1, index + 1].filter(tokens.indices.contains).map { tokens[$0] }
            guard near.contains(where: { ["sa", "serviceaccount", "service", "service-account"].contains($0) }) else { continue }
            let parts = tokens[index].split(separator: "/").map(String.init)
            guard parts.count == 2, AskedFlags.looksLikeNamespace(parts[0]), looksLikeName(parts[1]),
                  ResourceCatalog.lookup(parts[0]) == nil else { continue }
            return (parts[0], parts[1])
        }
        return nil
    }

    /// Words that ask for everything an identity may do.
    static let everyPermission = ["allowed to do", "allowed to perform", "permitted to do", "can do", "may do", "permissions",
                                  "every action", "all actions", "everything"]

    /// `auth can-i` for a service account the request names: `--as=system:serviceaccount:NS:NAME`, added when the
    /// command acts as no one ("can the tidewater/sluice-runner service account delete pods"); a command that only
    /// looks at the account ("list everything sa ci-deployer in relay is allowed to do") becomes `auth can-i --list`
    /// as that account.
    static let accountPermissions: Check = { words, evidence in
        let parsed = words.parsed
        guard mentionsServiceAccount(evidence.text) else { return nil }
        let account = slashAccount(evidence.text).map { ($0.namespace, $0.name) }
            ?? accountName(evidence.text).flatMap { name in
                (accountHome(evidence.text) ?? parsed.namespace ?? AskedFlags.namedNamespace(evidence.request)).map { ($0, name) }
            }
        guard let (home, name) = account else { return nil }
        let identity = "--as=system:serviceaccount:\(home):\(name)"
        if parsed.verb == "auth", parsed.subverb == "can-i", !parsed.hasFlag("as") {
            words.append([identity])
            return EvidenceFix(.identity, "\(identity): the service account the request asks about")
        }
        let looksOnly = ["get", "describe"].contains(parsed.verb ?? "") && ["serviceaccounts", "rolebindings", "clusterrolebindings"]
            .contains(parsed.resource?.plural ?? "")
        guard looksOnly, everyPermission.contains(where: evidence.text.has) else { return nil }
        var line = ["kubectl", "auth", "can-i", "--list", identity]
        if let namespace = AskedFlags.namedNamespace(evidence.request) ?? parsed.namespace { line += ["-n", namespace] }
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.verb, "auth can-i --list \(identity): everything the account may do")
    }

    /// `get deployment ingest-gw -o yaml` for "what's in rev 7 of deploy ingest-gw": a numbered revision of a workload
    /// is `rollout history TYPE/NAME --revision=N`.
    static let numberedRevision: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "describe"].contains(parsed.verb ?? "") else { return nil }
        let tokens = evidence.text.tokens
        guard let at = tokens.indices.dropLast().first(where: { ["rev", "revision"].contains(tokens[$0]) && Int(tokens[$0 + 1]) != nil })
        else { return nil }
        let rollable: Set<String> = ["deployments", "daemonsets", "statefulsets"]
        let object = parsed.objects.first.flatMap { object in object.resource.map { ($0, object.name) } }
            ?? namedObjects(evidence.text).first { rollable.contains($0.type.plural) }.map { ($0.type, $0.name) }
        guard let (type, name) = object, rollable.contains(type.plural) else { return nil }
        var line = ["kubectl", "rollout", "history", "\(type.singular)/\(name)", "--revision=" + tokens[at + 1]]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        if let context = parsed.context { line += ["--context", context] }
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.verb, "rollout history --revision=\(tokens[at + 1]): a numbered revision of \(type.singular)/\(name)")
    }

    /// `top pod lumen` for "whats eating memory in lumen?": the namespace the request names is no object name.
    static let objectIsNamedNamespace: Check = { words, evidence in
        let parsed = words.parsed
        guard ["top", "get", "describe"].contains(parsed.verb ?? ""), parsed.namespace == nil, !parsed.allNamespaces,
              parsed.resource?.plural != "namespaces", parsed.names.count == 1, let name = parsed.names.first?.lowercased(),
              AskedFlags.namedNamespace(evidence.request) == name else { return nil }
        let tokens = evidence.text.tokens
        guard tokens.indices.filter({ tokens[$0] == name }).allSatisfy({ $0 > 0 && AskedFlags.markers.contains(tokens[$0 - 1]) })
        else { return nil }
        words.removeWord(parsed.names[0])
        words.append(["-n", parsed.names[0]])
        return EvidenceFix(.namespace, "-n \(name): the request names it as the namespace")
    }

    /// `get pods -l app=kiln` for "descirbe all pods w/ app=kiln": a request that opens with "describe" (a letter off
    /// included) describes; flags `describe` lacks go.
    static let describeAsked: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "get", parsed.output == nil, !parsed.hasFlag("watch"), !parsed.resourceWords.isEmpty,
              evidence.text.tokens.first == "describe" else { return nil }
        words.replaceWord("get", with: "describe")
        _ = describeWithoutEvents(&words, evidence)
        for span in words.spans.reversed() where KubectlCommandTable.flag(named: "--" + span.flag.name, verb: "describe", subverb: nil) == nil
            && !KubectlCommandTable.globalFlags.contains(where: { $0.long == span.flag.name }) {
            words.remove(span)
        }
        return EvidenceFix(.verb, "get → describe: the request asks to describe")
    }

    /// `port-forward … --address=0.0.0.0` for "on all interfaces": the address that listens on every interface.
    static let allInterfaces: Check = { words, evidence in
        guard words.parsed.verb == "port-forward", !words.parsed.hasFlag("address"),
              ["all interfaces", "every interface", "any interface", "all addresses", "any address", "0.0.0.0"].contains(where: evidence.text.has)
        else { return nil }
        words.append(["--address=0.0.0.0"])
        return EvidenceFix(.inventedValue, "--address=0.0.0.0: every interface")
    }

    /// `debug POD --copy-to=X --image=IMG` for "a copy … with every container's image swapped to IMG": the copy's
    /// containers get the image, `--set-image='*=IMG'`; no debug container, so no `--image` and no `-it` nobody asked for.
    static let debugCopyImages: Check = { words, evidence in
        let parsed = words.parsed
        // `--set-image all=IMG`: "all" is kubectl's `*`, and the debug container's `--image` of the same image goes.
        if parsed.verb == "debug", parsed.hasFlag("copy-to"), let set = words.span("set-image"), let value = set.flag.value,
           let equals = value.firstIndex(of: "="), ["all", "every", "*"].contains(value[..<equals].lowercased()) {
            let image = String(value[value.index(after: equals)...])
            var what: [String] = []
            if !value.hasPrefix("*") {
                words.setValue("*=" + image, of: set)
                what.append("--set-image='*=\(image)'")
            }
            if let span = words.span("image"), span.flag.value == image {
                what.append("dropped " + words.text(of: span))
                words.remove(span)
            }
            if dropUnaskedTerminal(&words, evidence) { what.append("dropped -it") }
            guard !what.isEmpty else { return nil }
            return EvidenceFix(.objectForm, what.joined(separator: ", ") + ": every container of the copy")
        }
        guard parsed.verb == "debug", parsed.hasFlag("copy-to"), !parsed.hasFlag("set-image"), let span = words.span("image"),
              let image = span.flag.value,
              ["every container", "all containers", "all the containers", "each container", "every containers", "every container's",
               "each container's", "all container's", "all containers'"].contains(where: evidence.text.has)
        else { return nil }
        words.remove(span)
        var what = ["--set-image='*=\(image)'"]
        if dropUnaskedTerminal(&words, evidence) { what.append("dropped -it") }
        words.append(["--set-image=*=" + image])
        return EvidenceFix(.objectForm, what.joined(separator: ", ") + ": every container of the copy")
    }

    /// `config set-context kiln` for "set default ns to kiln on my current ctx": the namespace of the current
    /// context, `config set-context --current --namespace=kiln`.
    static let currentContextNamespaceWord: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "config", parsed.subverb == "set-context", !parsed.hasFlag("namespace"),
              parsed.names.count == 1 || parsed.positionals.count == 2, evidence.text.hasAny(["current", "this", "my"]),
              evidence.text.hasAny(["ns", "namespace", "namespaces"]) else { return nil }
        let name = parsed.positionals.last ?? ""
        let tokens = evidence.text.tokens
        guard let at = tokens.firstIndex(of: name.lowercased()), at > 0,
              ["to", "ns", "namespace", "=", "be", "is"].contains(tokens[at - 1]) else { return nil }
        guard let rebuilt = CommandWords(ShellWords.join(["kubectl", "config", "set-context", "--current", "--namespace=" + name])) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "--current --namespace=\(name): the current context's namespace")
    }

    /// `run dnscheck --image alpine "nslookup db.osprey.svc"`: what the pod runs goes after `--`, a word at a time.
    static let runProgramAfterDash: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "run", !parsed.hasDoubleDash, parsed.positionals.count >= 2 else { return nil }
        let indices = Array(words.positionalIndices.dropFirst(2))
        guard !indices.isEmpty else { return nil }
        let split = indices.flatMap { words.words[$0].split(separator: " ").map(String.init) }
        let taken = Set(indices)
        let line = words.words.indices.filter { !taken.contains($0) }.map { words.words[$0] } + ["--"] + split
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.objectForm, "-- \(split.joined(separator: " ")): what the pod runs goes after --")
    }

    /// Kinds whose pods run as a service account that `set serviceaccount` changes.
    static let accountKinds: Set<String> = ["deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs",
                                            "replicationcontrollers", "pods"]

    /// "deploy beacon use sa beacon-runner", "switch sts ledgerd to sa ledgerd-runtime": the workload runs as that
    /// account, `set serviceaccount TYPE/NAME ACCOUNT`, whatever else the model wrote.
    static let setServiceAccount: Check = { words, evidence in
        let parsed = words.parsed
        guard !(parsed.verb == "set" && parsed.subverb == "serviceaccount"), !["auth", "get", "describe"].contains(parsed.verb ?? ""),
              evidence.text.hasAny(["use", "uses", "using", "switch", "run", "runs", "change", "set"]),
              !evidence.text.hasAny(["role", "clusterrole", "binding", "rolebinding", "clusterrolebinding", "rb", "crb", "token", "can", "secret"]),
              let account = accountName(evidence.text),
              let object = namedObjects(evidence.text).first(where: { accountKinds.contains($0.type.plural) && $0.name != account })
        else { return nil }
        var line = ["kubectl", "set", "serviceaccount", "\(object.type.singular)/\(object.name)", account]
        if let namespace = AskedFlags.namedNamespace(evidence.request) ?? parsed.namespace { line += ["-n", namespace] }
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.verb, "set serviceaccount: \(object.type.singular)/\(object.name) runs as \(account)")
    }

    /// "add sa ci:builder to crb ci-admin subjects": another subject of an existing binding, `set subject
    /// clusterrolebinding ci-admin --serviceaccount=ci:builder`, whatever else the model wrote.
    static let bindingSubject: Check = { words, evidence in
        let parsed = words.parsed
        guard !(parsed.verb == "set" && parsed.subverb == "subject"), evidence.text.hasAny(["add", "append", "include"]),
              evidence.text.hasAny(["subject", "subjects", "to"]) else { return nil }
        let tokens = evidence.text.tokens
        let kinds: [String: String] = ["rb": "rolebinding", "rolebinding": "rolebinding", "crb": "clusterrolebinding",
                                       "clusterrolebinding": "clusterrolebinding"]
        guard let at = tokens.indices.dropLast().first(where: { kinds[tokens[$0]] != nil && looksLikeName(tokens[$0 + 1]) }),
              let kind = kinds[tokens[at]] else { return nil }
        let binding = tokens[at + 1]
        var subject: String?
        for index in tokens.indices.dropLast() where index < at {
            let next = tokens[index + 1]
            switch tokens[index] {
            case "sa", "serviceaccount":
                let namespace = next.contains(":") ? nil : (accountHome(evidence.text) ?? AskedFlags.namedNamespace(evidence.request))
                if next.contains(":") { subject = "--serviceaccount=" + next } else if let namespace { subject = "--serviceaccount=\(namespace):\(next)" }
            case "user": subject = "--user=" + next
            case "group": subject = "--group=" + next
            default: continue
            }
            if subject != nil { break }
        }
        guard let subject else { return nil }
        var line = ["kubectl", "set", "subject", kind, binding, subject]
        if kind == "rolebinding", let namespace = parsed.namespace ?? AskedFlags.namedNamespace(evidence.request) { line += ["-n", namespace] }
        guard rewrite(&words, as: line) else { return nil }
        return EvidenceFix(.verb, "set subject: \(subject.dropFirst(2)) joins \(kind) \(binding)")
    }

    /// Replaces `words` with `line`; false when the line does not parse, and `words` stay as they were.
    static func rewrite(_ words: inout CommandWords, as line: [String]) -> Bool {
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return false }
        words = rebuilt
        return true
    }

    /// Removes an `-it` the request never asks for (a debug copy needs no terminal); whether it did.
    static func dropUnaskedTerminal(_ words: inout CommandWords, _ evidence: Evidence) -> Bool {
        guard let terminal = words.words.firstIndex(of: "-it"),
              !evidence.text.hasAny(["interactive", "-it", "shell", "attach", "terminal", "tty"]) else { return false }
        words.remove(at: [terminal])
        return true
    }
}
