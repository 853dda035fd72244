/// The session context as the prompt shows it: the lines written before the request, and the same facts as fields
/// for the answer cache key. Fields are present exactly when their lines are.
public struct RenderedContext: Sendable, Equatable {
    /// Lines for the user message, e.g. `ns: shop`, `selected: deployment/web in shop`.
    public var lines: [String]
    /// The facts the lines carry, keyed `namespace`, `lastResource`, `selection`, `listing`, `last`.
    public var fields: [String: String]

    /// Creates a rendered context.
    public init(lines: [String] = [], fields: [String: String] = [:]) {
        self.lines = lines
        self.fields = fields
    }

    /// Nothing known.
    public static let empty = RenderedContext()
}
