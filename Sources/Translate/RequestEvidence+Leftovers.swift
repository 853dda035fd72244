import Foundation
import KubectlKit

/// What a request's words leave behind in a command when they are copied too literally: a flag written twice under
/// two spellings, "ctr" kept as a word of `set image`, a label's value read as the namespace, and a new object's
/// manifest answered with `get`.
extension RequestEvidence {
    /// `logs x -p --previous`: the same flag under two spellings with the same value; the later copy goes. A flag
    /// repeated with different values (`--from-literal a=1 --from-literal b=2`) is left alone.
    static let repeatedFlag: Check = { words, _ in
        var seen: [String: String] = [:]
        for span in words.spans {
            let value = span.flag.value ?? ""
            let word = words.words[span.index]
            // A group of short flags (`-it`) carries others with it: it stays.
            let group = word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 2 && span.flag.value == nil
            if seen[span.flag.name] == value, !group {
                let written = words.text(of: span)
                words.remove(span)
                return EvidenceFix(.unknownFlag, "dropped \(written): the flag is already there")
            }
            seen[span.flag.name] = value
        }
        return nil
    }

    /// `set image deployment/game ctr srv=game:7` for "set img deploy game ctr srv to game:7": the word that marks the
    /// container ("ctr", "container") is not an argument of `set image`, so it goes.
    static let setImageMarker: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "image" else { return nil }
        // Positionals: kubectl, set, image, the object (TYPE/NAME, or TYPE then NAME), then CONTAINER=IMAGE pairs.
        let markers = words.positionalIndices.dropFirst(3).filter { containerMarkers.contains(words.words[$0].lowercased()) }
        guard let index = markers.first else { return nil }
        let word = words.words[index]
        words.removeWord(word)
        return EvidenceFix(.objectForm, "dropped \(word): the container is the key of CONTAINER=IMAGE")
    }

    /// Words after "without" that say how a command runs, not which objects it takes ("without waiting").
    static let mannerAfterWithout: Set<String> = [
        "waiting", "wait", "grace", "graceful", "a", "confirmation", "confirming", "asking", "prompting", "prompt",
        "blocking", "delay", "delays", "any",
    ]

    /// Whether the request narrows its objects with a qualifier ("pods that", "jobs without a label"). "without
    /// waiting for them" and "without a grace period" say how the command runs: that clause narrows nothing.
    static func narrows(_ text: RequestText) -> Bool {
        let tokens = text.tokens
        for index in tokens.indices where qualifiers.contains(tokens[index]) {
            guard tokens[index] == "without", index + 1 < tokens.count, mannerAfterWithout.contains(tokens[index + 1]) else { return true }
            // "without a label": "a" or "any" before anything but a manner word still narrows.
            if ["a", "any"].contains(tokens[index + 1]),
               !(index + 2 < tokens.count && ["grace", "graceful", "wait", "delay", "confirmation", "prompt"].contains(tokens[index + 2])) {
                return true
            }
            return false
        }
        return false
    }

    /// `annotate deployment ledger -n payments team=payments`: a namespace the request writes only as a label's or
    /// annotation's value (the request names no namespace, and the session's is another) is not the namespace, so
    /// `-n` goes.
    static let namespaceFromValue: Check = { words, evidence in
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(), !value.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let asValue = tokens.contains { token in
            guard let equals = token.firstIndex(of: "=") else { return false }
            return String(token[token.index(after: equals)...]).trimmingCharacters(in: CharacterSet(charactersIn: "-")) == value
        }
        let elsewhere = tokens.contains(value) || tokens.contains { $0.hasPrefix(value + "/") || $0.hasSuffix("/" + value) }
        guard asValue, !elsewhere, AskedFlags.namedNamespace(evidence.request) == nil,
              !evidence.context.contains(where: { Mentions(request: $0, context: []).contains(value) }) else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): the request gives \(value) as a value, not a namespace")
    }

    /// Types whose `create` needs nothing but a name.
    static let createdByName: [String: String] = [
        "serviceaccounts": "serviceaccount", "namespaces": "namespace", "configmaps": "configmap",
    ]

    /// `get serviceaccount robot -o yaml` for "the manifest of a new service account robot without creating it": the
    /// object does not exist yet, so it is `create serviceaccount robot --dry-run=client -o yaml`.
    static let newObjectManifest: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "get" || parsed.verb == "describe", parsed.objects.count == 1, let object = parsed.objects.first,
              let type = object.resource?.plural, let kind = createdByName[type],
              text.hasAny(["new", "manifest", "yaml", "yml", "json"]), noCreatePhrases.contains(where: text.has),
              !text.hasAny(["existing", "current", "live"]) else { return nil }
        let format = text.has("json") ? "json" : "yaml"
        var line = ["kubectl", "create", kind, object.name]
        // "with the key mode=fast": the data the request gives a config map.
        if kind == "configmap" {
            let pairs = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," })
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".;:'\"`()")) }
                .filter { $0.contains("=") && !$0.hasPrefix("-") && !$0.hasPrefix("=") }
            line += pairs.map { "--from-literal=" + $0 }
        }
        if let namespace = parsed.namespace, kind != "namespace" { line += ["-n", namespace] }
        line += ["--dry-run=client", "-o", format]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "create \(kind) \(object.name) --dry-run=client: the object is new, so there is nothing to get")
    }

    /// `debug rumba-0 --target=ctr app` for "target ctr app": the word that marks a container became the flag's value
    /// and the container a stray word; the container becomes the value.
    static let markerAsValue: Check = { words, _ in
        for span in words.spans where ["target", "container"].contains(span.flag.name) {
            guard let value = span.flag.value?.lowercased(), containerMarkers.contains(value) else { continue }
            let next = span.index + (span.valueInNextWord ? 2 : 1)
            guard next < words.words.count, words.positionalIndices.contains(next), looksLikeName(words.words[next]) else { continue }
            let container = words.words[next]
            words.setValue(container, of: span)
            var line = words.words
            line.remove(at: next)
            guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
            words = rebuilt
            return EvidenceFix(.container, "--\(span.flag.name)=\(container): \(value) only marks the container")
        }
        return nil
    }

    /// `create role secret-reader` for "a cluster role named secret-reader", or the other way round: the kind the
    /// request names (a cluster role has no namespace).
    static let roleScope: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", let kind = parsed.subverb, kind == "role" || kind == "clusterrole",
              let name = parsed.names.first?.lowercased() else { return nil }
        let tokens = evidence.text.tokens
        var cluster = false, plain = false
        for index in tokens.indices where tokens[index] == name {
            var before = index - 1
            if before > 0, ["named", "called"].contains(tokens[before]) { before -= 1 }
            guard before >= 0 else { continue }
            if tokens[before] == "clusterrole" || tokens[before] == "role" && before > 0 && tokens[before - 1] == "cluster" {
                cluster = true
            } else if tokens[before] == "role" {
                plain = true
            }
        }
        if kind == "role", cluster, !plain {
            words.replaceWord("role", with: "clusterrole")
            if let span = words.span("namespace") { words.remove(span) }
            return EvidenceFix(.objectForm, "clusterrole: the request names a cluster role")
        }
        if kind == "clusterrole", plain, !cluster {
            words.replaceWord("clusterrole", with: "role")
            return EvidenceFix(.objectForm, "role: the request names a role, not a cluster role")
        }
        return nil
    }

    /// Whether the request writes a file or directory (`web.yaml`, `./k8s`, `manifests/`).
    static func writesPath(_ text: RequestText) -> Bool {
        text.tokens.contains { token in
            token.contains("/") || [".yaml", ".yml", ".json", ".txt", ".env", ".properties"].contains(where: token.hasSuffix)
        }
    }

    /// `apply -f checkout.yaml` for "deploy checkout yaml": the request writes no file, so the one on the line is made
    /// up; it asks for the YAML of the object it names, which is `get deployment checkout -o yaml`.
    static let inventedFile: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard let verb = parsed.verb, ["apply", "create", "replace"].contains(verb), parsed.hasFlag("filename"),
              !writesPath(text), text.hasAny(["yaml", "yml", "json"]) else { return nil }
        let objects = namedObjects(text)
        guard objects.count == 1, let object = objects.first else { return nil }
        var line = ["kubectl", "get", object.type.singular, object.name]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        line += ["-o", text.has("json") ? "json" : "yaml"]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "get \(object.type.singular) \(object.name): the request names no file, only the object")
    }

    /// `run nginx --image=nginx --dry-run=client -o yaml` for "yaml for a deployment web running nginx": `run` makes a
    /// pod; a deployment is `create deployment web --image=nginx`, keeping the dry run, output, namespace, replicas and
    /// port.
    static let runForDeployment: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "run", let image = parsed.flag("image")?.value, !evidence.text.hasAny(["pod", "pods", "po"]) else { return nil }
        let deployments = namedObjects(evidence.text).filter { $0.type.plural == "deployments" }
        guard deployments.count == 1, let name = deployments.first?.name else { return nil }
        var line = ["kubectl", "create", "deployment", name, "--image=" + image]
        for span in words.spans where ["dry-run", "output", "namespace", "replicas", "port"].contains(span.flag.name) {
            line += words.text(of: span).split(separator: " ").map(String.init)
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "create deployment \(name): run makes a pod; the request asks for a deployment")
    }

    /// `exec rumba-db-0 -c db -- psql -U admin -c 'ctr db'`: the request's "ctr db" copied behind `--` as an argument
    /// of the program (with a `-c` before it); `-c db` before `--` names the container, so those words go.
    static let markerAfterDash: Check = { words, _ in
        let parsed = words.parsed
        guard let container = parsed.flag("container")?.value?.lowercased(), let dash = words.words.firstIndex(of: "--") else { return nil }
        let phrases = Set(containerMarkers.map { "\($0) \(container)" })
        guard let index = words.words.indices.first(where: { $0 > dash && phrases.contains(words.words[$0].lowercased()) }) else { return nil }
        var line = words.words
        let start = index - 1 > dash && ["-c", "--container"].contains(line[index - 1]) ? index - 1 : index
        let removed = line[start...index].joined(separator: " ")
        line.removeSubrange(start...index)
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.container, "dropped \(removed) after --: -c \(container) names the container")
    }

    /// `get deployments -A` for "now in all namespaces" after a listing of pods: a request that names no type of its
    /// own means the session's last type (`last type: pods`).
    static let sessionType: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["get", "describe", "top"].contains(verb), parsed.names.isEmpty, parsed.objects.isEmpty,
              let line = evidence.context.first(where: { $0.hasPrefix("last type: ") }),
              let last = ResourceCatalog.lookup(String(line.dropFirst("last type: ".count))),
              let index = words.positionalIndices.dropFirst().first, let type = ResourceCatalog.lookup(words.words[index]),
              type.plural != last.plural else { return nil }
        let tokens = evidence.text.tokens
        // "in all namespaces" names where, not what.
        guard !tokens.indices.contains(where: { index in
            if let type = ResourceCatalog.lookup(tokens[index]) { return type.plural != "namespaces" }
            return compoundType(tokens, at: index) != nil
        }) else { return nil }
        words.replaceWord(words.words[index], with: last.plural)
        return EvidenceFix(.objectForm, "\(last.plural): the session's last type; the request names no other")
    }

    /// `logz for quartz-5d7` answered with `-n logz`, `scale quartz -n quartz`: a namespace the request writes only
    /// as its first word or as the object's name, never where a namespace goes ("in X", "ns X", "the X namespace"),
    /// and not the session's, is no namespace; `-n` goes.
    static let namespaceNotNamed: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(), !value.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let asName = parsed.names.contains { $0.lowercased() == value } || parsed.objects.contains { $0.name.lowercased() == value }
        guard tokens.first == value || asName else { return nil }
        let named = tokens.indices.contains { index in
            guard tokens[index] == value else { return false }
            let before = index > 0 ? tokens[index - 1] : ""
            let after = index + 1 < tokens.count ? tokens[index + 1] : ""
            return AskedFlags.markers.contains(before) || ["-n", "--namespace"].contains(before) || ["namespace", "ns"].contains(after)
        }
        guard !named, !evidence.context.contains(where: { $0.lowercased() == "namespace: " + value }) else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): the request never names \(value) as a namespace")
    }

    /// `scale quartz --replicas=0`: kubectl reads a lone word as a type; a name the request gives no type is a
    /// deployment's, the object `scale` and `rollout` meet most.
    static let bareWorkload: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, verb == "scale" || verb == "rollout", !parsed.hasFlag("selector"), !parsed.hasFlag("filename"),
              !parsed.hasFlag("all") else { return nil }
        let positions = Array(words.positionalIndices.dropFirst(verb == "rollout" ? 2 : 1))
        guard positions.count == 1, let index = positions.first else { return nil }
        let word = words.words[index]
        guard !word.contains("/"), ResourceCatalog.lookup(word) == nil, looksLikeName(word.lowercased()),
              namedObject(word, in: evidence.text) == nil else { return nil }
        words.replaceWord(word, with: "deployment/" + word)
        return EvidenceFix(.objectForm, "deployment/\(word): kubectl reads a lone word as a type")
    }

    /// Output formats kubectl prints.
    static let outputFormats: Set<String> = [
        "json", "yaml", "wide", "name", "jsonpath", "jsonpath-file", "jsonpath-as-json", "custom-columns",
        "custom-columns-file", "go-template", "go-template-file", "template", "templatefile", "kyaml",
    ]

    /// `-o base64decode`: an output format kubectl does not have goes (a second, real `-o` is what prints).
    static let unknownOutput: Check = { words, _ in
        // `kustomize -o` names a file.
        guard words.parsed.verb != "kustomize" else { return nil }
        for span in words.spans where span.flag.name == "output" {
            guard let value = span.flag.value, !value.isEmpty else { continue }
            let format = String(value.prefix { $0 != "=" }).lowercased()
            guard !outputFormats.contains(format) else { continue }
            let written = words.text(of: span)
            words.remove(span)
            return EvidenceFix(.unknownFlag, "dropped \(written): kubectl has no output \(format)")
        }
        return nil
    }

    /// Flags that only shape what a command prints, harmless to drop from a command that changes things.
    static let printingFlags: Set<String> = ["o", "output", "w", "watch", "show-labels", "sort-by", "no-headers", "wide"]

    /// `drain gpu-3 --ignore-daemonsets -o jsonpath=… 'go-template=…'`: an output flag the command does not have, and
    /// words after the node that the request never writes, go from `drain`, `cordon` and `uncordon`; so do words
    /// the request never writes from `diff` and `apply` with `-f` (the file names the objects), and a short flag they
    /// lack (`diff -f ./app.yaml -c deployment service`).
    static let nodeCommandExtras: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb else { return nil }
        let fileVerb = (verb == "diff" || verb == "apply") && parsed.hasFlag("filename") && parsed.subverb == nil
        guard ["drain", "cordon", "uncordon"].contains(verb) || fileVerb else { return nil }
        var dropped: [String] = []
        for span in words.spans.reversed() where !span.flag.isKnown && (printingFlags.contains(span.flag.name)
                                                                        || fileVerb && span.flag.name.count == 1) {
            dropped.insert(words.text(of: span), at: 0)
            words.remove(span)
        }
        for index in words.positionalIndices.dropFirst(fileVerb ? 1 : 2).reversed() where !evidence.known.contains(words.words[index]) {
            dropped.insert(words.words[index], at: 0)
            var line = words.words
            line.remove(at: index)
            guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
            words = rebuilt
        }
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.unknownFlag, "dropped \(dropped.joined(separator: " ")), which \(verb) neither has nor was asked for")
    }

    /// Request words that are never an object's name when left among a listing's names.
    static let strayNameWords: Set<String> = notObjectNames.union(["ns", "namespace", "usage", "use", "usages", "of", "for", "all"])

    /// `get po -o wide ns -n sky`, `describe quota usage ns -n sky`: words of the request ("ns", "usage") left where
    /// kubectl reads object names go, unless the request calls an object that.
    static let strayNameWordsCheck: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["get", "describe", "delete", "top"].contains(verb), !parsed.resourceWords.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let stray = parsed.names.filter { name in
            let lower = name.lowercased()
            guard strayNameWords.contains(lower), !(lower == "all" && verb == "get") else { return false }
            return !tokens.indices.contains { tokens[$0] == lower && $0 > 0 && ["named", "called"].contains(tokens[$0 - 1]) }
        }
        guard !stray.isEmpty else { return nil }
        for word in stray { words.removeWord(word) }
        return EvidenceFix(.objectForm, "dropped \(stray.joined(separator: " ")): request words, not object names")
    }

    /// `rollout resume cronjob nightly` (kubectl cannot): a cron job is paused and resumed by its `suspend` field.
    static let cronJobSuspend: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "rollout", let sub = parsed.subverb, sub == "pause" || sub == "resume",
              let object = parsed.objects.first, object.resource?.plural == "cronjobs" else { return nil }
        var line = ["kubectl", "patch", "cronjob", object.name]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        line += ["-p", "{\"spec\":{\"suspend\":\(sub == "pause")}}"]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "patch suspend=\(sub == "pause"): a cron job is \(sub)d by its suspend field")
    }

    /// `get deployments -l tier=edge --show-labels` for "with the label tier=edge": the label selects; nobody asked
    /// for the label columns.
    static let filterNotColumns: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("show-labels"), let selector = parsed.selector,
              !evidence.text.hasAny(["labels", "show-labels", "--show-labels"]), !evidence.text.has("show the label"),
              !evidence.text.has("show label"), selectorTerms(selector).allSatisfy({ evidence.request.lowercased().contains($0.lowercased()) })
        else { return nil }
        words.remove(span)
        return EvidenceFix(.output, "dropped --show-labels: the label selects, it is not asked to be shown")
    }

    /// `get pods -n mesa --watch` for "watch only new pod changes": only the changes, without the first listing, is
    /// `--watch-only`.
    static let watchOnly: Check = { words, evidence in
        guard let span = words.span("watch"), !words.parsed.hasFlag("watch-only"),
              evidence.text.has("watch only") || evidence.text.has("only changes") || evidence.text.has("only the changes")
                || evidence.text.has("only new") || evidence.text.has("changes only") || evidence.text.has("without the initial") else { return nil }
        words.remove(span)
        words.append(["--watch-only"])
        return EvidenceFix(.output, "--watch-only: only the changes, not the current listing")
    }

    /// `debug mesa-api-1 -it --image=busybox --target=redis`: a target container the request and session never
    /// name is copied from an example; without it the debug container still attaches.
    static let inventedTarget: Check = { words, evidence in
        guard words.parsed.verb == "debug", let span = words.span("target"), let value = span.flag.value, !value.isEmpty,
              !evidence.known.contains(value) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        return EvidenceFix(.inventedValue, "dropped \(written): a container nobody named")
    }

    /// Prefixes of the fields a field selector reads.
    static let fieldPrefixes = ["status.", "spec.", "metadata.", "involvedobject."]

    /// `get pv --selector=status.phase!=Bound`: an object's field is selected by `--field-selector`, not `-l`.
    static let fieldInLabelSelector: Check = { words, _ in
        guard let span = words.span("selector"), let selector = span.flag.value else { return nil }
        let terms = selectorTerms(selector)
        let fields = terms.filter { term in
            let key = term.prefix { !"=!<> ".contains($0) }.lowercased()
            return fieldPrefixes.contains(where: key.hasPrefix)
        }
        guard !fields.isEmpty else { return nil }
        let labels = terms.filter { !fields.contains($0) }
        if labels.isEmpty { words.remove(span) } else { words.setValue(labels.joined(separator: ","), of: span) }
        if let field = words.span("field-selector"), let current = field.flag.value {
            words.setValue(([current] + fields).joined(separator: ","), of: field)
        } else {
            words.append(["--field-selector=" + fields.joined(separator: ",")])
        }
        return EvidenceFix(.fieldSelector, "--field-selector=\(fields.joined(separator: ",")): a field, not a label")
    }
}
