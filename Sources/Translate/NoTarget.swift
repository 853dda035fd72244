/// Why k1 made no command for a request that picks rows of the last listing. Not an error: the answer is that
/// there is nothing to act on (or that one command cannot act on it), printed as one line.
public struct NoTarget: Sendable, Equatable, CustomStringConvertible {
    /// Which case.
    public enum Reason: String, Sendable, Equatable {
        /// No row of the listing matches the request.
        case nothingMatches
        /// The matching rows of an all-namespaces listing are in several namespaces.
        case severalNamespaces
    }

    /// Which case.
    public let reason: Reason
    /// The line to print: `nothing in the last listing (pods in shop) is failing`.
    public let message: String

    /// Creates one.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
