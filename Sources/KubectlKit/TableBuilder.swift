/// Collects the rows under one header line.
struct TableBuilder {
    private let columns: [String]
    private let starts: [Int]
    private var rows: [[String]] = []

    /// Starts a table at a header line; nil when the line is not a header.
    init?(header: Substring) {
        let scalars = Array(header.unicodeScalars)
        var columns: [String] = []
        var starts: [Int] = []
        var index = 0
        while index < scalars.count {
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count else { break }
            let start = index
            var end = index
            // A name runs until two spaces in a row (or the end of the line).
            while index < scalars.count {
                if scalars[index] == " " {
                    if index + 1 >= scalars.count || scalars[index + 1] == " " { break }
                } else {
                    end = index + 1
                }
                index += 1
            }
            columns.append(String(String.UnicodeScalarView(scalars[start..<end])))
            starts.append(start)
        }
        guard !columns.isEmpty, columns.allSatisfy(Self.isHeaderName) else { return nil }
        if columns.count == 1, columns[0] != "NAME" { return nil }
        self.columns = columns
        self.starts = starts
    }

    /// Header names start with an upper-case letter and hold no lower-case letter
    /// outside parentheses (`CPU(cores)` is fine, `Warning: x` is not).
    private static func isHeaderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        var depth = 0
        for scalar in name.unicodeScalars {
            switch scalar {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default:
                if depth == 0, scalar.properties.isLowercase { return false }
            }
        }
        return true
    }

    mutating func add(_ line: Substring) {
        rows.append(cells(of: line))
    }

    /// Cuts a row at the header's column starts, falling back to splitting on runs of
    /// spaces when a cell overflows its column.
    private func cells(of line: Substring) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var aligned = true
        for start in starts.dropFirst() where start < scalars.count && start > 0 {
            if scalars[start - 1] != " " && scalars[start] != " " { aligned = false }
        }
        if aligned {
            return starts.indices.map { column in
                let start = starts[column]
                let end = column + 1 < starts.count ? min(starts[column + 1], scalars.count) : scalars.count
                guard start < end else { return "" }
                return Self.trimmed(scalars[start..<end])
            }
        }
        let wide = Self.split(scalars, minimumGap: 2)
        if wide.count == columns.count { return wide }
        let narrow = Self.split(scalars, minimumGap: 1)
        if narrow.count == columns.count { return narrow }
        var padded = Array(wide.prefix(columns.count))
        if wide.count > columns.count {
            padded[columns.count - 1] = wide[(columns.count - 1)...].joined(separator: "  ")
        }
        while padded.count < columns.count { padded.append("") }
        return padded
    }

    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var slice = scalars
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(String.UnicodeScalarView(slice))
    }

    private static func split(_ scalars: [Unicode.Scalar], minimumGap: Int) -> [String] {
        var parts: [String] = []
        var current: [Unicode.Scalar] = []
        var spaces = 0
        for scalar in scalars {
            if scalar == " " {
                spaces += 1
                continue
            }
            if spaces > 0 {
                if spaces >= minimumGap, !current.isEmpty {
                    parts.append(String(String.UnicodeScalarView(current)))
                    current.removeAll(keepingCapacity: true)
                } else if !current.isEmpty {
                    current.append(contentsOf: repeatElement(" ", count: spaces))
                }
                spaces = 0
            }
            current.append(scalar)
        }
        if !current.isEmpty { parts.append(String(String.UnicodeScalarView(current))) }
        return parts
    }

    /// The finished table.
    func build(defaultResource: ResourceType?) -> ResourceTable {
        let namespaceColumn = columns.first == "NAMESPACE" ? 0 : nil
        let nameColumn = columns.firstIndex(of: "NAME")
        let fallbackColumn = columns.firstIndex(of: "OBJECT") ?? (namespaceColumn == nil ? 0 : min(1, columns.count - 1))

        var prefix: String?
        var parsed: [(namespace: String?, name: String, cells: [String: String])] = []
        for row in rows {
            var cells: [String: String] = [:]
            for (column, header) in columns.enumerated() where cells[header] == nil {
                cells[header] = row[column]
            }
            var name = row[nameColumn ?? fallbackColumn]
            if nameColumn != nil, let slash = name.firstIndex(of: "/") {
                if prefix == nil { prefix = String(name[..<slash]) }
                name = String(name[name.index(after: slash)...])
            }
            let namespace = namespaceColumn.map { row[$0] }
            parsed.append((namespace, name, cells))
        }
        let resource = prefix.map { ResourceCatalog.lookup($0) } ?? defaultResource
        let listingRows = parsed.map {
            ListingRow(resource: resource, namespace: $0.namespace, name: $0.name, cells: $0.cells)
        }
        return ResourceTable(resource: resource, resourceWord: prefix, columns: columns, rows: listingRows)
    }
}
