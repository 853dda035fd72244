/// Reads kubectl words into a ``KubectlCommand`` using the generated flag tables.
///
/// Two passes: the first finds the verb and its sub-commands (skipping flags, which
/// may come first), the second classifies every word with the flags of the command
/// found, so that flags may appear anywhere.
struct CommandParser {
    private let words: [String]
    private let body: [String]
    private let hasPrefix: Bool

    init(words: [String]) {
        self.words = words
        if let first = words.first, first == "kubectl" || first.hasSuffix("/kubectl") {
            hasPrefix = true
            body = Array(words.dropFirst())
        } else {
            hasPrefix = false
            body = words
        }
    }

    func parse() -> KubectlCommand {
        let (verbIndex, subIndices, subPath) = locateCommand()
        let verb = verbIndex.map { body[$0] }
        let subverb = subPath.isEmpty ? nil : subPath.joined(separator: " ")
        let table = KubectlCommandTable.flagTable(verb: verb, subverb: subverb)

        var flags: [ParsedFlag] = []
        var positionals: [String] = []
        var afterDoubleDash: [String] = []
        var hasDoubleDash = false
        var index = 0
        let reserved: (Int) -> Bool = { $0 == verbIndex || subIndices.contains($0) }
        while index < body.count {
            let word = body[index]
            if hasDoubleDash {
                afterDoubleDash.append(word)
                index += 1
            } else if word == "--" {
                hasDoubleDash = true
                index += 1
            } else if reserved(index) {
                index += 1
            } else if Self.isFlagWord(word) {
                let consumed = Self.scanFlag(at: index, in: body, into: &flags, mayConsume: { !reserved($0) }) { isLong, key in
                    isLong ? table.long[key] : table.short[key]
                }
                index += 1 + consumed
            } else {
                positionals.append(word)
                index += 1
            }
        }

        let layout = ArgumentReader(verb: verb, subPath: subPath, positionals: positionals).read()
        return KubectlCommand(
            words: words,
            hasKubectlPrefix: hasPrefix,
            verb: verb,
            subverb: subverb,
            layout: layout,
            flags: flags,
            positionals: positionals,
            afterDoubleDash: afterDoubleDash,
            hasDoubleDash: hasDoubleDash
        )
    }

    /// Finds the verb and the words naming its sub-commands.
    private func locateCommand() -> (verb: Int?, subIndices: [Int], subPath: [String]) {
        var discard: [ParsedFlag] = []
        var index = 0
        var verbIndex: Int?
        // Before the verb only global flags are certain; another command's valued flag
        // takes the next word unless that word is a command name.
        while index < body.count {
            let word = body[index]
            if word == "--" { return (nil, [], []) }
            if Self.isFlagWord(word) {
                discard.removeAll(keepingCapacity: true)
                let consumed = Self.scanFlag(
                    at: index, in: body, into: &discard,
                    mayConsume: { KubectlCommandTable.verbIndex[body[$0]] == nil }
                ) { isLong, key in
                    let global = isLong ? KubectlCommandTable.globalFlagTable.long[key] : KubectlCommandTable.globalFlagTable.short[key]
                    if let global { return global }
                    let any = KubectlCommandTable.anyCommandFlagTable
                    return isLong ? any.long[key] : any.short[key]
                }
                index += 1 + consumed
                continue
            }
            verbIndex = index
            break
        }
        guard let verbIndex, var current = KubectlCommandTable.verbIndex[body[verbIndex]] else {
            return (verbIndex, [], [])
        }

        var subIndices: [Int] = []
        var subPath: [String] = []
        index = verbIndex + 1
        while !current.subcommands.isEmpty, index < body.count {
            let table = KubectlCommandTable.flagTable(
                verb: body[verbIndex],
                subverb: subPath.isEmpty ? nil : subPath.joined(separator: " ")
            )
            var found = false
            while index < body.count {
                let word = body[index]
                if word == "--" { return (verbIndex, subIndices, subPath) }
                if Self.isFlagWord(word) {
                    discard.removeAll(keepingCapacity: true)
                    let consumed = Self.scanFlag(at: index, in: body, into: &discard, mayConsume: { _ in true }) { isLong, key in
                        isLong ? table.long[key] : table.short[key]
                    }
                    index += 1 + consumed
                    continue
                }
                if let sub = current.subcommand(named: word) {
                    subIndices.append(index)
                    subPath.append(sub.name)
                    current = sub
                    index += 1
                    found = true
                }
                break
            }
            if !found { break }
        }
        return (verbIndex, subIndices, subPath)
    }

    /// Whether a word is a flag: starts with `-`, is longer than `-`, and is not `--`.
    static func isFlagWord(_ word: String) -> Bool {
        guard word.utf8.first == ASCII.minus, word.utf8.count > 1 else { return false }
        return word != "--"
    }

    /// Reads the flag word at `index`, appending what it sets to `flags`.
    ///
    /// - Parameters:
    ///   - mayConsume: whether the word at a given index may be taken as a flag value.
    ///   - lookup: finds a flag by long name (`true`) or one-letter alias (`false`).
    /// - Returns: how many following words were taken as the value (0 or 1).
    static func scanFlag(
        at index: Int,
        in body: [String],
        into flags: inout [ParsedFlag],
        mayConsume: (Int) -> Bool,
        lookup: (Bool, String) -> KubectlFlagSpec?
    ) -> Int {
        let word = body[index]
        let hasNext = index + 1 < body.count && mayConsume(index + 1)
        if word.hasPrefix("--") {
            let text = word.dropFirst(2)
            if let equals = text.firstIndex(of: "=") {
                let key = String(text[..<equals])
                let value = String(text[text.index(after: equals)...])
                let spec = lookup(true, key) ?? helpFlag(key, isLong: true)
                flags.append(ParsedFlag(name: spec?.long ?? key, value: value, isKnown: spec != nil))
                return 0
            }
            let key = String(text)
            let spec = lookup(true, key) ?? helpFlag(key, isLong: true)
            if let spec, spec.consumesNextWord, hasNext {
                flags.append(ParsedFlag(name: spec.long, value: body[index + 1], isKnown: true))
                return 1
            }
            flags.append(ParsedFlag(name: spec?.long ?? key, value: nil, isKnown: spec != nil))
            return 0
        }

        // One or more one-letter flags: `-it`, `-nshop`, `-n=shop`, `-owide`.
        let letters = Array(word.unicodeScalars.dropFirst())
        var position = 0
        while position < letters.count {
            let letter = String(letters[position])
            let spec = lookup(false, letter) ?? helpFlag(letter, isLong: false)
            let rest = position + 1 < letters.count ? letters[(position + 1)...] : []
            guard let spec else {
                flags.append(ParsedFlag(name: letter, value: nil, isKnown: false))
                position += 1
                continue
            }
            if let first = rest.first, first == "=" {
                flags.append(ParsedFlag(name: spec.long, value: String(String.UnicodeScalarView(rest.dropFirst())), isKnown: true))
                return 0
            }
            if spec.takesValue {
                if !rest.isEmpty {
                    flags.append(ParsedFlag(name: spec.long, value: String(String.UnicodeScalarView(rest)), isKnown: true))
                    return 0
                }
                if spec.consumesNextWord, hasNext {
                    flags.append(ParsedFlag(name: spec.long, value: body[index + 1], isKnown: true))
                    return 1
                }
                flags.append(ParsedFlag(name: spec.long, value: nil, isKnown: true))
                return 0
            }
            flags.append(ParsedFlag(name: spec.long, value: nil, isKnown: true))
            position += 1
        }
        return 0
    }

    /// `-h` / `--help`, which every kubectl command accepts but no help text lists.
    private static let help = KubectlFlagSpec(long: "help", short: "h", takesValue: false, summary: "Help for the command")

    private static func helpFlag(_ key: String, isLong: Bool) -> KubectlFlagSpec? {
        (isLong ? key == "help" : key == "h") ? help : nil
    }
}
