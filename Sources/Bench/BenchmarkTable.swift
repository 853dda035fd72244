/// A plain table: a header row and data rows, text columns left-aligned and number columns right-aligned, rendered
/// as aligned text or as Markdown. Pure.
public struct BenchmarkTable: Sendable, Equatable {
    /// Column headers.
    public var headers: [String]
    /// Data rows; short rows are padded with empty cells.
    public var rows: [[String]]
    /// The columns aligned left (the others align right).
    public var leftAligned: Set<Int>

    /// Creates a table; by default only the first column is aligned left.
    public init(headers: [String], rows: [[String]], leftAligned: Set<Int> = [0]) {
        self.headers = headers
        self.rows = rows
        self.leftAligned = leftAligned
    }

    /// Aligned text, two spaces between columns, no trailing spaces.
    public func text() -> String {
        let all = [headers] + rows.map(padded)
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    /// A GitHub-flavoured Markdown table (`|` in cells escaped).
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + headers.indices.map { leftAligned.contains($0) ? " --- " : " ---: " }.joined(separator: "|") + "|"
        return ([line(headers), rule] + rows.map { line(padded($0)) }).joined(separator: "\n")
    }

    private func padded(_ row: [String]) -> [String] {
        Array((row + Array(repeating: "", count: max(0, headers.count - row.count))).prefix(headers.count))
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
