import KubectlKit

/// The words of a kubectl line with the flags located, so a fix can set, replace or remove one flag and leave every
/// other word as it was.
struct CommandWords: Sendable {
    /// One flag as written: the words it spans and where its value is.
    struct Span: Sendable {
        /// The canonical flag.
        let flag: ParsedFlag
        /// The index of the flag's word.
        let index: Int
        /// Whether the value is in the next word (`-n shop`) rather than the flag's own word (`-n=shop`, `-nshop`).
        let valueInNextWord: Bool
    }

    /// The words, starting with `kubectl`.
    private(set) var words: [String]

    /// The words of `command`, or nil for a line with shell syntax, bad quoting or not starting with `kubectl`.
    init?(_ command: String) {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return nil
        }
        self.words = words
    }

    /// The command parsed.
    var parsed: KubectlCommand { KubectlCommand.parse(words) }

    /// The line, each word quoted as needed.
    var line: String { ShellWords.join(words) }

    /// Every flag before `--`, in order.
    var spans: [Span] {
        var spans: [Span] = []
        var index = 1
        while index < words.count, words[index] != "--" {
            let word = words[index]
            guard word.hasPrefix("-"), word.count > 1,
                  let last = KubectlCommand.parse(Array(words[0...index])).flags.last else {
                index += 1
                continue
            }
            let glued = word.contains("=") || (word.count > 2 && !word.hasPrefix("--"))
            let next = !glued && index + 1 < words.count
            if next, let value = KubectlCommand.parse(Array(words[0...(index + 1)])).flags.last?.value,
               value == words[index + 1], words[index + 1] != "--" {
                spans.append(Span(flag: ParsedFlag(name: last.name, value: value, isKnown: last.isKnown), index: index,
                                  valueInNextWord: true))
                index += 2
            } else {
                spans.append(Span(flag: last, index: index, valueInNextWord: false))
                index += 1
            }
        }
        return spans
    }

    /// The words before `--` that are neither a flag nor a flag's value, in order (`kubectl` itself left out).
    var positional: [String] { positionalIndices.map { words[$0] } }

    /// The indices in ``words`` of the ``positional`` words.
    var positionalIndices: [Int] {
        let end = words.firstIndex(of: "--") ?? words.count
        var taken = Set<Int>()
        for span in spans {
            taken.insert(span.index)
            if span.valueInNextWord { taken.insert(span.index + 1) }
        }
        return (1..<max(1, end)).filter { !taken.contains($0) }
    }

    /// The first span of the flag with canonical `name`.
    func span(_ name: String) -> Span? { spans.first { $0.flag.name == name } }

    /// The text of a span (`-n shop`, `--tail=20`).
    func text(of span: Span) -> String {
        span.valueInNextWord ? words[span.index] + " " + words[span.index + 1] : words[span.index]
    }

    /// Sets the value of the flag in `span`, keeping its spelling.
    mutating func setValue(_ value: String, of span: Span) {
        if span.valueInNextWord {
            words[span.index + 1] = value
        } else if let equals = words[span.index].firstIndex(of: "=") {
            words[span.index] = String(words[span.index][...equals]) + value
        } else {
            words[span.index] = (words[span.index].hasPrefix("--") ? words[span.index] + "=" : String(words[span.index].prefix(2))) + value
        }
    }

    /// Removes the words of `span`.
    mutating func remove(_ span: Span) {
        words.removeSubrange(span.index...(span.valueInNextWord ? span.index + 1 : span.index))
    }

    /// Appends words at the end of the flags, before `--` when there is one.
    mutating func append(_ added: [String]) {
        if let dash = words.firstIndex(of: "--") {
            words.insert(contentsOf: added, at: dash)
        } else {
            words += added
        }
    }

    /// Removes the words at `indices` (any of them, `--` and what follows included).
    mutating func remove(at indices: some Sequence<Int>) {
        for index in Set(indices).sorted(by: >) where words.indices.contains(index) && index > 0 { words.remove(at: index) }
    }

    /// Removes the first positional word equal to `word` (before `--`).
    mutating func removeWord(_ word: String) {
        let end = words.firstIndex(of: "--") ?? words.count
        if let index = words[1..<end].firstIndex(of: word) { words.remove(at: index) }
    }

    /// Replaces the first positional word equal to `old` (before `--`) with `new`.
    mutating func replaceWord(_ old: String, with new: String) {
        let end = words.firstIndex(of: "--") ?? words.count
        if let index = words[1..<end].firstIndex(of: old) { words[index] = new }
    }
}
