/// What ``OutputSanitizer`` made of a model's raw output.
public struct SanitizedOutput: Sendable, Equatable {
    /// The kubectl command, on one line; nil when the output held none.
    public var command: String?
    /// One line about what was unusual (a pipeline kept, commands joined, no command found and why); nil otherwise.
    public var note: String?

    /// Creates a result.
    public init(command: String?, note: String? = nil) {
        self.command = command
        self.note = note
    }
}
