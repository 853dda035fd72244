/// The candidates for one completion, prepared the way libedit expects them.
///
/// libedit replaces the word with the longest common prefix of the candidates, lists them on a
/// second Tab, and appends `rl_completion_append_character` after a single match.
struct CompletionCandidates: Equatable {
    /// Candidates that extend the word, duplicates removed, in the completer's order.
    let matches: [String]

    /// Keeps the candidates that start with `word` (candidates are whole words including any
    /// prefix such as `deploy/`), removes duplicates and empty strings.
    init(word: String, candidates: [String]) {
        var seen = Set<String>()
        var kept: [String] = []
        for candidate in candidates where !candidate.isEmpty && candidate.hasPrefix(word) {
            if seen.insert(candidate).inserted { kept.append(candidate) }
        }
        matches = kept
    }

    /// The longest common prefix of all matches, by whole characters (never a partial UTF-8
    /// sequence). Empty when there are no matches.
    var commonPrefix: String {
        Self.commonPrefix(of: matches)
    }

    /// The character to insert after a single match: a space, except after a word ending in `/`
    /// or `=` (such as `deploy/` or `--namespace=`), where the user goes on typing the value.
    /// With several matches nothing is inserted after the common prefix; the space is only shown
    /// in the listing.
    var appendCharacter: Character? {
        Self.appendCharacter(forMatches: matches)
    }

    /// The longest common prefix of `strings`, by characters.
    static func commonPrefix(of strings: [String]) -> String {
        guard var prefix = strings.first.map({ Substring($0) }) else { return "" }
        for string in strings.dropFirst() {
            prefix = prefix.commonPrefix(with: string)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// The append-space rule: nil when exactly one match ends in `/` or `=`, a space otherwise.
    static func appendCharacter(forMatches matches: [String]) -> Character? {
        if matches.count == 1, let last = matches[0].last, last == "/" || last == "=" {
            return nil
        }
        return " "
    }
}

private extension Substring {
    func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        var otherIndex = other.startIndex
        while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
            end = index(after: end)
            otherIndex = other.index(after: otherIndex)
        }
        return self[startIndex..<end]
    }
}
