/// One change ``RequestEvidence`` made to an answer, with a typed kind so the shell, the benchmark and tests can tell
/// the fixes apart without reading their text.
public struct EvidenceFix: Sendable, Equatable, CustomStringConvertible {
    /// What was put right.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `-n` set to the namespace the request names.
        case namespace
        /// `-A` added for "all namespaces".
        case allNamespaces
        /// `-c` added for the container the request names.
        case container
        /// `--all` added for every object of a type.
        case all
        /// `--overwrite` added when an existing label or annotation changes value.
        case overwrite
        /// A label selector rewritten to the form the request's words ask for (`!key`, `key!=value`, `key in (a,b)`).
        case selector
        /// A field-selector term moved to where the API server accepts it.
        case fieldSelector
        /// A service account written in the form kubectl expects (`system:serviceaccount:NS:NAME`, `NS:NAME`).
        case identity
        /// The opposite verb or form (uncordon for cordon, a removal's trailing `-`).
        case antonym
        /// A value nobody asked for removed or replaced (an image tag, a port, a line count, a duration).
        case inventedValue
        /// A flag kubectl does not have, dropped from a read-only command.
        case unknownFlag
        /// The verb the request asks for (get for a request that deletes nothing, create for "create from a file").
        case verb
        /// The output the request asks for (`-o name`, `--show-labels`, `-w`).
        case output
        /// The objects written in the form kubectl reads them: `-f FILE`, `TYPE/NAME`, `events --for TYPE/NAME`,
        /// a label removal `KEY-`.
        case objectForm
    }

    /// The kind.
    public var kind: Kind
    /// What changed, as shown under the suggestion: `set -n shop`, `added --all`.
    public var detail: String

    /// Creates a fix.
    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail }
}
