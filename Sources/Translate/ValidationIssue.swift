/// Something wrong or doubtful about a proposed command, shown as a ⚠ label before the user runs it.
public struct ValidationIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The line does not start with `kubectl`.
        case notKubectl
        /// A pipeline, several commands, a redirect or a substitution: k1 cannot check it.
        case shellSyntax
        /// Quotes are not balanced.
        case syntax
        /// kubectl has no such command (it may be a plugin).
        case unknownVerb
        /// The command needs a sub-command (`rollout restart`, `set image`).
        case missingSubcommand
        /// A flag the command does not have.
        case unknownFlag
        /// `-n` on a cluster-scoped type such as nodes or namespaces.
        case namespaceOnClusterScoped
        /// Both `-n` and `-A`.
        case conflictingFlags
        /// A placeholder such as `<pod-name>` is left to fill in.
        case placeholder
        /// The model hit the token limit; the answer was cut off and repaired as far as possible.
        case truncated
        /// Reported by a ``CommandOracle`` (for example kubectl's own dry run).
        case rejectedByOracle
        /// An object name that the request and the session never mention.
        case unknownName
        /// A field selector the API server rejects for the type (`status.phase` on nodes, see `FieldSelectorKeys`) or
        /// a phase no object has.
        case fieldSelector
    }

    /// The kind.
    public var kind: Kind
    /// One short line, e.g. `--label is not a flag of kubectl get`.
    public var message: String

    /// Creates an issue.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
