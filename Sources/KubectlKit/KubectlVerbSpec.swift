/// A kubectl command (`get`) or sub-command (`rollout restart`, `create secret generic`).
public struct KubectlVerbSpec: Sendable, Hashable {
    /// The command's own name, e.g. `get`, `restart`, `generic`.
    public let name: String
    /// The one-line description kubectl prints in its command lists.
    public let summary: String
    /// Other names kubectl accepts for the command (`pods` and `po` for `top pod`).
    public let aliases: [String]
    /// Sub-commands, sorted by name; empty for leaf commands.
    public let subcommands: [KubectlVerbSpec]
    /// The command's own flags, sorted by long name; global flags are in ``KubectlCommandTable/globalFlags``.
    public let flags: [KubectlFlagSpec]

    /// Creates a command description.
    public init(
        name: String,
        summary: String,
        aliases: [String] = [],
        subcommands: [KubectlVerbSpec] = [],
        flags: [KubectlFlagSpec] = []
    ) {
        self.name = name
        self.summary = summary
        self.aliases = aliases
        self.subcommands = subcommands
        self.flags = flags
    }

    /// Whether `word` is the command's name or one of its aliases.
    public func isNamed(_ word: String) -> Bool {
        name == word || aliases.contains(word)
    }

    /// The sub-command called `word` (by name or alias), if any.
    public func subcommand(named word: String) -> KubectlVerbSpec? {
        subcommands.first { $0.isNamed(word) }
    }
}
