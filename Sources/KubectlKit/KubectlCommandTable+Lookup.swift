extension KubectlCommandTable {
    /// The spec of a command, or of one of its sub-commands.
    ///
    /// - Parameters:
    ///   - verb: the top-level command, e.g. `rollout`.
    ///   - subverb: the sub-command path, e.g. `restart`, `secret generic`; names and
    ///     aliases (`top pods`) are both accepted. Nil asks for the verb itself.
    /// - Returns: nil when the verb or the sub-command is unknown.
    public static func spec(forVerb verb: String, subverb: String? = nil) -> KubectlVerbSpec? {
        guard let top = verbIndex[verb] else { return nil }
        guard let subverb, !subverb.isEmpty else { return top }
        var current = top
        for part in subverb.split(separator: " ") {
            guard let next = current.subcommand(named: String(part)) else { return nil }
            current = next
        }
        return current
    }

    /// The flag a command accepts under the given spelling.
    ///
    /// `flag` may be written `-n`, `n`, `--namespace`, `namespace`, `--namespace=x`
    /// or `-nshop` (the first letter after a single dash names the flag). The command's
    /// own flags are searched first, then those of its parent commands, then the
    /// global flags. With a nil `verb` only the global flags are searched.
    public static func flag(named flag: String, verb: String? = nil, subverb: String? = nil) -> KubectlFlagSpec? {
        let table = flagTable(verb: verb, subverb: subverb)
        var name = Substring(flag)
        if name.hasPrefix("--") {
            name = name.dropFirst(2)
            if let equals = name.firstIndex(of: "=") { name = name[..<equals] }
            return table.long[String(name)]
        }
        if name.hasPrefix("-") {
            guard let letter = name.dropFirst().first else { return nil }
            return table.short[String(letter)]
        }
        if name.count == 1 {
            return table.short[String(name)] ?? table.long[String(name)]
        }
        return table.long[String(name)]
    }

    // MARK: - Indexes

    /// Top-level commands by name.
    static let verbIndex: [String: KubectlVerbSpec] = {
        var index: [String: KubectlVerbSpec] = [:]
        for verb in verbs {
            index[verb.name] = verb
            for alias in verb.aliases where index[alias] == nil { index[alias] = verb }
        }
        return index
    }()

    /// The flags of the global options alone.
    static let globalFlagTable = FlagTable(layers: [globalFlags])

    /// Merged flag tables per command path ("create secret generic"), built once.
    static let commandFlagTables: [String: FlagTable] = {
        var tables: [String: FlagTable] = [:]
        func visit(_ spec: KubectlVerbSpec, path: String, parents: [[KubectlFlagSpec]]) {
            let layers = [spec.flags] + parents
            tables[path] = FlagTable(layers: layers + [globalFlags])
            for sub in spec.subcommands {
                visit(sub, path: path + " " + sub.name, parents: layers)
            }
        }
        for verb in verbs { visit(verb, path: verb.name, parents: []) }
        return tables
    }()

    /// Every flag any command knows, for words that come before the command name.
    static let anyCommandFlagTable: FlagTable = {
        var all: [[KubectlFlagSpec]] = [globalFlags]
        func visit(_ spec: KubectlVerbSpec) {
            all.append(spec.flags)
            spec.subcommands.forEach(visit)
        }
        verbs.forEach(visit)
        return FlagTable(layers: all, preferValued: true)
    }()

    /// The merged table for a command path, falling back to the nearest known parent
    /// and finally to the global flags.
    static func flagTable(verb: String?, subverb: String?) -> FlagTable {
        guard let verb, let top = verbIndex[verb] else { return globalFlagTable }
        var path = top.name
        var current = top
        if let subverb {
            for part in subverb.split(separator: " ") {
                guard let next = current.subcommand(named: String(part)) else { break }
                current = next
                path += " " + next.name
            }
        }
        return commandFlagTables[path] ?? globalFlagTable
    }
}
