import Foundation

/// Records that a file matched a sha256 while it had a given size and modification time, so that a later check can
/// skip hashing it again while its ``FileStamp`` still shows the same size and time. Stored as one line:
/// `sha256 size mtime-nanoseconds`.
public struct ChecksumStamp: Sendable, Equatable {
    /// The sha256 the file matched (lowercase hex).
    public let sha256: String
    /// Its size then.
    public let size: Int64
    /// Its modification time then, in nanoseconds since 1970.
    public let modified: Int64

    /// Creates a stamp.
    public init(sha256: String, size: Int64, modified: Int64) {
        self.sha256 = sha256
        self.size = size
        self.modified = modified
    }

    /// The stamp a file with `file`'s size and modification time has when it matches `sha256`.
    public init(sha256: String, file: FileStamp) {
        self.init(sha256: sha256, size: file.size, modified: file.modifiedNanoseconds)
    }

    /// Parses the stamp line; nil when it is not one.
    public init?(parsing text: String) {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 3, fields[0].count == 64, fields[0].allSatisfy(\.isHexDigit),
              let size = Int64(fields[1]), let modified = Int64(fields[2]) else { return nil }
        self.init(sha256: fields[0].lowercased(), size: size, modified: modified)
    }

    /// The stamp line.
    public var text: String { "\(sha256) \(size) \(modified)\n" }
}
