/// A session file that could not be used; `description` names the file, the line and what to fix.
public struct SessionFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Equatable {
        /// The file could not be opened or read (the system's reason: "no such file", "permission denied").
        case unreadable(String)
        /// The bytes of this line are not UTF-8.
        case invalidUTF8
        /// The line holds a NUL byte.
        case nulByte
        /// The header names a format version other than 1 (the version as written).
        case unsupportedVersion(String)
        /// A `#> key: value` line comes before any input line (the key).
        case annotationBeforeInput(String)
        /// A `#>` line without `key: value`.
        case malformedAnnotation
        /// A `#>` key other than ran, exit, answer, skipped, note.
        case unknownKey(String)
        /// An `exit` value that is not an integer (the value).
        case invalidExitStatus(String)
        /// A key that may appear once per input line appears again (the key and the input line's number).
        case duplicateKey(String, inputLine: Int)
    }

    /// The file path (or a name such as "<stdin>").
    public let source: String
    /// The 1-based line, when the problem is on one.
    public let line: Int?
    /// What is wrong.
    public let reason: Reason

    /// Creates an error.
    public init(source: String, line: Int? = nil, reason: Reason) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    /// The annotation keys a session file knows, in the order the writer emits them.
    static let knownKeys = ["answer", "ran", "exit", "skipped", "note"]

    public var description: String {
        let location = line.map { "\(source):\($0)" } ?? source
        return "\(location): \(message)"
    }

    /// The problem and its fix, without the location.
    public var message: String {
        switch reason {
        case .unreadable(let why):
            "cannot read the session file (\(why))"
        case .invalidUTF8:
            "not UTF-8 text; save the file as UTF-8"
        case .nulByte:
            "contains a NUL byte; session files are plain text"
        case .unsupportedVersion(let version):
            "session format '\(version)' is not supported; this k1 reads '\(SessionFile.header)'"
        case .annotationBeforeInput(let key):
            "'#> \(key):' comes before any input line; annotations belong under the line they describe"
        case .malformedAnnotation:
            "expected '#> key: value' (keys: \(Self.knownKeys.joined(separator: ", "))); use '#' for a comment"
        case .unknownKey(let key):
            "unknown annotation '#> \(key):' (known: \(Self.knownKeys.joined(separator: ", ")))"
        case .invalidExitStatus(let value):
            "'#> exit: \(value)' is not an integer exit status"
        case .duplicateKey(let key, let inputLine):
            "second '#> \(key):' for the input line \(inputLine); keep one"
        }
    }
}
