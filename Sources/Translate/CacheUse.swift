/// How one translation may use the answer cache.
public enum CacheUse: Sendable, Equatable {
    /// Read a hit; store a fresh answer (the normal case).
    case readWrite
    /// Read a hit, but store nothing: for work done ahead of the user's Enter, whose text may never be entered. A fresh
    /// answer that would have been stored carries it in ``Translation/storable``; ``Translator/commit(_:request:)`` stores it
    /// once the user has entered that very text.
    case readOnly
    /// Neither read nor write.
    case off

    /// Whether a hit may answer.
    var reads: Bool { self != .off }
}
