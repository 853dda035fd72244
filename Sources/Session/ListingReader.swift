import Foundation
import KubectlKit

/// Turns the captured output of a `get` into a `Listing`. Pure: no I/O.
enum ListingReader {
    /// The listing `output` shows, or nil when the command's output format or flags say nothing reliable about
    /// the objects (json, yaml, jsonpath, custom columns, templates, `--watch`, `--no-headers`).
    static func listing(of command: KubectlCommand, line: String, output: String, namespace: String?,
                        limit: Int) -> Listing? {
        if command.flag("watch")?.isOn == true || command.flag("watch-only")?.isOn == true
            || command.flag("no-headers")?.isOn == true {
            return nil
        }
        let objects: [ListedObject]
        switch command.output?.lowercased() {
        case nil, "", "wide":
            guard let rows = tableObjects(output, command: command, namespace: namespace) else { return nil }
            objects = rows
        case "name":
            objects = nameObjects(output, command: command, namespace: namespace)
        default:
            return nil
        }
        return Listing(resource: command.resource?.canonicalName, namespace: namespace, command: line,
                       objects: Array(objects.prefix(max(0, limit))))
    }

    /// Rows of `-o name` output: `pod/web-0`, `deployment.apps/web`, one per line.
    static func nameObjects(_ output: String, command: KubectlCommand, namespace: String?) -> [ListedObject] {
        output.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { return nil }
            guard let slash = line.firstIndex(of: "/") else {
                return ListedObject(name: line, namespace: namespace, resource: command.resource?.canonicalName)
            }
            let word = String(line[..<slash])
            let type = ResourceCatalog.lookup(word)
            return ListedObject(name: String(line[line.index(after: slash)...]),
                                namespace: type?.namespaced == false ? nil : namespace,
                                resource: type?.canonicalName ?? word.lowercased())
        }
    }

    /// Rows of the default or wide table output, possibly several tables (`get pods,svc`); none for
    /// empty output ("No resources found" goes to standard error).
    static func tableObjects(_ output: String, command: KubectlCommand, namespace: String?) -> [ListedObject]? {
        let parsed = GetTableParser.parse(output, defaultResource: command.resource)
        return parsed.tables.flatMap { table in
            table.rows.map { row in
                let type = row.resource ?? table.resource
                var columns = row.cells
                columns["NAME"] = nil
                columns["NAMESPACE"] = nil
                return ListedObject(name: row.name,
                                    namespace: row.namespace ?? (type?.namespaced == false ? nil : namespace),
                                    resource: type?.canonicalName ?? table.resourceWord?.lowercased(),
                                    columns: columns,
                                    healthy: row.isHealthy)
            }
        }
    }
}
