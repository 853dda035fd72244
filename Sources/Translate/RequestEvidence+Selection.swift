import Foundation
import KubectlKit

/// The label a request selects its objects by, written as `key=value`, that the command lost or put where kubectl
/// reads a new label.
extension RequestEvidence {
    /// The `key=value` words of the request that look like labels (not flags such as `replicas=3`), as written.
    static func requestLabelPairs(_ request: String) -> [(index: Int, pair: String)] {
        let words = request.split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".;:'\"`()?")) }
        return words.enumerated().compactMap { index, word in
            guard !word.hasPrefix("-"), let equals = word.firstIndex(of: "="), equals != word.startIndex,
                  word.index(after: equals) != word.endIndex else { return nil }
            let key = String(word[..<equals]).trimmingCharacters(in: CharacterSet(charactersIn: "!"))
            guard isLabelKey(key), KubectlCommandTable.flag(named: "--" + key) == nil,
                  !["condition", "for", "jsonpath"].contains(key.lowercased()) else { return nil }
            return (index, word)
        }
    }

    /// `wait --for=delete pods --all -n dance` for "wait pods app=rumba deleted ns dance": the request selects by
    /// `app=rumba`, which the command lost; it becomes `-l app=rumba` (and `--all` goes).
    static let lostSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, selectingVerbs.contains(verb), !parsed.resourceWords.isEmpty, parsed.names.isEmpty,
              parsed.objects.isEmpty, !parsed.hasFlag("selector"), !parsed.hasFlag("filename") else { return nil }
        let line = words.line
        let lost = requestLabelPairs(evidence.request).map(\.pair).filter { !line.contains($0) }
        guard !lost.isEmpty, !evidence.text.hasAny(["except", "without", "not", "excluding"]) else { return nil }
        if let span = words.span("all") { words.remove(span) }
        words.append(["-l", lost.joined(separator: ",")])
        return EvidenceFix(.selector, "-l \(lost.joined(separator: ",")): the objects the request selects")
    }

    /// Words between the label that selects and the label that is set ("label pods app=rumba with canary=true").
    static let settingWords: Set<String> = ["with", "add", "adding", "set", "setting", "as", "to", "put", "apply"]

    /// `label pod app=rumba canary=true` for "label pods app=rumba with canary=true": the pair written before "with"
    /// selects the pods, so it becomes `-l app=rumba`.
    static let selectingPair: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate", !parsed.resourceWords.isEmpty, parsed.objects.isEmpty,
              !parsed.hasFlag("selector"), !parsed.hasFlag("all") else { return nil }
        let pairs = requestLabelPairs(evidence.request)
        let requestWords = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { $0.lowercased() }
        guard pairs.count >= 2, let marker = requestWords.indices.first(where: { settingWords.contains(requestWords[$0]) }),
              pairs.contains(where: { $0.index > marker }) else { return nil }
        let selecting = pairs.filter { $0.index < marker }.map(\.pair)
        guard !selecting.isEmpty, selecting.allSatisfy({ parsed.arguments.contains($0) || parsed.names.contains($0) }) else { return nil }
        for pair in selecting { words.removeWord(pair) }
        words.append(["-l", selecting.joined(separator: ",")])
        return EvidenceFix(.selector, "-l \(selecting.joined(separator: ",")): the pair before \"\(requestWords[marker])\" selects the objects")
    }
}
