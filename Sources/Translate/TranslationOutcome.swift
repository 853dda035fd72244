/// What a request came to: a command to pre-fill, or no command with the reason.
public enum TranslationOutcome: Sendable, Equatable {
    /// A command (fresh or cached), checked and labelled.
    case command(Translation)
    /// No command: the request picks rows of the last listing that one command cannot act on.
    case noTarget(NoTarget)
}
