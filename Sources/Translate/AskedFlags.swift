import Foundation
import KubectlKit

/// Puts in what the request plainly asks for and a small model leaves out: the namespace it names ("svc frontend in
/// shop", "same in kube-system", "pods in ns monitoring") and, for `get`, the output format it names as a word of its
/// own ("svc frontend as json", "nodes wide").
///
/// A namespace is a word right after `in`, `ns` or `namespace` that looks like a Kubernetes name, is not an everyday
/// word, a status or a resource type, and that the command does not use anywhere already. It is added only to
/// commands with no namespace and no `-A` whose type is namespaced.
public enum AskedFlags {
    /// `command` with what the request asks for put in, and the flags added (`-n shop`, `-o json`).
    public static func complete(_ command: String, request: String) -> (command: String, added: [String]) {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return (command, [])
        }
        let parsed = KubectlCommand.parse(words)
        guard let verb = parsed.verb, parsed.isKnownVerb else { return (command, []) }
        var added: [String] = []
        if let namespace = namedNamespace(request, for: parsed), parsed.namespace == nil, !parsed.allNamespaces,
           CommandValidator.clusterScopedType(of: parsed) == nil, namespacedVerbs.contains(verb),
           !usesOutsideLabels(parsed, namespace), !selectorOperand(parsed, namespace, request: request) {
            added += ["-n", namespace]
        }
        if verb == "get", parsed.output == nil, let format = namedFormat(request) {
            added += ["-o", format]
        }
        guard !added.isEmpty else { return (command, []) }
        let pieces = stride(from: 0, to: added.count, by: 2).map { added[$0] + " " + added[$0 + 1] }
        return (insert(added, into: command, before: parsed.hasDoubleDash), pieces)
    }

    /// Whether the request's "in" before `word` is the command's label-selector operator ("env in staging or qa",
    /// with `-l 'env in (staging,qa)'`), not a namespace marker: the word before "in" is a key the selector tests.
    static func selectorOperand(_ parsed: KubectlCommand, _ word: String, request: String) -> Bool {
        guard let selector = parsed.selector?.lowercased() else { return false }
        let keys = Set(selector.split(separator: ",").compactMap { term in
            term.split(whereSeparator: { " =!()".contains($0) }).first.map(String.init)
        })
        let tokens = RequestText(request).tokens
        return tokens.indices.contains { index in
            index > 0 && index + 1 < tokens.count && tokens[index] == "in" && tokens[index + 1] == word
                && keys.contains(tokens[index - 1])
        }
    }

    /// Whether the command already uses `word` other than as a label value (a selector or a `key=value`
    /// argument): as an object name, a type, an argument or a flag's value.
    static func usesOutsideLabels(_ parsed: KubectlCommand, _ word: String) -> Bool {
        // An identity's namespace (`--as=system:serviceaccount:build:ci`, `--serviceaccount=build:ci`) is the
        // account's, not a use of the word.
        // Nor is an image's path (`ghcr.io/osprey/api:debug` for the namespace osprey).
        let values = parsed.flags.filter { !["selector", "field-selector", "as", "serviceaccount", "image", "set-image"].contains($0.name) }
            .compactMap(\.value)
        let kept = parsed.positionals.filter { !$0.contains("=") } + values + parsed.afterDoubleDash
        // As a word of its own: the namespace `orders` is not used by the pod `orders-db-0`.
        return Mentions(request: kept.joined(separator: " "), context: []).containsWord(word)
    }

    /// Verbs whose objects live in a namespace.
    static let namespacedVerbs: Set<String> = [
        "get", "describe", "logs", "exec", "port-forward", "attach", "cp", "delete", "scale", "rollout", "set", "label",
        "annotate", "expose", "run", "create", "apply", "diff", "top", "events", "auth", "autoscale", "patch", "edit",
        "wait", "debug",
    ]

    /// The namespaces of the identities `parsed` names (`ci` of `--serviceaccount=ci:deployer` or
    /// `--as=system:serviceaccount:ci:deployer`).
    static func identityNamespaces(_ parsed: KubectlCommand) -> Set<String> {
        Set(parsed.flags.filter { ["serviceaccount", "as"].contains($0.name) }.compactMap { flag -> String? in
            let parts = (flag.value ?? "").split(separator: ":").map(String.init)
            return parts.count == 2 ? parts[0].lowercased() : parts.count == 4 && parts[1] == "serviceaccount" ? parts[2].lowercased() : nil
        })
    }

    /// The namespace a request names for `parsed`: of two, one may be an identity's ("the sa ci-deployer from ns ci
    /// … in lumen" with `--as=system:serviceaccount:ci:ci-deployer`), and the other is where the command runs.
    static func namedNamespace(_ request: String, for parsed: KubectlCommand) -> String? {
        let identities = identityNamespaces(parsed)
        return (identities.isEmpty ? nil : namedNamespace(request, besides: identities)) ?? namedNamespace(request)
    }

    /// The namespace a request names: the word after `in`, `ns`, `namespace` or `in ns`/`in namespace`, or X in
    /// `the X namespace`, or a lone word in brackets ("ledgerd-0 (tidewater)").
    static func namedNamespace(_ request: String) -> String? {
        namedNamespace(request, besides: [])
    }

    /// The namespace a request names, leaving out `taken`, the namespaces the command already gives something else
    /// ("rolebinding X in fulfil … that sa lives in monitoring" with `--serviceaccount=monitoring:agent`).
    static func namedNamespace(_ request: String, besides taken: Set<String>) -> String? {
        let (words, closed) = clauseWords(request)
        // "in the shop namespace": the name comes before the marker. Of several ("the account from the billing
        // namespace … in the shop namespace"), the one after "in" is where the command runs.
        let thes = words.indices.dropLast(2).filter { index in
            words[index] == "the" && words[index + 2] == "namespace" && looksLikeNamespace(words[index + 1])
        }
        let placed = thes.filter { $0 > 0 && ["in", "into", "within", "inside"].contains(words[$0 - 1]) }
        if Set(placed.map { words[$0 + 1] }).count == 1, let index = placed.first { return words[index + 1] }
        if let index = thes.first { return words[index + 1] }
        var found: [String] = []
        var explicit: [String] = []
        // "… svc ledger-api billing ns": a marker that ends the request follows the name.
        // "shares its process namespace" names a kind of namespace, not one.
        let kinds: Set<String> = ["process", "network", "pid", "ipc", "user", "mount", "uts", "host", "its", "their", "own"]
        if let last = words.last, last != "in", markers.contains(last), words.count >= 3,
           !markers.contains(words[words.count - 2]), looksLikeNamespace(words[words.count - 2]),
           !kinds.contains(words[words.count - 2]), !kinds.contains(words[words.count - 3]) {
            found.append(words[words.count - 2])
            explicit.append(words[words.count - 2])
        }
        // "shell into ledgerd-0 (tidewater)": operators write the namespace in brackets after the object.
        for raw in request.lowercased().split(whereSeparator: \.isWhitespace) {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:?"))
            guard word.hasPrefix("("), word.hasSuffix(")"), word.count > 2 else { continue }
            let inner = String(word.dropFirst().dropLast())
            // "(kustomize)", "(helm)": a tool, not a place.
            guard looksLikeNamespace(inner), !found.contains(inner), KubectlCommandTable.spec(forVerb: inner) == nil,
                  !["helm", "kustomize", "docker", "bash", "sh", "shell", "dry", "overwrite", "force"].contains(inner) else { continue }
            found.append(inner)
            explicit.append(inner)
        }
        for (index, word) in words.enumerated() where index + 1 < words.count && markers.contains(word) {
            var candidate = words[index + 1]
            // "ns is fulfil", "namespace should be qa": the name after the verb.
            if word != "in", ["is", "=", "was", "its", "it's"].contains(candidate), index + 2 < words.count {
                candidate = words[index + 2]
            } else if word != "in", candidate == "should", index + 3 < words.count, words[index + 2] == "be" {
                candidate = words[index + 3]
            }
            if markers.contains(candidate) { continue }
            // "in revision 2", "in version 1.29", "in line 40": a word numbered by what follows names no namespace.
            if word == "in", index + 2 < words.count, words[index + 2].first?.isNumber == true { continue }
            // "all ns just names": a marker after "all" means every namespace; the next word is the request's.
            if word != "in", index > 0, ["all", "every", "evry", "any", "each", "across"].contains(words[index - 1]) { continue }
            // "in the log-shipper container", "in log-shipper ctr": a container, not a namespace.
            if word == "in", index + 2 < words.count, containerWords.contains(RequestText.spelled(words[index + 2])) { continue }
            // "in finance ns, host …": "ns" closes the namespace before it rather than naming the next word; not after
            // a comma ("in osprey-db-0, ns osprey").
            if word != "in", index > 1, words[index - 2] == "in", found.contains(words[index - 1]), !closed[index - 1] { continue }
            if looksLikeNamespace(candidate), !found.contains(candidate) {
                found.append(candidate)
                if word != "in" { explicit.append(candidate) }
            }
        }
        if found.isEmpty, let trailing = trailingNamespace(request) {
            found.append(trailing)
            explicit.append(trailing)
        }
        found.removeAll { taken.contains($0) }
        explicit.removeAll { taken.contains($0) }
        // "exec env in kestrel-0 … ns harbor": "in" before a pod's name, "ns" before the namespace.
        if found.count > 1, Set(explicit).count == 1 { return explicit[0] }
        return found.count == 1 ? found[0] : nil
    }

    /// The request's words as ``namedNamespace(_:)`` reads them, and whether a comma, semicolon or question mark
    /// closes each.
    static func clauseWords(_ request: String) -> (words: [String], closed: [Bool]) {
        var words: [String] = []
        var closed: [Bool] = []
        var current = ""
        for character in request.lowercased() {
            if character.isWhitespace || ",;?".contains(character) {
                if !current.isEmpty {
                    words.append(current)
                    closed.append(false)
                    current = ""
                }
                if ",;?".contains(character), !closed.isEmpty { closed[closed.count - 1] = true }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty {
            words.append(current)
            closed.append(false)
        }
        return (words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".'\"()")) }, closed)
    }

    /// "force delete po harbor-gw-5f7c9-zx8kd, grace 0, harbor-ops": a last clause of one dashed word, after a clause
    /// that does not end in a name of that shape (a list of names), is the namespace operators write last.
    static func trailingNamespace(_ request: String) -> String? {
        let (words, closed) = clauseWords(request)
        guard words.count >= 3, let last = words.last, closed[words.count - 2], last.contains("-"),
              looksLikeNamespace(last), !RequestEvidence.looksLikePodName(last) else { return nil }
        let before = words[words.count - 2]
        guard !(before.contains("-") && RequestEvidence.looksLikeName(before)) else { return nil }
        return last
    }

    /// `request` without the namespace names it writes after "ns", "namespace", `-n` or `--namespace` (and X in "the X
    /// namespace"): a namespace called `stream` or `live` asks for no streaming.
    static func withoutNamespaceNames(_ request: String) -> String {
        let words = request.split(whereSeparator: \.isWhitespace).map(String.init)
        func bare(_ word: String) -> String { word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:?'\"()")) }
        var dropped = Set<Int>()
        for index in words.indices {
            let word = bare(words[index])
            // "all ns sort cpu": a marker after "all" names every namespace, so the next word is the request's.
            let every = index > 0 && ["all", "every", "any", "each", "across"].contains(bare(words[index - 1]))
            // "in quarry ns, sorted by time": a marker the sentence closes names nothing after it.
            let closed = words[index].last.map { ",;:.".contains($0) } ?? false
            if ["ns", "namespace", "-n", "--namespace"].contains(word), index + 1 < words.count, !every, !closed,
               !markers.contains(bare(words[index + 1])), !["the", "of", "a"].contains(bare(words[index + 1])) {
                dropped.insert(index + 1)
            }
            if word == "namespace", index >= 2, bare(words[index - 2]) == "the" { dropped.insert(index - 1) }
        }
        return words.indices.filter { !dropped.contains($0) }.map { words[$0] }.joined(separator: " ")
    }

    /// Words that make the name before them a container's.
    static let containerWords: Set<String> = ["container", "containers", "ctr", "sidecar"]

    /// Words after which a request names a namespace.
    static let markers: Set<String> = ["in", "ns", "namespace", "namespce", "namepsace", "namspace", "nmespace", "namesapce"]

    /// A DNS label that is not an everyday word, a status, a resource type, a number or a duration.
    static func looksLikeNamespace(_ word: String) -> Bool {
        guard (2...63).contains(word.count), let first = word.first, first.isLetter,
              word.allSatisfy({ ($0.isLetter && $0.isASCII) || $0.isNumber || $0 == "-" }),
              !word.hasSuffix("-"), !notNamespaces.contains(word), ResourceCatalog.lookup(word) == nil else { return false }
        return true
    }

    /// Words that follow "in" without being a namespace.
    static let notNamespaces: Set<String> = Set<String>([
        "a", "an", "the", "all", "any", "every", "each", "this", "that", "these", "those", "it", "its", "my", "our",
        "your", "their", "one", "two", "order", "use", "place", "total", "json", "yaml", "yml", "wide", "detail",
        "details", "full", "short", "text", "table", "columns", "parallel", "background", "foreground", "front",
        "bulk", "batches", "sequence", "reverse", "ascending", "descending", "namespaces", "cluster", "default-ns",
        "there", "here", "case", "crashloop", "crashloopbackoff", "pending", "running", "error", "errors", "failed",
        // Container states a listing shows: "the ones in imagepullbackoff" picks rows.
        "imagepullbackoff", "errimagepull", "oomkilled", "containercreating", "createcontainerconfigerror",
        "createcontainererror", "invalidimagename", "podinitializing", "backoff", "crash",
        "failing", "ready", "notready", "terminating", "evicted", "completed", "succeeded", "unknown", "progress",
        "memory", "cpu", "seconds", "minutes", "hours", "days", "mins", "secs", "hrs", "last", "next", "past",
        "future", "production", "staging-like", "prod-like", "it's", "which", "what", "where", "when", "there's",
        "mind", "logs", "log", "file", "files", "dir", "directory", "folder", "folders", "path", "container", "containers", "image", "images",
        "node", "nodes", "pod", "pods", "env", "labels", "label", "annotations", "spec", "status", "yaml-form",
        "to", "of", "for", "and", "or", "on", "at", "by", "with", "from", "into", "as", "is", "revision", "revisions",
        "version", "history", "line", "lines", "step", "time", "sync", "chunks", "real-time", "realtime", "detail-mode",
        // "in the current namespace": words that point at a namespace without naming it.
        "current", "same", "active", "present", "selected", "specified", "given", "respective", "relevant",
        "corresponding", "entire", "whole", "own", "matching", "target",
    ]).union(sentenceWords)

    /// Words that carry a sentence on ("every namespace except those …"), never a namespace's name.
    static let sentenceWords: Set<String> = [
        "except", "excluding", "but", "besides", "without", "whose", "who", "if", "unless", "not", "no", "than", "then",
        "only", "are", "were", "was", "be", "has", "have", "should", "will", "would", "can", "so", "too", "also",
    ]

    /// `json`, `yaml` or `wide` when the request says it as a word of its own.
    static func namedFormat(_ request: String) -> String? {
        // A file's name (`bundle.yaml`) names no format.
        let kept = request.lowercased().split(whereSeparator: \.isWhitespace).filter { word in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?'\"()"))
            return !(bare.contains(".") && [".yaml", ".yml", ".json"].contains(where: bare.hasSuffix) && bare.count > 5)
        }
        let words = Set(kept.joined(separator: " ").split(whereSeparator: { !$0.isLetter }).map(String.init))
        let formats = [("json", "json"), ("yaml", "yaml"), ("yml", "yaml"), ("wide", "wide")].filter { words.contains($0.0) }
        let distinct = Set(formats.map(\.1))
        return distinct.count == 1 ? distinct.first : nil
    }

    /// `command` with `words` appended, before `--` when the command has one.
    static func insert(_ words: [String], into command: String, before doubleDash: Bool) -> String {
        let text = words.joined(separator: " ")
        guard doubleDash, let range = command.range(of: " -- ") else { return command + " " + text }
        return command.replacingCharacters(in: range, with: " " + text + " -- ")
    }
}
