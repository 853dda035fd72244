import Session

/// One request in its session context, worked out once for everything a translation needs: the rows of the last
/// listing k1 picks for it, the context as the prompt shows it (its lines, and the same facts as the cache key's
/// fields), and the lines an answer's names are checked against.
public struct RequestRendering: Sendable, Equatable {
    /// The request, cleaned (``PromptBuilder/clean(_:)``).
    public let request: String
    /// The session context.
    public let context: SessionContext
    /// The rows of the last listing k1 picks for the request, if it picks by k1's rules (``ListingSelector``).
    public let pick: ListingPick?
    /// The context as the prompt shows it: only the picked rows, or the rows the request names by their whole names.
    public let rendered: RenderedContext
    /// The context lines with every listed row, also those the prompt leaves out: all real objects of the session.
    public let knownLines: [String]

    /// Renders `request` in `context`, showing at most `maxListingRows` rows of a listing.
    public init(request: String, context: SessionContext, maxListingRows: Int) {
        let cleaned = PromptBuilder.clean(request)
        self.request = cleaned
        self.context = context
        let pick = context.listing.flatMap { ListingSelector.pick(cleaned, listing: $0) }
        self.pick = pick
        let visible = PromptBuilder.shown(context, request: cleaned, pick: pick)
        rendered = ContextRenderer.render(visible, request: cleaned, maxRows: maxListingRows)
        knownLines = visible == context ? rendered.lines
            : ContextRenderer.render(context, request: cleaned, maxRows: maxListingRows).lines
    }

    /// The context fields of the answer cache key: those the prompt shows, and every row k1 picks (the prompt shows
    /// at most its row limit, and an answer for other rows must never come back from the cache).
    public var keyFields: [String: String] {
        var fields = rendered.fields
        if let pick { fields["picked"] = pick.keyText }
        return fields
    }
}
