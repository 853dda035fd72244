/// One thing k1 did to an answer or found out about it, shown in grey under the suggestion and reported by
/// `k1 ask --json` (`notes`), so that a script can tell a repaired answer from a pruned one without reading prose.
public struct AnswerNote: Sendable, Equatable, Codable {
    /// What kind of thing happened.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The model's output was not one plain command (a pipeline kept, several commands joined).
        case output
        /// An invented spelling of a real flag, or `TYPE NAME` where kubectl wants `TYPE/NAME`, was fixed.
        case flagSpelling
        /// A name or value garbled while copying it was copied again from the request.
        case recopied
        /// A label selector made out of a named namespace was read as the namespace.
        case selectorAsNamespace
        /// A namespace or container nobody mentioned was dropped.
        case madeUpDropped
        /// A pluralised short type name was fixed.
        case typeName
        /// A flag the request never asks for was dropped.
        case unaskedDropped
        /// A flag the request names was added.
        case askedAdded
        /// What the request names was checked on the parsed command and put right (container, `--all`, selectors…).
        case requestEvidence
        /// The first answer was wrong and a second candidate replaced it.
        case secondCandidate
        /// The targets were set to the rows the request picks from the last listing.
        case listingTargets
        /// The answer was not cached (it holds a secret value, or the cache could not be written).
        case notCached
        /// The answer came without the model (a fix from kubectl's help).
        case withoutModel
        /// The answer was begun while the request was typed.
        case begunWhileTyping
    }

    /// What kind of thing happened.
    public var kind: Kind
    /// One line for people.
    public var text: String

    /// Creates a note.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// Notes as one line, `; ` between them; nil for none.
    public static func joined(_ notes: [AnswerNote]) -> String? {
        notes.isEmpty ? nil : notes.map(\.text).joined(separator: "; ")
    }
}
