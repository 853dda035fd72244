import Foundation
import KubectlKit
import Session

/// Renders the session context compactly for the prompt, showing only what is known and what the request may use:
/// never placeholder lines such as `ns: default` for an unknown namespace or `selected: none`.
///
/// - `ns: X`: the session namespace (`:ns`), which k1 adds to commands itself. The selection's and the listing's
///   namespaces, which it does not add, are on their lines.
/// - `last type: pods`: the last command's resource type, when the request names no type of its own or refers back.
/// - `selected: deployment/web in shop`: the focused object, whenever there is one.
/// - `last command (exit 1): kubectl get deploymnets` and its error lines: only when the request refers to it
///   (see ``ContextRenderer/refersToFailure(_:)``).
/// - `listed pods in shop:` plus a header and rows (`name STATUS READY RESTARTS`), failing rows first, at most
///   `maxRows`: only when the request may refer to the listing (see ``ContextRenderer/refersToListing(_:listing:)``).
public enum ContextRenderer {
    /// Columns shown for each listed row, in this order, when the listing has them.
    public static let listingColumns = ["STATUS", "READY", "RESTARTS"]

    /// Renders the parts of `context` that `request` may use.
    public static func render(_ context: SessionContext, request: String, maxRows: Int = 12) -> RenderedContext {
        var lines: [String] = []
        var fields: [String: String] = [:]
        let words = RequestWords(request)

        let listing = context.listing.flatMap { listing in
            !listing.objects.isEmpty && refersToListing(words, listing: listing) ? listing : nil
        }
        // Only the session namespace: k1 adds `-n` for it to every command, so the model must not. The namespaces of
        // the selection and the listing, which k1 does not add, are on their own lines.
        if let namespace = nonEmpty(context.namespace) {
            lines.append("ns: \(namespace)")
            fields["namespace"] = namespace
        }
        if let resource = nonEmpty(context.lastResource), words.refersBack || !words.namesResourceType {
            lines.append("last type: \(resource)")
            fields["lastResource"] = resource
        }
        if let selection = context.selection, !selection.name.isEmpty {
            let text = selectionText(selection)
            lines.append("selected: \(text)")
            fields["selection"] = text
        }
        if let listing {
            let listingLines = listingText(listing, maxRows: maxRows)
            lines += listingLines
            fields["listing"] = listingLines.joined(separator: "\n")
        }
        if let failure = context.lastFailure, refersToFailure(words) {
            let failureLines = failureText(failure)
            lines += failureLines
            fields["last"] = failureLines.joined(separator: "\n")
        }
        return RenderedContext(lines: lines, fields: fields)
    }

    /// `deployment/web in shop`: singular type (kubectl accepts `TYPE/NAME` with it), name, and namespace when known.
    public static func selectionText(_ selection: ObjectSelection) -> String {
        let type = ResourceCatalog.lookup(selection.resource)?.singular ?? selection.resource
        let base = type.isEmpty ? selection.name : "\(type)/\(selection.name)"
        guard let namespace = nonEmpty(selection.namespace) else { return base }
        return "\(base) in \(namespace)"
    }

    /// The listing's lines: a title, a header and at most `maxRows` rows, unhealthy first, then `(+N more)`, then
    /// `failing: NAME…` when some shown rows are unhealthy.
    public static func listingText(_ listing: Listing, maxRows: Int) -> [String] {
        let ordered = listing.objects.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element.healthy), rank(b.element.healthy))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let shown = Array(ordered.prefix(max(0, maxRows)))
        let showNamespace = nonEmpty(listing.namespace) == nil && shown.contains { nonEmpty($0.namespace) != nil }
        let columns = listingColumns.filter { column in shown.contains { nonEmpty($0.columns[column]) != nil } }

        var title = "listed " + (nonEmpty(listing.resource) ?? "objects")
        if let namespace = nonEmpty(listing.namespace) {
            title += " in \(namespace)"
        } else if showNamespace {
            title += " in all namespaces"
        }
        var lines = [title + ":"]
        lines.append(((showNamespace ? ["NAMESPACE"] : []) + ["NAME"] + columns).joined(separator: " "))
        for object in shown {
            var cells: [String] = []
            if showNamespace { cells.append(nonEmpty(object.namespace) ?? "-") }
            cells.append(rowName(object, listing: listing))
            for column in columns { cells.append(cell(object.columns[column], column: column)) }
            lines.append(cells.joined(separator: " "))
        }
        if listing.objects.count > shown.count {
            lines.append("(+\(listing.objects.count - shown.count) more)")
        }
        // The unhealthy rows once more, as the names a command needs: a small model copies one line far more reliably
        // than it picks rows by their status (measured: it added healthy pods that shared a failing pod's prefix).
        let failing = shown.filter { $0.healthy == false }.map { rowName($0, listing: listing) }
        if !failing.isEmpty {
            lines.append("failing: " + failing.joined(separator: " "))
        }
        return lines
    }

    /// Whether a request may refer to the listed rows: it uses a word that points back (`them`, `those`, `the failing
    /// ones`, `first`) or a status word (`crashing`, `pending`, `not ready`), or names a listed object (or the
    /// prefix of one, `payments-api` for `payments-api-7d9f8-x2k4q`). Erring towards yes costs prompt tokens only.
    public static func refersToListing(_ request: String, listing: Listing) -> Bool {
        refersToListing(RequestWords(request), listing: listing)
    }

    static func refersToListing(_ words: RequestWords, listing: Listing) -> Bool {
        if words.refersBack || !words.words.isDisjoint(with: listingWords) { return true }
        if words.words.contains(where: { word in statusPrefixes.contains { word.hasPrefix($0) } }) { return true }
        if words.text.contains("not ready") || words.text.contains("not running") { return true }
        for object in listing.objects where object.name.count >= 3 {
            if namePrefixes(object.name).contains(where: { words.text.contains($0) }) { return true }
        }
        return false
    }

    /// Words that point at rows of a listing.
    static let listingWords: Set<String> = [
        "ones", "one", "first", "second", "third", "oldest", "newest", "listed", "above", "broken", "unhealthy",
        "pending", "stuck", "dead", "notready", "evicted", "terminating", "restarted", "restarting",
    ]

    /// Prefixes of status words (`crash`, `crashing`, `crashloop`, `failed`, `failing`, `errors`, `oomkilled`).
    static let statusPrefixes = ["crash", "fail", "error", "err", "oom", "backoff", "imagepull", "unschedul"]

    /// The name and its shorter prefixes at dash boundaries, down to three characters: `payments-api-7d9f8-x2k4q`,
    /// `payments-api-7d9f8`, `payments-api`, `payments`.
    static func namePrefixes(_ name: String) -> [String] {
        var result = [name.lowercased()]
        var current = Substring(name.lowercased())
        while let dash = current.lastIndex(of: "-") {
            current = current[..<dash]
            if current.count >= 3 { result.append(String(current)) }
        }
        return result
    }

    private static func rank(_ healthy: Bool?) -> Int {
        switch healthy {
        case false?: 0
        case nil: 1
        case true?: 2
        }
    }

    private static func rowName(_ object: ListedObject, listing: Listing) -> String {
        guard nonEmpty(listing.resource) == nil, let resource = nonEmpty(object.resource) else { return object.name }
        return (ResourceCatalog.lookup(resource)?.singular ?? resource) + "/" + object.name
    }

    /// A cell trimmed for the prompt: `5 (2m ago)` becomes `5`; a missing cell is `-`.
    private static func cell(_ value: String?, column: String) -> String {
        guard let value = nonEmpty(value) else { return "-" }
        let firstWord = value.split(separator: " ").first.map(String.init) ?? value
        return column == "RESTARTS" ? firstWord : value.split(separator: " ").joined(separator: "_")
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
