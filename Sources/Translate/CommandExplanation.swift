import KubectlKit

/// What a kubectl command line does, from kubectl's own help and k1's session: built by ``CommandExplainer``,
/// printed by the shell's renderer. No model is involved.
public struct CommandExplanation: Sendable, Equatable {
    /// One positional word and what it is to kubectl.
    public struct Argument: Sendable, Equatable {
        /// The word as typed.
        public var word: String
        /// Its role: `TYPE`, `NAME`, `TYPE/NAME`, `argument`.
        public var role: String
        /// What it names, e.g. `resource type deployments`, `node worker-3`.
        public var meaning: String
    }

    /// One flag given on the line.
    public struct Flag: Sendable, Equatable {
        /// The flag as typed (`-n`, `--ignore-daemonsets`, `--output=json`).
        public var typed: String
        /// The canonical long name (`namespace`), or the name as typed for an unknown flag.
        public var name: String
        /// Its value, if it has one.
        public var value: String?
        /// kubectl's description; empty for an unknown flag.
        public var description: String
        /// Whether kubectl knows the flag for this command.
        public var isKnown: Bool
    }

    /// A flag left out whose absence changes what happens.
    public struct Omission: Sendable, Equatable {
        /// The long name, e.g. `ignore-daemonsets`.
        public var flag: String
        /// Its default as kubectl's help prints it (`false`, `'background'`).
        public var defaultValue: String
        /// Why it matters: the sentence of kubectl's help that says so, or the flag's description.
        public var note: String
    }

    /// The line as given.
    public var line: String
    /// The canonical command path (`rollout undo`); nil for an unknown command.
    public var path: String?
    /// The description's first paragraph.
    public var summary: String
    /// kubectl's usage line for the command.
    public var usage: String
    /// The positional words with their roles.
    public var arguments: [Argument]
    /// The flags given, in order.
    public var flags: [Flag]
    /// Flags left out that kubectl's help says matter, and flags the usage line requires.
    public var omitted: [Omission]
    /// The namespace it will run in, with where it comes from: `shop (k1 adds -n shop)`, `all namespaces`; nil
    /// when the command works in no namespace.
    public var namespace: String?
    /// The kube context it will use, with where it comes from; nil when unknown.
    public var context: String?
    /// The static risk label.
    public var risk: RiskAssessment
    /// What is not kubectl: unknown commands, sub-commands and flags, each named, with the nearest known name.
    public var problems: [String]
    /// What `/bin/sh` runs after kubectl (`| grep web`, `> pods.txt`); nil for a plain kubectl line.
    public var shellTail: String? = nil
}
