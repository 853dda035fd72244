import Foundation
import KubectlKit
import LineEditor

/// Where completion gets live data (object names from the cluster, contexts from kubeconfig).
public protocol CompletionDataSource: Sendable {
    /// Object names of `resource` (canonical plural) in `namespace` (nil: the context's default). Must not block long.
    func names(resource: String, namespace: String?) -> [String]
    /// Context names from kubeconfig.
    func contexts() -> [String]
}

/// Tab-completion candidates for a `k1 shell` line. Pure apart from the data source it is given.
public struct ShellCompleter: Sendable {
    let source: any CompletionDataSource
    /// The session namespace (used for live names when the line names none).
    let sessionNamespace: @Sendable () -> String?

    /// Creates a completer over a data source.
    public init(source: any CompletionDataSource, sessionNamespace: @escaping @Sendable () -> String? = { nil }) {
        self.source = source
        self.sessionNamespace = sessionNamespace
    }

    /// Output formats for `-o`.
    static let outputFormats = ["wide", "name", "json", "yaml", "jsonpath=", "custom-columns=", "go-template=", "jsonpath-as-json="]
    /// Verbs whose bare positional arguments are pod names.
    static let podVerbs: Set<String> = ["logs", "exec", "attach", "port-forward", "cp", "debug"]
    /// Verbs that take `TYPE [NAME…]`.
    static let typedVerbs: Set<String> = ["get", "describe", "delete", "edit", "label", "annotate", "scale", "patch",
                                          "explain", "expose", "autoscale", "wait", "rollout", "set", "top", "cordon",
                                          "uncordon", "drain", "taint"]

    /// Candidates for the word being completed; each candidate is a whole replacement for that word.
    public func candidates(for request: CompletionRequest) -> [String] {
        let before = String(request.line.prefix(request.start))
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let word = request.word
        if previous.isEmpty {
            if word.hasPrefix(":") { return filter(MetaCommand.typedNames, word) }
            return filter(["kubectl"] + Self.verbNames, word)
        }
        let head = previous[0]
        if head.hasPrefix(":") {
            guard previous.count == 1 else { return [] }
            switch MetaCommand.named(String(head.dropFirst())) {
            case .ns: return filter(["-"] + source.names(resource: "namespaces", namespace: nil), word)
            case .ctx: return filter(["-"] + source.contexts(), word)
            default: return []
            }
        }
        if head.hasPrefix("!") || head.hasPrefix("?") { return [] }
        let args = head == "kubectl" ? Array(previous.dropFirst()) : previous
        return kubectlCandidates(args: args, word: word)
    }

    private func kubectlCandidates(args: [String], word: String) -> [String] {
        let parsed = KubectlCommand.parse(["kubectl"] + args)
        guard let verb = parsed.verb else {
            return word.hasPrefix("-") ? filter(flagWords(verb: nil, subverb: nil), word) : filter(Self.verbNames, word)
        }
        let namespace = parsed.namespace ?? sessionNamespace()
        // Value of a flag: `-n sh⇥`, `--namespace=sh⇥`, `-o w⇥`.
        if let eq = word.firstIndex(of: "="), word.hasPrefix("--") {
            let flag = String(word[..<eq])
            let prefix = String(word[...eq])
            let partial = String(word[word.index(after: eq)...])
            return filter(flagValues(flag, verb: verb), partial).map { prefix + $0 }
        }
        if let last = args.last, last.hasPrefix("-"), !last.contains("="),
           let spec = KubectlCommandTable.flag(named: last, verb: verb, subverb: parsed.subverb), spec.consumesNextWord {
            return filter(flagValues("--" + spec.long, verb: verb), word)
        }
        if word.hasPrefix("-") { return filter(flagWords(verb: verb, subverb: parsed.subverb), word) }
        // Sub-commands: `rollout re⇥`, `create dep⇥`, `config use⇥`.
        if let spec = KubectlCommandTable.spec(forVerb: verb), !spec.subcommands.isEmpty, parsed.subverb == nil,
           parsed.positionals.isEmpty || verb == "top" {
            return filter(spec.subcommands.map(\.name), word)
        }
        if verb == "config", let sub = parsed.subverb,
           ["use-context", "delete-context", "rename-context", "set-context", "get-contexts"].contains(sub) {
            return filter(source.contexts(), word)
        }
        // `deploy/we⇥`
        if let slash = word.firstIndex(of: "/") {
            let typeWord = String(word[..<slash])
            guard let type = ResourceCatalog.lookup(typeWord) else { return [] }
            let partial = String(word[word.index(after: slash)...])
            return filter(source.names(resource: type.plural, namespace: namespace), partial).map { typeWord + "/" + $0 }
        }
        if Self.podVerbs.contains(verb) {
            return filter(source.names(resource: "pods", namespace: namespace), word)
        }
        if verb == "top", let sub = parsed.subverb {
            let type = sub.hasPrefix("node") ? "nodes" : "pods"
            return filter(source.names(resource: type, namespace: namespace), word)
        }
        if ["cordon", "uncordon", "drain"].contains(verb) {
            return filter(source.names(resource: "nodes", namespace: nil), word)
        }
        guard Self.typedVerbs.contains(verb) else { return [] }
        if let type = parsed.resource {
            return filter(source.names(resource: type.plural, namespace: namespace), word)
        }
        if parsed.resourceWord != nil { return [] }   // an unknown type (CRD): nothing to offer
        return resourceCandidates(word)
    }

    /// Resource types for a partial word: a short name typed in full completes to its canonical plural
    /// (`po` → `pods`); otherwise plurals by prefix, then short names when no plural matches.
    private func resourceCandidates(_ word: String) -> [String] {
        if !word.isEmpty, let exact = ResourceCatalog.lookup(word), exact.plural != word,
           exact.shortNames.contains(word) {
            return [exact.plural]
        }
        let plurals = filter(ResourceCatalog.all.map(\.plural), word)
        return plurals.isEmpty ? filter(ResourceCatalog.all.flatMap(\.shortNames), word) : plurals
    }

    private func flagValues(_ flag: String, verb: String) -> [String] {
        switch flag {
        case "--namespace": source.names(resource: "namespaces", namespace: nil)
        case "--context": source.contexts()
        case "--output": Self.outputFormats
        default: []
        }
    }

    private func flagWords(verb: String?, subverb: String?) -> [String] {
        var flags = KubectlCommandTable.globalFlags
        if let verb, let spec = KubectlCommandTable.spec(forVerb: verb, subverb: subverb) { flags = spec.flags + flags }
        var words: [String] = []
        for flag in flags {
            words.append("--" + flag.long + (flag.takesValue ? "=" : ""))
            if let short = flag.short { words.append("-" + short) }
        }
        return words
    }

    private func filter(_ words: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return words.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    /// kubectl verbs from the generated tables.
    static let verbNames: [String] = KubectlCommandTable.verbs.map(\.name)
}
