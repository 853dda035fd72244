/// The known name nearest to a mistyped one (`deploymnets` → `deployments`, `--ignore-daemonset` →
/// `ignore-daemonsets`), by edit distance with adjacent swaps counted once. Pure.
public enum ClosestName {
    /// The candidate nearest to `word`, or nil when none is close enough: at most one edit for words of up to four
    /// characters, two up to eight, three beyond. Ties go to the candidate listed first.
    public static func find(_ word: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(word.lowercased())
        let limit = typed.count <= 4 ? 1 : typed.count <= 8 ? 2 : 3
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.lowercased() != word.lowercased() {
            let distance = self.distance(typed, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// How many edits (insertions, deletions, substitutions, adjacent swaps) turn `a` into `b`, ignoring letter case.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased()), Array(b.lowercased()))
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost one.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = value
            }
        }
        return rows[a.count][b.count]
    }
}
