/// kubectl's own help for every command path, generated from the installed kubectl (see
/// `Generated/generate-tables.py`): descriptions, usage, examples and flag defaults, joined with the flags of
/// ``KubectlCommandTable``. The text is parsed once, on first use; nothing is read at start-up.
///
/// ```swift
/// let undo = KubectlKnowledge.command(path: ["rollout", "undo"])
/// undo?.headline                                  // "Roll back to a previous rollout."
/// undo?.flag(named: "--to-revision")?.defaultValue // "0"
/// ```
public enum KubectlKnowledge {
    /// The help of a command path. Aliases are accepted (`["top", "pods"]`, `["create", "deploy"]`); the result
    /// carries the canonical path. Nil when kubectl has no such command.
    public static func command(path: [String]) -> KubectlCommandHelp? {
        guard let verb = path.first, let top = KubectlCommandTable.spec(forVerb: verb) else { return nil }
        var canonical = [top.name]
        var spec = top
        var inherited: [KubectlFlagSpec] = []
        for word in path.dropFirst() {
            guard let next = spec.subcommand(named: word) else { return nil }
            inherited = spec.flags + inherited
            spec = next
            canonical.append(next.name)
        }
        let record = index.commands[canonical.joined(separator: " ")]
        // A parent's flag has its default in the parent's record.
        let records = (1...canonical.count).reversed().compactMap {
            index.commands[canonical.prefix($0).joined(separator: " ")]
        }
        var seen: Set<String> = []
        var flags: [KubectlFlagHelp] = []
        for flag in spec.flags + inherited where seen.insert(flag.long).inserted {
            let defaultValue = records.lazy.compactMap { $0.defaults[flag.long] }.first ?? ""
            flags.append(KubectlFlagHelp(spec: flag, defaultValue: defaultValue, isGlobal: false))
        }
        flags.sort { $0.spec.long < $1.spec.long }
        return KubectlCommandHelp(path: canonical, spec: spec, usage: record?.usage ?? "",
                                  description: record?.description ?? [], examples: record?.examples ?? [],
                                  flags: flags)
    }

    /// The help of a command path written as words: `"rollout undo"`.
    public static func command(_ path: String) -> KubectlCommandHelp? {
        command(path: path.split(separator: " ").map(String.init))
    }

    /// The help of the command a parsed line runs (its verb and sub-command path).
    public static func command(for command: KubectlCommand) -> KubectlCommandHelp? {
        guard let verb = command.verb else { return nil }
        return self.command(path: [verb] + (command.subverb?.split(separator: " ").map(String.init) ?? []))
    }

    /// Every canonical command path kubectl's help knows, sorted: `annotate`, …, `rollout undo`, ….
    public static var paths: [String] { index.commands.keys.sorted() }

    /// The flags every command accepts (`kubectl options`), with their defaults.
    public static var globalFlags: [KubectlFlagHelp] {
        KubectlCommandTable.globalFlags.map { globalFlag(for: $0) }
    }

    /// A global flag by long name (`namespace`), or nil.
    public static func globalFlag(_ long: String) -> KubectlFlagHelp? {
        KubectlCommandTable.globalFlags.first { $0.long == long }.map { globalFlag(for: $0) }
    }

    private static func globalFlag(for spec: KubectlFlagSpec) -> KubectlFlagHelp {
        KubectlFlagHelp(spec: spec, defaultValue: index.globalDefaults[spec.long] ?? "", isGlobal: true)
    }

    // MARK: - The parsed text

    struct Record {
        var usage = ""
        var description: [String] = []
        var examples: [String] = []
        var defaults: [String: String] = [:]
    }

    struct Index {
        var commands: [String: Record] = [:]
        var globalDefaults: [String: String] = [:]
    }

    /// Parsed on first use.
    static let index: Index = parse(text)

    /// Reads the record lines of ``text`` (format in `generate-tables.py`).
    static func parse(_ text: String) -> Index {
        var index = Index()
        var path: String?
        var record = Record()
        func finish() {
            if let path { index.commands[path] = record }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard let kind = fields.first, fields.count >= 2 else { continue }
            switch kind {
            case "C":
                finish()
                path = fields[1]
                record = Record(usage: fields.count > 2 ? fields[2] : "")
            case "D":
                record.description.append(fields[1])
            case "E":
                record.examples.append(fields[1])
            case "F" where fields.count > 2:
                record.defaults[fields[1]] = fields[2]
            case "G" where fields.count > 2:
                index.globalDefaults[fields[1]] = fields[2]
            default:
                continue
            }
        }
        finish()
        return index
    }
}
