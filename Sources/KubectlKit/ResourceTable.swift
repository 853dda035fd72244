/// One table of `kubectl get` output: a header line and its rows.
public struct ResourceTable: Sendable, Hashable {
    /// The type listed: from the `kind/` prefix of the names in multi-type output,
    /// otherwise the parser's default; nil when unknown.
    public let resource: ResourceType?
    /// The `kind` prefix of the names as printed (`pod`, `deployment.apps`), if any.
    public let resourceWord: String?
    /// The column headers in order, e.g. `NAME`, `READY`, `NOMINATED NODE`.
    public let columns: [String]
    /// The rows in output order.
    public let rows: [ListingRow]

    /// Creates a table.
    public init(resource: ResourceType?, resourceWord: String? = nil, columns: [String], rows: [ListingRow]) {
        self.resource = resource
        self.resourceWord = resourceWord
        self.columns = columns
        self.rows = rows
    }
}
