/// Everything kubectl's help says about one command path (`rollout undo`, `create secret generic`).
public struct KubectlCommandHelp: Sendable, Hashable {
    /// The canonical command path, e.g. `["rollout", "undo"]`.
    public let path: [String]
    /// Name, one-line summary, aliases, sub-commands and flags, from ``KubectlCommandTable``.
    public let spec: KubectlVerbSpec
    /// The usage line, e.g. `kubectl drain NODE [options]`.
    public let usage: String
    /// The description's paragraphs; the first is the one-line summary of the command.
    public let description: [String]
    /// The lines of the Examples section as printed (`# comment` lines, commands, blank lines).
    public let examples: [String]
    /// The command's own flags (its parents' flags included for sub-commands), with defaults, sorted by name.
    public let flags: [KubectlFlagHelp]

    /// Creates a command description.
    public init(path: [String], spec: KubectlVerbSpec, usage: String, description: [String], examples: [String],
                flags: [KubectlFlagHelp]) {
        self.path = path
        self.spec = spec
        self.usage = usage
        self.description = description
        self.examples = examples
        self.flags = flags
    }

    /// `rollout undo`.
    public var pathText: String { path.joined(separator: " ") }

    /// The first paragraph of the description, else the table's summary.
    public var headline: String { description.first ?? spec.summary }

    /// The flag of this command (or a global one) under any spelling: `-n`, `--namespace`, `--namespace=x`.
    public func flag(named spelling: String) -> KubectlFlagHelp? {
        guard let spec = KubectlCommandTable.flag(named: spelling, verb: path.first,
                                                 subverb: path.count > 1 ? path.dropFirst().joined(separator: " ") : nil)
        else { return nil }
        return flags.first { $0.spec.long == spec.long } ?? KubectlKnowledge.globalFlag(spec.long)
    }

    /// Sentences of the description that say what happens without one of the command's flags: `drain will not
    /// proceed without --ignore-daemonsets`, `will not delete any pods unless you use --force`. Keyed by the flag's
    /// long name.
    public var caveats: [(flag: String, sentence: String)] {
        var result: [(String, String)] = []
        for paragraph in description.dropFirst() {
            for sentence in Self.sentences(paragraph) {
                let lower = sentence.lowercased()
                guard lower.contains("without --") || lower.contains("unless you use --")
                    || lower.contains("must specify --") || lower.contains("requires --") else { continue }
                for flag in flags where Self.mentions(sentence, flag: flag.spec.long) {
                    if !result.contains(where: { $0.0 == flag.spec.long }) { result.append((flag.spec.long, sentence)) }
                }
            }
        }
        return result
    }

    /// Flags the usage line writes outside brackets (`--replicas=COUNT` in `kubectl scale … --replicas=COUNT …`,
    /// `--image=image` in `kubectl create deployment NAME --image=image …`): kubectl requires them.
    public var requiredFlags: [String] {
        var result: [String] = []
        var depth = 0
        var word = ""
        func flush() {
            if depth == 0, word.hasPrefix("--") {
                let name = String(word.dropFirst(2).prefix { $0 != "=" && $0 != " " })
                if flags.contains(where: { $0.spec.long == name }), !result.contains(name) { result.append(name) }
            }
            word = ""
        }
        for character in usage {
            switch character {
            case "[", "(":
                flush(); depth += 1
            case "]", ")":
                flush(); depth = max(0, depth - 1)
            case " ", "|":
                flush()
            default:
                word.append(character)
            }
        }
        flush()
        return result
    }

    static func sentences(_ paragraph: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character = " "
        for character in paragraph {
            if character == " ", previous == ".", !current.isEmpty {
                result.append(current.trimmed(of: " "))
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let last = current.trimmed(of: " ")
        if !last.isEmpty { result.append(last) }
        return result
    }

    static func mentions(_ sentence: String, flag: String) -> Bool {
        var search = sentence[...]
        while let range = search.firstRange(of: "--" + flag) {
            let after = search[range.upperBound...].first
            if after == nil || !(after!.isLetter || after!.isNumber || after! == "-") { return true }
            search = search[range.upperBound...]
        }
        return false
    }
}

extension String {
    func trimmed(of set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
