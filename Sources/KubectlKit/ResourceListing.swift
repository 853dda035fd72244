/// Everything one `kubectl get` printed: one table per resource type.
public struct ResourceListing: Sendable, Hashable {
    /// The tables in output order; empty for "No resources found".
    public let tables: [ResourceTable]

    /// Creates a listing.
    public init(tables: [ResourceTable]) {
        self.tables = tables
    }

    /// Every row of every table, in output order.
    public var rows: [ListingRow] { tables.flatMap(\.rows) }

    /// Whether no table has a row.
    public var isEmpty: Bool { tables.allSatisfy { $0.rows.isEmpty } }

    /// The rows whose ``ListingRow/isHealthy`` is false: "the failing ones".
    public var unhealthyRows: [ListingRow] { rows.filter { $0.isHealthy == false } }
}
