/// The bytes of one output stream kept within a ``ProcessCaptureLimit``; the rest is counted and dropped.
public struct BoundedCapture: Sendable, Equatable {
    /// The limit applied.
    public let limit: ProcessCaptureLimit
    /// The bytes kept.
    public private(set) var bytes: [UInt8] = []
    /// Whether bytes were dropped.
    public private(set) var truncated = false

    /// An empty capture under `limit`.
    public init(limit: ProcessCaptureLimit) {
        self.limit = limit
    }

    /// Adds the next chunk of the stream.
    public mutating func append(_ chunk: some Collection<UInt8>) {
        guard !chunk.isEmpty else { return }
        switch limit.keep {
        case .first:
            let room = limit.bytes - bytes.count
            if chunk.count > room { truncated = true }
            if room > 0 { bytes.append(contentsOf: chunk.prefix(room)) }
        case .last:
            bytes.append(contentsOf: chunk)
            if bytes.count > limit.bytes {
                truncated = true
                bytes.removeFirst(bytes.count - limit.bytes)
            }
        }
    }
}
