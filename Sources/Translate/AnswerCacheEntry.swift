import Foundation

/// One cached answer: a request and the command that answers it, with its provenance and usage.
public struct AnswerCacheEntry: Sendable, Equatable, Codable {
    /// Where the command came from.
    public enum Source: String, Sendable, Equatable, Codable {
        /// The model's sanitized answer.
        case model
        /// The user's edit of the model's answer ("learning from edits").
        case edited
    }

    /// The ``AnswerCacheKey`` value.
    public var key: String
    /// The request as typed (for `k1 cache list`; the key holds the normalised form).
    public var request: String
    /// The kubectl command.
    public var command: String
    /// When the answer was stored; the TTL counts from here.
    public var created: Date
    /// When it was last returned by a lookup (or stored).
    public var lastUsed: Date
    /// How many lookups returned it.
    public var uses: Int
    /// The model whose prompt produced it.
    public var model: String
    /// The prompt version it was produced with.
    public var promptVersion: String
    /// Model answer or user edit.
    public var source: Source

    /// Creates an entry.
    public init(key: String, request: String, command: String, created: Date, lastUsed: Date, uses: Int = 0,
                model: String, promptVersion: String, source: Source) {
        self.key = key
        self.request = request
        self.command = command
        self.created = created
        self.lastUsed = lastUsed
        self.uses = uses
        self.model = model
        self.promptVersion = promptVersion
        self.source = source
    }
}
