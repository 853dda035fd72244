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
                  word.index(after: equals) != word.endIndex, word[word.index(after: equals)] != "." else { return nil }
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
        // `top pod` reads its type as a sub-command. Names nobody wrote (`delete pod report-gen-7d9f8-x2k4q` for "the
        // pods with label app=report-gen") are a guess at the objects the selector finds, and go.
        let targets = parsed.names + parsed.objects.map(\.name)
        let madeUp = !targets.isEmpty && targets.allSatisfy { !evidence.known.contains($0) }
        guard let verb = parsed.verb, selectingVerbs.contains(verb), !parsed.resourceWords.isEmpty || verb == "top",
              targets.isEmpty || madeUp, !parsed.hasFlag("selector"), !parsed.hasFlag("filename") else { return nil }
        let line = words.line
        let lost = requestLabelPairs(evidence.request).map(\.pair).filter { !line.contains($0) }
        guard !lost.isEmpty, !evidence.text.hasAny(["except", "without", "not", "excluding"]) else { return nil }
        if madeUp {
            for word in words.positional where targets.contains(where: { word == $0 || word.hasSuffix("/" + $0) }) { words.removeWord(word) }
            // `delete pod/x` loses its only object: the type stays as a word.
            if parsed.resourceWords.isEmpty, let type = parsed.objects.first?.resourceWord { words.append([type]) }
        }
        if let span = words.span("all") { words.remove(span) }
        words.append(["-l", lost.joined(separator: ",")])
        return EvidenceFix(.selector, "-l \(lost.joined(separator: ",")): the objects the request selects")
    }

    /// Words after which a pair says which objects carry it ("nodes that carry the label k=v", "po w/ app=cart").
    static let carryingWords: Set<String> = ["with", "w/", "carry", "carrying", "carries", "have", "having", "has",
                                              "labelled", "labeled", "matching", "whose", "where"]

    /// `label nodes k=v pool=general` for "add the label pool=general to all nodes that carry the label k=v", or
    /// `label pod --all app=cart release=canary` for "label po w/ app=cart … release=canary": the pair written right
    /// after a carrying word selects (`-l k=v`, and `--all` goes), the others are set.
    static func pairAfterMarker(_ words: inout CommandWords, parsed: KubectlCommand, pairs: [(index: Int, pair: String)],
                                requestWords: [String]) -> EvidenceFix? {
        func carried(_ index: Int) -> Bool {
            var before = index - 1
            while before >= 0, ["the", "a", "label", "labels", "of"].contains(requestWords[before]) { before -= 1 }
            return before >= 0 && carryingWords.contains(requestWords[before])
        }
        let selecting = pairs.filter { carried($0.index) }
        let setting = pairs.filter { !carried($0.index) }
        guard selecting.count == 1, let chosen = selecting.first, let firstSet = setting.first,
              parsed.arguments.contains(chosen.pair) || parsed.names.contains(chosen.pair) else { return nil }
        // "po w/ app=cart … release=canary": the carried pair comes first. "add the label pool=general to the nodes
        // that carry k=v": a setting word comes before the pair that is set. ("label pods app=x with canary=true"
        // is neither: `with` there adds canary=true.)
        let carriedFirst = setting.allSatisfy { $0.index > chosen.index }
        let settingWord = requestWords.firstIndex { ["add", "set", "apply", "put", "give"].contains($0) }
        let setFirst = settingWord.map { $0 < firstSet.index } == true && chosen.index > firstSet.index
        guard carriedFirst || setFirst else { return nil }
        words.removeWord(chosen.pair)
        if let all = words.span("all") { words.remove(all) }
        words.append(["-l", chosen.pair])
        return EvidenceFix(.selector, "-l \(chosen.pair): the objects that carry it")
    }

    /// Words between the label that selects and the label that is set ("label pods app=rumba with canary=true").
    static let settingWords: Set<String> = ["with", "add", "adding", "set", "setting", "as", "to", "put", "apply"]

    /// `label pod app=rumba canary=true` for "label pods app=rumba with canary=true": the pair written before "with"
    /// selects the pods, so it becomes `-l app=rumba`.
    static let selectingPair: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate", !parsed.resourceWords.isEmpty, parsed.objects.isEmpty,
              !parsed.hasFlag("selector") else { return nil }
        let pairs = requestLabelPairs(evidence.request)
        let requestWords = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { $0.lowercased() }
        if let fix = pairAfterMarker(&words, parsed: parsed, pairs: pairs, requestWords: requestWords) { return fix }
        guard !parsed.hasFlag("all") else { return nil }
        guard pairs.count >= 2, let marker = requestWords.indices.first(where: { settingWords.contains(requestWords[$0]) }),
              pairs.contains(where: { $0.index > marker }) else { return nil }
        let selecting = pairs.filter { $0.index < marker }.map(\.pair)
        guard !selecting.isEmpty, selecting.allSatisfy({ parsed.arguments.contains($0) || parsed.names.contains($0) }) else { return nil }
        for pair in selecting { words.removeWord(pair) }
        words.append(["-l", selecting.joined(separator: ",")])
        return EvidenceFix(.selector, "-l \(selecting.joined(separator: ",")): the pair before \"\(requestWords[marker])\" selects the objects")
    }
}
