import Foundation
import KubectlKit

extension ContextTracker {
    /// The lines `:context` prints: namespace and kube context in force (and where they come from),
    /// the last namespace and resource, the selection, the last failed command with its error lines, and the last
    /// listing with each object's status,
    /// unhealthy ones marked `[unhealthy]`. Plain text; at most `maxObjects` objects are listed.
    public static func summary(_ context: SessionContext, maxObjects: Int = 20) -> [String] {
        var lines: [String] = []
        if let namespace = context.namespace {
            lines.append("namespace: \(namespace) (set with :ns)")
        } else if let namespace = context.kubeconfigNamespace {
            lines.append("namespace: \(namespace) (kubeconfig)")
        } else {
            lines.append("namespace: default (kubeconfig sets none)")
        }
        if let session = context.kubeContext {
            let kubeconfig = context.kubeconfigContext.flatMap { $0 == session ? nil : "; kubeconfig: \($0)" } ?? ""
            lines.append("context: \(session) (set with :ctx\(kubeconfig))")
        } else if let kubeconfig = context.kubeconfigContext {
            lines.append("context: \(kubeconfig) (kubeconfig)")
        } else {
            lines.append("context: none (kubeconfig has no current context)")
        }
        if let namespace = context.lastNamespace { lines.append("last namespace: \(namespace)") }
        if let resource = context.lastResource { lines.append("last resource: \(resource)") }
        if let selection = context.selection {
            let place = selection.namespace.map { " in \($0)" } ?? ""
            lines.append("selection: \(selection.resource)/\(selection.name)\(place)")
        }
        if let failure = context.lastFailure {
            lines.append("last failed: \(failure.command) (exit \(failure.exitStatus))")
            lines += failure.errorLines.map { "  " + $0 }
        }
        guard let listing = context.listing else {
            lines.append("listing: none")
            return lines
        }
        lines.append("listing: \(listing.command) — \(headline(listing))")
        let shown = listing.objects.prefix(max(0, maxObjects))
        let names = shown.map { displayName($0, in: listing) }
        let width = names.map(\.count).max() ?? 0
        for (object, name) in zip(shown, names) {
            var line = "  " + name
            let status = statusText(object.columns)
            if !status.isEmpty { line += String(repeating: " ", count: width - name.count) + "  " + status }
            if object.healthy == false { line += "  [unhealthy]" }
            lines.append(line)
        }
        if listing.objects.count > shown.count {
            lines.append("  … and \(listing.objects.count - shown.count) more")
        }
        return lines
    }

    /// "3 pods in shop, 1 unhealthy".
    static func headline(_ listing: Listing) -> String {
        let count = listing.objects.count
        guard count > 0 else { return "no objects" }
        var noun = count == 1 ? "object" : "objects"
        if let resource = listing.resource {
            noun = count == 1 ? (ResourceCatalog.lookup(resource)?.singular ?? resource) : resource
        }
        var text = "\(count) \(noun)"
        if let namespace = listing.namespace { text += " in \(namespace)" }
        let unhealthy = listing.objects.filter { $0.healthy == false }.count
        if unhealthy > 0 { text += ", \(unhealthy) unhealthy" }
        return text
    }

    /// The object's name, with its type when the listing mixes types and its namespace when it spans several.
    static func displayName(_ object: ListedObject, in listing: Listing) -> String {
        var name = object.name
        if listing.resource == nil, let resource = object.resource { name = "\(resource)/\(name)" }
        if listing.namespace == nil, let namespace = object.namespace { name += " (\(namespace))" }
        return name
    }

    /// The status cells worth reading, in order: `Running, ready 1/2, restarts 4`.
    static func statusText(_ columns: [String: String]) -> String {
        func value(_ column: String) -> String? {
            guard let cell = columns[column]?.trimmingCharacters(in: .whitespaces), !cell.isEmpty,
                  cell != "<none>", cell != "<unknown>" else { return nil }
            return cell
        }
        var parts: [String] = []
        if let type = value("TYPE"), let reason = value("REASON") { parts.append("\(type) \(reason)") }
        if let status = value("STATUS") { parts.append(status) }
        if let ready = value("READY") {
            if !ready.contains("/"), let desired = value("DESIRED") {
                parts.append("ready \(ready) of \(desired)")
            } else {
                parts.append("ready \(ready)")
            }
        } else if let available = value("AVAILABLE") {
            parts.append("available \(available)")
        }
        if let restarts = value("RESTARTS"), !restarts.hasPrefix("0") { parts.append("restarts \(restarts)") }
        if let completions = value("COMPLETIONS") { parts.append("completions \(completions)") }
        return parts.joined(separator: ", ")
    }
}
