/// Parses the human-readable table output of `kubectl get` (default and `-o wide`).
///
/// Column positions come from the header line: kubectl pads columns with at least
/// three spaces, while a header name holds at most single spaces (`NOMINATED NODE`).
/// Tables are separated by blank lines (`get pods,svc`); lines outside a table, such
/// as warnings, `No resources found…` and client log lines, are ignored. Output
/// printed with `--no-headers` cannot be read.
public enum GetTableParser {
    /// Parses `kubectl get` output.
    /// - Parameters:
    ///   - text: stdout of `kubectl get`, possibly with stderr mixed in.
    ///   - defaultResource: the type listed, used for tables whose names carry no
    ///     `kind/` prefix.
    public static func parse(_ text: String, defaultResource: ResourceType?) -> ResourceListing {
        var tables: [ResourceTable] = []
        var builder: TableBuilder?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if let table = builder?.build(defaultResource: defaultResource) { tables.append(table) }
                builder = nil
                continue
            }
            if isNoise(line) { continue }
            if builder == nil {
                builder = TableBuilder(header: line)
            } else {
                builder?.add(line)
            }
        }
        if let table = builder?.build(defaultResource: defaultResource) { tables.append(table) }
        return ResourceListing(tables: tables)
    }

    /// Lines that are never part of a table.
    static func isNoise(_ line: Substring) -> Bool {
        if line.hasPrefix("Warning:") || line.hasPrefix("No resources found") || line.hasPrefix("error:")
            || line.hasPrefix("Error from server") || line.hasPrefix("The connection to the server") {
            return true
        }
        // Client log lines: `E1125 03:38:00.429064   19514 memcache.go:265] ...`.
        let scalars = line.unicodeScalars
        guard scalars.count > 5, let first = scalars.first, "IWEF".unicodeScalars.contains(first) else { return false }
        return scalars.dropFirst().prefix(4).allSatisfy { $0.properties.numericType != nil && $0.isASCII }
            && line.contains("] ")
    }
}
