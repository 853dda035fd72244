import Foundation

/// A summary of the answer cache, for `k1 cache stats`.
public struct AnswerCacheStats: Sendable, Equatable {
    /// The cache file.
    public var url: URL
    /// Live (unexpired) entries.
    public var entries: Int
    /// Entries learned from the user's edits.
    public var editedEntries: Int
    /// Hits recorded over all entries.
    public var hits: Int
    /// The file's size in bytes (0 when it does not exist yet).
    public var fileBytes: Int
    /// When the oldest entry was stored.
    public var oldest: Date?
    /// When the newest entry was stored.
    public var newest: Date?
}
