/// Which lines enter the history, and how the history is bounded.
enum HistoryPolicy {
    /// The history entry for `line`: the line without surrounding whitespace (completion leaves a
    /// trailing space), or nil when nothing is left.
    static func entry(for line: String) -> String? {
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Appends `line` to `entries` unless it is empty or repeats the newest entry, then keeps the
    /// newest `limit` entries. Returns the new entries and whether `line` was added.
    static func appending(_ line: String, to entries: [String], limit: Int) -> (entries: [String], added: Bool) {
        guard limit > 0, let entry = entry(for: line), entries.last != entry else {
            return (bounded(entries, limit: limit), false)
        }
        return (bounded(entries + [entry], limit: limit), true)
    }

    /// Builds the history from persisted lines with the same rules as `appending`.
    static func loading(_ lines: [String], limit: Int) -> [String] {
        var entries: [String] = []
        for line in lines {
            if let entry = entry(for: line), entries.last != entry { entries.append(entry) }
        }
        return bounded(entries, limit: limit)
    }

    /// The newest `limit` entries (none when `limit` is zero or negative).
    static func bounded(_ entries: [String], limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        return entries.count > limit ? Array(entries.suffix(limit)) : entries
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
