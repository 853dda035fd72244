/// How much of one output stream a run keeps.
public struct ProcessCaptureLimit: Sendable, Equatable {
    /// Which part of a stream longer than the limit is kept.
    public enum Keep: Sendable, Equatable {
        /// The first bytes: what comes after the limit is dropped.
        case first
        /// The last bytes: what came before them is dropped (the end of an error output is what explains it).
        case last
    }

    /// Most bytes kept.
    public var bytes: Int
    /// Which bytes are kept when there are more.
    public var keep: Keep

    /// A limit of `bytes`, keeping the first ones unless `keep` says otherwise.
    public init(bytes: Int, keep: Keep = .first) {
        self.bytes = max(0, bytes)
        self.keep = keep
    }

    /// Nothing kept (the output is still read, so the child never blocks on a full pipe).
    public static let discard = ProcessCaptureLimit(bytes: 0)
}
