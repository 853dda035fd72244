import Foundation
import KubectlKit
import Session

/// The rows of the last listing that a request picks (``ListingSelector``), and what k1 says when one command
/// cannot act on them.
public struct ListingPick: Sendable, Equatable {
    /// The state the rows were picked by, as in "nothing … is failing": `failing`, `pending and named web…`.
    public var state: String
    /// The picked rows, in listing order.
    public var rows: [ListedObject]
    /// The listing they come from.
    public var listing: Listing

    /// Creates a pick.
    public init(state: String, rows: [ListedObject], listing: Listing) {
        self.state = state
        self.rows = rows
        self.listing = listing
    }

    /// `pods in shop`, `pods in all namespaces`, `nodes`.
    public var listingDescription: String {
        var text = listing.resource ?? "objects"
        if let namespace = listing.namespace {
            text += " in \(namespace)"
        } else if listing.objects.contains(where: { $0.namespace != nil }) {
            text += " in all namespaces"
        }
        return text
    }

    /// The namespaces of the picked rows, sorted (empty for cluster-scoped rows).
    public var namespaces: [String] {
        Array(Set(rows.compactMap { $0.namespace ?? listing.namespace })).sorted()
    }

    /// Why no command can be made, or nil when one can: no row matches, or the rows span several namespaces.
    public var refusal: NoTarget? {
        if rows.isEmpty {
            let verb = state.hasPrefix("named") ? state : "is \(state)"
            return NoTarget(.nothingMatches, "nothing in the last listing (\(listingDescription)) \(verb)")
        }
        let spread = namespaces
        if spread.count > 1 {
            return NoTarget(.severalNamespaces,
                            "the \(state) \(listing.resource ?? "objects") are in \(spread.count) namespaces "
                                + "(\(spread.joined(separator: ", "))); one command cannot cover them: ask for one namespace")
        }
        return nil
    }

    /// The words that name the rows in a command: the type then the names (`pod web-1 worker-5c8d-abcde`), or
    /// `TYPE/NAME` words (`pod/web-1 service/web`) when the listing mixes types.
    public var objectWords: [String] {
        if let resource = listing.resource {
            let type = ResourceCatalog.lookup(resource)?.singular ?? resource
            return [type] + rows.map(\.name)
        }
        return rows.map { row in
            guard let resource = row.resource else { return row.name }
            return (ResourceCatalog.lookup(resource)?.singular ?? resource) + "/" + row.name
        }
    }

    /// The cache-key text of the pick: the state and the picked rows with their namespaces.
    var keyText: String {
        ([state] + rows.map { ($0.namespace.map { $0 + "/" } ?? "") + $0.name }).joined(separator: " ")
    }
}
