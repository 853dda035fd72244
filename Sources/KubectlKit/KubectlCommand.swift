/// A kubectl command line understood as kubectl would read it: verb, sub-command,
/// resource type, object names, flags and the words after `--`.
///
/// Parsing never fails: words it cannot place end up in ``positionals`` or
/// ``arguments``, and an unknown verb (a plugin, a typo) is kept as typed.
public struct KubectlCommand: Sendable, Hashable {
    /// The words as given, including a leading `kubectl` if there was one.
    public let words: [String]
    /// Whether the words started with `kubectl` (or a path ending in `/kubectl`).
    public let hasKubectlPrefix: Bool
    /// The top-level command (`get`, `rollout`), or nil for a line of flags only.
    public let verb: String?
    /// The sub-command path under ``verb`` with aliases resolved, words joined by a
    /// space: `restart` for `rollout restart`, `pod` for `top pods`, `secret generic`
    /// for `create secret generic`. Nil when the verb has no sub-command here.
    public let subverb: String?
    /// The resource type the command addresses when it addresses exactly one built-in
    /// type: typed (`get po`), from `TYPE/NAME` words of one type, or implied by the
    /// command (`logs web-0`, `drain node-1`, `create deployment web`).
    public let resource: ResourceType?
    /// The type word as typed (`po`, `pods,svc`, `widgets.example.com`), or the type of
    /// `TYPE/NAME` words when they share one; nil when no type was typed.
    public let resourceWord: String?
    /// The type words typed, one per type: `["pods", "svc"]` for `get pods,svc`.
    public let resourceWords: [String]
    /// The object names the command addresses (`web-0` in `logs web-0`, `get pod/web-0`).
    public let names: [String]
    /// The objects the command acts on, from `TYPE/NAME` and `TYPE NAME…` words and
    /// from names whose type the command implies.
    public let objects: [ObjectRef]
    /// Positional words that are neither the type nor an object name: label pairs,
    /// taints, ports, image assignments, a container name, a service account, the
    /// verb of `auth can-i`, the shell of `completion`, the paths of `cp`, ….
    public let arguments: [String]
    /// The value of `--namespace` / `-n` (for `config set-context`, the namespace written
    /// into the context).
    public let namespace: String?
    /// Whether `--all-namespaces` / `-A` is on.
    public let allNamespaces: Bool
    /// The value of `--context`.
    public let context: String?
    /// The value of `--selector` / `-l`.
    public let selector: String?
    /// The value of `--field-selector`.
    public let fieldSelector: String?
    /// The value of `--output` / `-o`.
    public let output: String?
    /// Every flag in the order typed, under canonical long names.
    public let flags: [ParsedFlag]
    /// Words that are not flags, flag values, the verb or the sub-command, before `--`.
    public let positionals: [String]
    /// The words after the first `--` that is not a flag value (`sh` in `exec web-0 -- sh`).
    public let afterDoubleDash: [String]
    /// Whether the line contains a `--` separator.
    public let hasDoubleDash: Bool
    /// Whether `--dry-run` asks for a dry run (`--dry-run`, `=client`, `=server`; not `=none`).
    public let isDryRun: Bool

    /// How the positional words are laid out, for canonical rewriting.
    let shape: ArgumentShape

    /// Parses words, with or without a leading `kubectl`.
    public static func parse(_ words: [String]) -> KubectlCommand {
        CommandParser(words: words).parse()
    }

    /// Splits a line with ``ShellWords/split(_:)`` and parses the words.
    /// - Throws: ``ShellWordsError`` when the quoting is unbalanced.
    public static func parse(line: String) throws(ShellWordsError) -> KubectlCommand {
        parse(try ShellWords.split(line))
    }

    /// The words without the leading `kubectl`, if any.
    public var withoutKubectlPrefix: [String] {
        hasKubectlPrefix ? Array(words.dropFirst()) : words
    }

    /// The single object this command focuses on (`describe pod web-0`, `logs web-0`,
    /// `exec -it web-0 -- sh`, `scale deploy web`, `rollout restart deploy/web`, `get pod
    /// web-0`, …); nil when it addresses no object or several.
    public var selectedObject: ObjectRef? {
        objects.count == 1 ? objects[0] : nil
    }

    /// Whether ``verb`` is a kubectl command the generated tables know.
    public var isKnownVerb: Bool {
        guard let verb else { return false }
        return KubectlCommandTable.spec(forVerb: verb) != nil
    }

    /// The spec of the command (or sub-command) in the generated tables.
    public var spec: KubectlVerbSpec? {
        guard let verb else { return nil }
        return KubectlCommandTable.spec(forVerb: verb, subverb: subverb)
    }

    /// The last occurrence of a flag, by canonical long name without dashes.
    public func flag(_ name: String) -> ParsedFlag? {
        flags.last { $0.name == name }
    }

    /// Whether a flag occurs, by canonical long name without dashes.
    public func hasFlag(_ name: String) -> Bool {
        flags.contains { $0.name == name }
    }

    /// Every value given for a flag, in order (`--from-literal`, `-f` may repeat).
    public func values(of name: String) -> [String] {
        flags.compactMap { $0.name == name ? $0.value : nil }
    }

    init(
        words: [String],
        hasKubectlPrefix: Bool,
        verb: String?,
        subverb: String?,
        layout: ArgumentLayout,
        flags: [ParsedFlag],
        positionals: [String],
        afterDoubleDash: [String],
        hasDoubleDash: Bool
    ) {
        self.words = words
        self.hasKubectlPrefix = hasKubectlPrefix
        self.verb = verb
        self.subverb = subverb
        self.resource = layout.resource
        self.resourceWord = layout.resourceWord
        self.resourceWords = layout.resourceWords
        self.names = layout.names
        self.objects = layout.objects
        self.arguments = layout.arguments
        self.shape = layout.shape
        self.flags = flags
        self.positionals = positionals
        self.afterDoubleDash = afterDoubleDash
        self.hasDoubleDash = hasDoubleDash

        var namespace: String?
        var allNamespaces = false
        var context: String?
        var selector: String?
        var fieldSelector: String?
        var output: String?
        var isDryRun = false
        for flag in flags {
            switch flag.name {
            case "namespace": namespace = flag.value
            case "all-namespaces": allNamespaces = flag.isOn
            case "context": context = flag.value
            case "selector": selector = flag.value
            case "field-selector": fieldSelector = flag.value
            case "output": output = flag.value
            case "dry-run":
                let value = flag.value?.lowercased()
                isDryRun = value != "none" && value != "false"
            default: break
            }
        }
        self.namespace = namespace
        self.allNamespaces = allNamespaces
        self.context = context
        self.selector = selector
        self.fieldSelector = fieldSelector
        self.output = output
        self.isDryRun = isDryRun
    }
}
