import Foundation
import KubectlKit

extension RequestEvidence {
    /// Words between a type and its name that name nothing ("the deployment named web").
    static let nameFillers: Set<String> = ["named", "called", "the"]

    /// Everyday words that follow a type word without naming an object ("the nodes they run on", "pods are failing").
    static let notObjectNames: Set<String> = [
        "they", "them", "their", "we", "you", "your", "my", "our", "those", "these", "this", "are", "is", "be", "was",
        "were", "has", "have", "had", "can", "could", "should", "will", "would", "do", "does", "did", "not", "no",
        "without", "where", "when", "whose", "what", "how", "why", "there", "here", "then", "than", "so", "but",
        "if", "only", "just", "also", "too", "now", "again", "please", "pls", "plz", "first", "second", "list",
        "show", "get", "using", "use", "uses", "run", "runs", "ran", "failing", "pending", "ready", "up", "down",
        "across", "across-all", "everywhere", "sorted", "sort", "by", "wide", "yaml", "json", "labels", "label",
        "status", "details", "info", "logs", "events", "more", "less", "older", "newer", "ones", "one", "both",
        // Nouns that stand for objects without naming one ("PersistentVolumeClaim objects").
        "objects", "object", "resources", "resource", "items", "item", "things", "kind", "kinds", "type", "types",
        "instances", "entries",
    ]

    /// The objects a request names as `TYPE NAME`, `TYPE named NAME` or `TYPE/NAME` ("the service cache",
    /// "deploy/web", "node gpu-7"), in order. Namespaces and events are not objects here: "ns shop" places, "events"
    /// lists.
    static func namedObjects(_ text: RequestText) -> [(type: ResourceType, name: String)] {
        let tokens = text.tokens
        var found: [(type: ResourceType, name: String)] = []
        func add(_ type: ResourceType, _ name: String) {
            guard !["namespaces", "events"].contains(type.plural), looksLikeName(name), !notContainerNames.contains(name),
                  !notObjectNames.contains(name),
                  !connectives.contains(name), ResourceCatalog.lookup(name) == nil,
                  !found.contains(where: { $0.type == type && $0.name == name }) else { return }
            found.append((type, name))
        }
        for (index, token) in tokens.enumerated() {
            if let slash = token.firstIndex(of: "/"), let type = ResourceCatalog.lookup(String(token[..<slash])) {
                add(type, String(token[token.index(after: slash)...]))
                continue
            }
            // A type in two or three words: "replica set X", "service account X", "cluster role binding X". The
            // words inside such a type ("role" of "cluster role binding") are not types of their own.
            if index > 0, ResourceCatalog.lookup(tokens[index - 1] + token) != nil { continue }
            if index > 1, ResourceCatalog.lookup(tokens[index - 2] + tokens[index - 1] + token) != nil { continue }
            if let (type, width) = compoundType(tokens, at: index) {
                var next = index + width
                while next < tokens.count, nameFillers.contains(tokens[next]) { next += 1 }
                if next < tokens.count { add(type, tokens[next]) }
                continue
            }
            guard let type = ResourceCatalog.lookup(token) else { continue }
            // "role binding X", "service account X": the first word is part of a compound type, not a type; and
            // `bindings` (core/v1 Binding) is never what "binding" means in a request.
            if type.plural == "bindings" { continue }
            if index + 1 < tokens.count, ["account", "accounts", "binding", "bindings", "acct"].contains(tokens[index + 1]) { continue }
            var next = index + 1
            while next < tokens.count, nameFillers.contains(tokens[next]) { next += 1 }
            if next < tokens.count { add(type, tokens[next]) }
        }
        return found
    }

    /// The type that the two or three words at `index` name together, and how many words it takes.
    static func compoundType(_ tokens: [String], at index: Int) -> (ResourceType, Int)? {
        for width in [3, 2] where index + width <= tokens.count {
            let joined = tokens[index..<(index + width)].joined()
            if let type = twoWordTypes[joined].flatMap(ResourceCatalog.lookup) ?? ResourceCatalog.lookup(joined) {
                return (type, width)
            }
        }
        return nil
    }

    /// The one object the request names with this name, if exactly one.
    static func namedObject(_ name: String, in text: RequestText) -> ResourceType? {
        let matching = namedObjects(text).filter { $0.name == name.lowercased() }
        return matching.count == 1 ? matching[0].type : nil
    }

    // MARK: - Events

    /// The events of one object ("the events of the deployment comet", "warning events for node gpu-7") are
    /// `kubectl events --for TYPE/NAME`: a `get events` that finds them by `involvedObject` fields, or names no object
    /// at all, becomes that, keeping `-n`, `-A` and `-w`, and `--types=Warning` for a `type=Warning` term or a request
    /// for warnings.
    static let eventsFor: Check = { words, evidence in
        let parsed = words.parsed
        let isEvents = parsed.verb == "events" || (parsed.verb == "get" && parsed.resource?.plural == "events")
        guard isEvents, parsed.objects.isEmpty, parsed.verb == "events" || parsed.names.isEmpty else { return nil }
        // A request that asks for field selectors gets them ("warning events of pod x using field selectors").
        if evidence.text.has("field selector") || evidence.text.has("field selectors")
            || evidence.text.hasAny(["field-selector", "--field-selector", "fieldselector"]) { return nil }
        let objects = namedObjects(evidence.text)
        guard objects.count == 1, let object = objects.first else { return nil }
        // A `--for` the request gives is kept; one naming an object the request never mentions is replaced.
        if let target = words.span("for")?.flag.value {
            let name = target.split(separator: "/").last.map(String.init) ?? target
            guard !evidence.known.contains(name) else { return nil }
        }
        // A value that is the object's name or kind, under whatever key (`-l name=mint`, `type=Deployment`), points at it.
        func pointsAtObject(_ value: String) -> Bool {
            [object.name, object.type.kind.lowercased(), object.type.singular].contains(value.lowercased())
        }
        if let selector = parsed.selector {
            guard selectorTerms(selector).allSatisfy({ equality($0).map { pointsAtObject($0.value) } ?? false }) else { return nil }
        }
        var types = words.spans.first { $0.flag.name == "types" }?.flag.value
        for term in (parsed.fieldSelector ?? "").split(separator: ",").map(String.init) where !term.isEmpty {
            guard let parts = FieldSelectorKeys.terms(of: term).first, parts.op != "!=" else { return nil }
            switch parts.key {
            // `metadata.name` is the event's own name, which a model writes for the object's.
            case "involvedObject.name", "metadata.name": guard parts.value.lowercased() == object.name else { return nil }
            case "involvedObject.kind": guard parts.value.lowercased() == object.type.kind.lowercased() else { return nil }
            case "type" where ["warning", "normal"].contains(parts.value.lowercased()): types = parts.value
            // A term of a value the request never gives is a guess (`reason=Failed` for "events for cronjob x").
            default: guard pointsAtObject(parts.value) || !evidence.known.contains(parts.value) else { return nil }
            }
        }
        if types == nil, evidence.text.hasAny(["warning", "warnings", "warn"]) { types = "Warning" }
        // `deploy/beacon` as the request writes it, when it writes the object that way.
        let written = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init).first { word in
            let parts = word.split(separator: "/")
            return parts.count == 2 && parts[1].lowercased() == object.name && ResourceCatalog.lookup(String(parts[0])) == object.type
        }
        let target = written ?? object.type.singular + "/" + object.name
        var line = ["kubectl", "events", "--for", target]
        if let namespace = words.span("namespace")?.flag.value { line += ["-n", namespace] }
        if types == nil, let given = words.span("types")?.flag.value { types = given }
        if let output = parsed.output, ["json", "yaml"].contains(output), evidence.text.hasAny([output]) { line += ["-o", output] }
        if parsed.allNamespaces { line.append("-A") }
        if parsed.hasFlag("watch") { line.append("-w") }
        if let types { line.append("--types=" + types) }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "events --for \(target): the events of the object the request names")
    }

    // MARK: - Object forms

    /// Types a single-object verb accepts as `TYPE/NAME` besides pods.
    static let podOwners: Set<String> = [
        "services", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "replicationcontrollers",
    ]

    /// `port-forward cache 6000:6379` for "the service cache": a single-object verb's bare name is a pod, so the name
    /// of a service or workload the request names gets its type (`service/cache`).
    static let objectType: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, CommandRepair.singleObjectVerbs.contains(verb) else { return nil }
        let positional = words.positional
        guard positional.count > 1, case let word = positional[1], !word.contains("/"),
              ResourceCatalog.lookup(word) == nil, let type = namedObject(word, in: evidence.text),
              podOwners.contains(type.plural) else { return nil }
        // `logs` reads a service's pods only through its selector; kubectl takes services there too.
        words.replaceWord(word, with: type.singular + "/" + word)
        return EvidenceFix(.objectForm, "\(type.singular)/\(word): the \(type.singular) the request names")
    }

    /// File names a command reads with `-f`.
    static func isManifestFile(_ word: String) -> Bool {
        let lower = word.lowercased()
        return [".yaml", ".yml", ".json"].contains(where: lower.hasSuffix) && !lower.contains("=") && !lower.hasPrefix("-")
    }

    /// `certificate approve csr.yaml`, `delete stack.yaml`: a manifest file written where an object's name goes is
    /// read with `-f FILE`, for commands whose kubectl has `-f`.
    static let fileForm: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, !["cp", "kustomize", "config"].contains(verb),
              KubectlKnowledge.command(for: parsed)?.flags.contains(where: { $0.spec.long == "filename" }) == true else { return nil }
        let files = words.positional.dropFirst().filter(isManifestFile)
        guard files.count == 1, let file = files.first, evidence.text.set.contains(file.lowercased()) else { return nil }
        var line = words.words
        guard let index = line.firstIndex(of: file) else { return nil }
        line.replaceSubrange(index...index, with: ["-f", file])
        // A type word left in front of the file ("delete deployment stack.yaml") is not what `-f` reads.
        if index > 2, ResourceCatalog.lookup(line[index - 1]) != nil, line[index - 1] != parsed.subverb {
            line.remove(at: index - 1)
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "-f \(file): the objects the file defines")
    }

    /// `label deployment reed -l canary-`: a removal (`KEY-`) written as a selector is the label or annotation to
    /// remove.
    static let removalForm: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate", let span = words.span("selector"),
              var value = span.flag.value, !value.contains("="), !value.contains(","), !value.hasPrefix("!"),
              !parsed.objects.isEmpty || !parsed.names.isEmpty else { return nil }
        // "remove label backup from sts db" written `label sts db -l backup`: the key to remove.
        if !value.hasSuffix("-") {
            guard evidence.text.hasAny(removalWords), evidence.text.has("label \(value.lowercased())")
                    || evidence.text.has("annotation \(value.lowercased())") else { return nil }
            value += "-"
        }
        words.remove(span)
        words.append([value])
        return EvidenceFix(.objectForm, "\(value): the key to remove")
    }

    /// `--all` on a command that names or selects its objects (names, `-l`, `--field-selector`, `-f`) would reach
    /// every object of the type: it goes.
    static let allWithNames: Check = { words, _ in
        let parsed = words.parsed
        guard let span = words.span("all"), !parsed.objects.isEmpty || !parsed.names.isEmpty || parsed.hasFlag("selector")
                || parsed.hasFlag("field-selector") || parsed.hasFlag("filename") else { return nil }
        words.remove(span)
        return EvidenceFix(.all, "dropped --all: the command names or selects its objects")
    }

    /// `--field-selector=metadata.namespace=X` is the namespace: it becomes `-n X`, the form every command takes.
    static let namespaceField: Check = { words, _ in
        let parsed = words.parsed
        guard let span = words.span("field-selector"), let selector = span.flag.value else { return nil }
        let terms = selector.split(separator: ",").map(String.init)
        let namespaceTerms = terms.filter { FieldSelectorKeys.terms(of: $0).first.map { $0.key == "metadata.namespace" && $0.op != "!=" } ?? false }
        guard namespaceTerms.count == 1, let term = namespaceTerms.first,
              let value = FieldSelectorKeys.terms(of: term).first?.value, !value.isEmpty else { return nil }
        if let namespace = parsed.namespace, namespace != value { return nil }
        let rest = terms.filter { $0 != term }
        if rest.isEmpty { words.remove(span) } else { words.setValue(rest.joined(separator: ","), of: span) }
        if let all = words.span("all-namespaces") { words.remove(all) }
        if words.parsed.namespace == nil { words.append(["-n", value]) }
        return EvidenceFix(.namespace, "-n \(value) for metadata.namespace=\(value)")
    }

    /// "switch ns to sirius": the session's namespace changes with `config set-context --current --namespace=X`, not
    /// `config use-context X`, when the request names X as a namespace and not as a context.
    static let namespaceSwitch: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "config", parsed.subverb == "use-context", let name = parsed.names.first?.lowercased() else { return nil }
        let tokens = evidence.text.tokens
        // "ns sirius", "namespace to sirius", "the sirius namespace"; never "context sirius".
        let asNamespace = tokens.indices.contains { index in
            guard ["ns", "namespace"].contains(tokens[index]) else { return false }
            var next = index + 1
            while next < tokens.count, ["to", "the", "into", "named", "called"].contains(tokens[next]) { next += 1 }
            return (next < tokens.count && tokens[next] == name) || (index > 0 && tokens[index - 1] == name)
        }
        let asContext = tokens.indices.contains { $0 > 0 && tokens[$0] == name && ["context", "ctx", "contexts"].contains(tokens[$0 - 1]) }
        guard asNamespace, !asContext else { return nil }
        guard let rebuilt = CommandWords("kubectl config set-context --current --namespace=" + name) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "set-context --current --namespace=\(name): \(name) is a namespace")
    }

    /// `patch` without `--type` when the request names the patch's kind ("json merge", "json patch"), or when the
    /// patch is a JSON Patch list (`[{"op": …}]`), which kubectl reads only with `--type=json`.
    static let patchType: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "patch", !parsed.hasFlag("type") else { return nil }
        let patch = words.spans.first { $0.flag.name == "patch" }?.flag.value ?? ""
        let type: String
        if evidence.text.hasAny(["merge", "merge-patch"]) {
            type = "merge"
        } else if patch.trimmingCharacters(in: .whitespaces).hasPrefix("[") || evidence.text.has("json patch")
                    || evidence.text.hasAny(["jsonpatch", "json-patch"]) {
            type = "json"
        } else {
            return nil
        }
        words.append(["--type=" + type])
        return EvidenceFix(.objectForm, "--type=\(type): the kind of patch")
    }

    /// `create service … --tcp=7000:7000` for "port 7000": a target port equal to the port is kubectl's default, so
    /// the line keeps only what the request gave (`--tcp=7000`). A pair the request writes out stays.
    static let samePorts: Check = { words, evidence in
        let parsed = words.parsed
        let numbers = evidence.text.tokens.flatMap { $0.split(whereSeparator: { !$0.isNumber }).map(String.init) }
        if parsed.verb == "port-forward" {
            // `port-forward db-0 5432:5432` for "pf pod db-0 5432".
            let pairs = words.positional.dropFirst(2).filter { word in
                let parts = word.split(separator: ":", omittingEmptySubsequences: false)
                return parts.count == 2 && parts[0] == parts[1] && !parts[0].isEmpty && parts[0].allSatisfy(\.isNumber)
                    && numbers.filter { $0 == String(parts[0]) }.count < 2
            }
            guard !pairs.isEmpty else { return nil }
            for pair in pairs { words.replaceWord(pair, with: String(pair.split(separator: ":")[0])) }
            return EvidenceFix(.inventedValue, "\(pairs.map { String($0.split(separator: ":")[0]) }.joined(separator: " ")): the local port is the remote one")
        }
        guard parsed.verb == "create", parsed.subverb?.hasPrefix("service") == true else { return nil }
        var changed: [String] = []
        for span in words.spans where span.flag.name == "tcp" {
            guard let value = span.flag.value, !value.contains(",") else { continue }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            // "8080 to 8080", "9000:9000": the request wrote the pair.
            guard parts.count == 2, parts[0] == parts[1], !parts[0].isEmpty,
                  numbers.filter({ $0 == String(parts[0]) }).count < 2 else { continue }
            words.setValue(String(parts[0]), of: span)
            changed.append(String(parts[0]))
        }
        guard !changed.isEmpty else { return nil }
        return EvidenceFix(.inventedValue, "--tcp=\(changed.joined(separator: ",")): the target port is the port")
    }
}

extension RequestEvidence {
    // MARK: - Environment and node debugging

    /// Types whose pod template `set env` reads and writes.
    static let templatedTypes: Set<String> = [
        "pods", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers",
    ]

    /// "list the env vars of deploy moss": a request that reads an object's environment variables, and sets none, is
    /// `set env TYPE/NAME --list`; a `get` or `describe` of the object, or a `set env` that sets nothing, becomes that.
    static let envList: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard text.hasAny(["env", "envs", "environment", "env-vars", "envvars"]),
              text.hasAny(["list", "show", "print", "display", "view", "see", "what", "which", "get", "of"]),
              !text.tokens.contains(where: { $0.contains("=") }), !text.hasAny(["from", "set", "add", "remove", "unset", "to"])
        else { return nil }
        let object: (type: ResourceType, name: String)
        if ["get", "describe"].contains(parsed.verb ?? ""), parsed.objects.count == 1, let first = parsed.objects.first,
           let type = first.resource {
            object = (type, first.name)
        } else if parsed.verb == "set", parsed.subverb == "env", !parsed.hasFlag("list"), !parsed.hasFlag("from"),
                  !parsed.hasFlag("env"), parsed.arguments.isEmpty, parsed.objects.count == 1, let first = parsed.objects.first,
                  let type = first.resource {
            object = (type, first.name)
        } else {
            return nil
        }
        guard templatedTypes.contains(object.type.plural), namedObject(object.name, in: text) != nil else { return nil }
        var line = ["kubectl", "set", "env", object.type.singular + "/" + object.name, "--list"]
        if let namespace = words.span("namespace")?.flag.value { line += ["-n", namespace] }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "set env \(object.type.singular)/\(object.name) --list: the object's environment variables")
    }

    /// Words that stand between "with" or "image" and an image's name without being one.
    static let notImages: Set<String> = ["a", "an", "the", "image", "shell", "it", "its", "debug", "debugging", "pod", "container", "root"]

    /// The image a request names: after "image", "--image=" or "with"/"using" ("debug node wk-3 with ubuntu").
    static func namedImage(_ text: RequestText) -> String? {
        let tokens = text.tokens
        for (index, token) in tokens.enumerated() {
            if token.hasPrefix("--image=") { return String(token.dropFirst(8)) }
            guard ["image", "with", "using", "img"].contains(token) else { continue }
            var next = index + 1
            while next < tokens.count, notImages.contains(tokens[next]) { next += 1 }
            guard next < tokens.count, case let word = tokens[next], let first = word.first, first.isLetter,
                  word.allSatisfy({ $0.isLetter || $0.isNumber || ".:/_-@".contains($0) }), ResourceCatalog.lookup(word) == nil,
                  !connectives.contains(word) else { continue }
            return word
        }
        return nil
    }

    /// A shell or debugging pod on a node the request names ("shell on node n-7 w/ ubuntu") is `debug node/NAME -it
    /// --image=IMAGE`: an `exec` into the node's name, or a `debug` of it as a pod, becomes that. The image is the one
    /// the command or the request names, else busybox.
    static let debugNode: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, verb == "exec" || verb == "debug" || verb == "attach" else { return nil }
        var nodes = namedObjects(evidence.text).filter { $0.type.plural == "nodes" }.map(\.name)
        // "node shell wkr-8": the target is a name the request gives next to the word "node".
        if nodes.isEmpty, evidence.text.hasAny(["node", "nodes"]), let name = parsed.objects.first?.name,
           evidence.text.set.contains(name.lowercased()), looksLikeName(name), name.contains(where: { $0.isNumber || $0 == "-" }) {
            nodes = [name.lowercased()]
        }
        guard nodes.count == 1, let node = nodes.first else { return nil }
        let target = parsed.objects.first
        guard target?.name == node, target?.resource?.plural != "nodes" || verb != "debug" else { return nil }
        let image = words.span("image")?.flag.value ?? namedImage(evidence.text) ?? "busybox"
        var line = ["kubectl", "debug", "node/" + node, "-it", "--image=" + image]
        if parsed.hasDoubleDash, !parsed.afterDoubleDash.isEmpty, verb == "debug" { line += ["--"] + parsed.afterDoubleDash }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "debug node/\(node): a debugging pod on the node the request names")
    }
}

extension RequestEvidence {
    /// `logs -f -l app=ledger` for "follow logs of ledger-0": a label guess on a single-object verb whose value is the
    /// start of a name the request gives (and is no word of the request itself) becomes that name.
    static let nameForSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, CommandRepair.singleObjectVerbs.contains(verb), parsed.objects.isEmpty,
              let span = words.span("selector"), let value = span.flag.value, !value.contains(","),
              let (_, label) = equality(value), !label.isEmpty else { return nil }
        let namespace = parsed.namespace?.lowercased()
        let name: String
        if evidence.text.set.contains(label.lowercased()) {
            // `logs -l app=pdf-render-84b6d9c7f-s5lwx` for "logs of po pdf-render-84b6d9c7f-s5lwx": a pod's whole name as
            // a label value, where the request speaks of no label.
            guard podLikeNames(evidence, namespace: parsed.namespace).contains(label.lowercased()),
                  !evidence.text.hasAny(["label", "labels", "labeled", "labelled", "selector", "-l", "app", "matching"]),
                  !evidence.request.contains("=") else { return nil }
            name = label.lowercased()
        } else {
            let names = Set(evidence.text.tokens.filter { $0.hasPrefix(label.lowercased() + "-") && looksLikeName($0) && $0 != namespace })
            guard names.count == 1, let only = names.first else { return nil }
            name = only
        }
        words.remove(span)
        var line = words.words
        line.insert(name, at: min(2, line.count))
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "\(name) for -l \(value): the object the request names")
    }
}

extension RequestEvidence {
    // MARK: - Namespace and question forms

    /// `-A` (and a label holding the namespace's name) for a request that names one namespace ("wait for all
    /// deployments in ns pine") and no other: `-n NAME`, the label guess dropped.
    static let namedNamespaceOverAll: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.allNamespaces, let span = words.span("all-namespaces"),
              let named = AskedFlags.namedNamespace(evidence.request), named.count > 2, !connectives.contains(named),
              !everyNamespace.contains(where: evidence.text.has), !evidence.text.hasAny(["all-namespaces", "-a", "across", "everywhere"])
        else { return nil }
        words.remove(span)
        if let selector = words.span("selector"), let value = selector.flag.value {
            let terms = selectorTerms(value)
            let kept = terms.filter { term in
                guard let (_, termValue) = equality(term), termValue.lowercased() == named else { return true }
                return evidence.text.set.contains(term.lowercased())
            }
            if kept.isEmpty { words.remove(selector) } else if kept != terms { words.setValue(kept.joined(separator: ","), of: selector) }
        }
        if words.parsed.namespace == nil { words.append(["-n", named]) }
        return EvidenceFix(.namespace, "-n \(named) for -A: the one namespace the request names")
    }

    /// Words that ask whether something is allowed.
    static let permissionWords: Set<String> = [
        "can", "can-i", "may", "allowed", "permitted", "permission", "permissions", "able", "could", "whether", "if",
        "access", "rights", "authorized", "authorised", "check", "rbac", "forbidden",
    ]

    /// "act as user jane, get secrets ns hr" answered with `auth can-i get secrets --as=jane`: a request that asks no
    /// question about permissions does what it says, as the identity it names (`get secrets -n hr --as=jane`). Only
    /// reading verbs are turned back (`get`, `list`, `watch` → `get`).
    static let actionNotQuestion: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "auth", parsed.subverb == "can-i", !evidence.request.contains("?"),
              !evidence.text.hasAny(permissionWords), !parsed.hasFlag("list") else { return nil }
        let positional = words.positional.filter { $0 != "auth" && $0 != "can-i" }
        guard let action = positional.first, ["get", "list", "watch"].contains(action.lowercased()), positional.count >= 2,
              positional.count <= 3, ResourceCatalog.lookup(positional[1].split(separator: "/").first.map(String.init) ?? "") != nil
        else { return nil }
        var line = ["kubectl", "get"] + positional.dropFirst()
        if action.lowercased() == "watch" { line.append("-w") }
        for span in words.spans where ["namespace", "all-namespaces", "as", "as-group", "as-uid", "context", "kubeconfig"].contains(span.flag.name) {
            line.append(words.words[span.index])
            if span.valueInNextWord { line.append(words.words[span.index + 1]) }
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "\(line[1...2].joined(separator: " ")): the request acts, it asks no question")
    }
}
