/// One input line of a session file with the annotations that follow it.
public struct SessionEntry: Sendable, Equatable {
    /// 1-based line number of the input line in its file (0 for entries not read from a file).
    public var lineNumber: Int
    /// The line as typed: a kubectl line, a bare verb, `:meta`, `!shell` or a `?request`.
    public var input: String
    /// `#> ran:` the kubectl command line that actually ran.
    public var ran: String?
    /// `#> exit:` its exit status.
    public var exitStatus: Int32?
    /// `#> answer:` the model's answer to a `?` line.
    public var answer: String?
    /// `#> skipped:` why nothing ran (declined, refused, dry run…).
    public var skipped: String?
    /// `#> note:` free text, in order.
    public var notes: [String]

    /// Creates an entry.
    public init(lineNumber: Int = 0, input: String, ran: String? = nil, exitStatus: Int32? = nil,
                answer: String? = nil, skipped: String? = nil, notes: [String] = []) {
        self.lineNumber = lineNumber
        self.input = input
        self.ran = ran
        self.exitStatus = exitStatus
        self.answer = answer
        self.skipped = skipped
        self.notes = notes
    }
}
