/// How one produced command compares with a case's expected commands.
public struct BenchmarkScore: Sendable, Equatable, Codable {
    /// Identical to an expected command after whitespace folding.
    public var exact: Bool
    /// The same command as an expected one after normalisation (implied by `exact`).
    public var semantic: Bool
    /// The expected command it matched (exactly, else semantically), if any.
    public var matched: String?

    /// Creates a score.
    public init(exact: Bool, semantic: Bool, matched: String? = nil) {
        self.exact = exact
        self.semantic = semantic
        self.matched = matched
    }

    /// No match.
    public static let miss = BenchmarkScore(exact: false, semantic: false)
}
