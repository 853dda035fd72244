import Foundation
import Support

extension ModelInstaller {
    /// Records that a model file matched its sha256 while it had a given size and modification time,
    /// so a later install can skip hashing it again. Stored as one line: `sha256 size mtime-nanoseconds`.
    public struct Stamp: Sendable, Equatable {
        /// The sha256 the file matched.
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

        /// Parses the stamp line; nil when it is not one.
        public init?(parsing text: String) {
            let fields = text.split(whereSeparator: \.isWhitespace)
            guard fields.count == 3, fields[0].count == 64, fields[0].allSatisfy(\.isHexDigit),
                  let size = Int64(fields[1]), let modified = Int64(fields[2]) else { return nil }
            self.init(sha256: fields[0].lowercased(), size: size, modified: modified)
        }

        /// The stamp line.
        public var text: String { "\(sha256) \(size) \(modified)\n" }

        /// Size and modification time (nanoseconds) of a regular file, nil if there is none.
        public static func fileInfo(_ url: URL) -> (size: Int64, modified: Int64)? {
            guard let stamp = FileStamp.of(url), stamp.isRegularFile else { return nil }
            return (stamp.size, stamp.modifiedNanoseconds)
        }
    }
}
