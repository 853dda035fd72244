/// What `HistoryStore.load()` found.
public struct HistoryLoadResult: Sendable, Equatable {
    /// The entries, oldest first.
    public var entries: [String]
    /// One line for the user when the file could not be used (corrupt and moved to a numbered `.bak.N`, or unreadable); nil otherwise.
    public var warning: String?

    /// Creates a result.
    public init(entries: [String], warning: String? = nil) {
        self.entries = entries
        self.warning = warning
    }
}
