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

    /// `TYPE/NAME`-free words naming the rows for a command: `web-1 worker-5c8d-abcde` after the type word, or
    /// `pod/web-1 service/web` when the listing mixes types.
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

/// What a request came to: a command to pre-fill, or no command with the reason.
public enum TranslationOutcome: Sendable, Equatable {
    /// A command (fresh or cached), checked and labelled.
    case command(Translation)
    /// No command: the request picks rows of the last listing that one command cannot act on.
    case noTarget(NoTarget)
}
