import Foundation
import KubectlKit

/// A request split into lowercased tokens for the evidence checks: whitespace, commas, semicolons, question marks and
/// quotes separate tokens; a trailing full stop or colon is cut; `-`, `.`, `/`, `:`, `=` and `!` stay inside a token.
struct RequestText: Sendable {
    /// The tokens in order.
    let tokens: [String]
    /// The tokens as a set.
    let set: Set<String>

    init(_ request: String) {
        // Operators' shorthand: "w/o" is "without", "w/" is "with".
        tokens = request.lowercased()
            .replacingOccurrences(of: "w/o ", with: "without ")
            .replacingOccurrences(of: "w/ ", with: "with ")
            .split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "?" || $0 == "\"" || $0 == "`" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".:'()")) }
            .filter { !$0.isEmpty }
            .map(Self.spelled)
        set = Set(tokens)
    }

    /// Words the checks look for that operators often type a letter off ("contaner", "namepsace", "replcas").
    static let markerWords: [String] = [
        "container", "containers", "namespace", "namespaces", "replicas", "deployment", "deployments", "daemonset",
        "daemonsets", "statefulset", "statefulsets", "timestamps", "previous", "interactive", "configmap", "configmaps",
        "describe", "revisions", "history", "requests", "limits", "account", "service",
    ]

    /// Short words operators often mistype, too short for the one-edit rule of ``spelled(_:)``.
    static let shortMisspellings: [String: String] = [
        "evry": "every", "evey": "every", "eveyr": "every", "alll": "all", "agian": "again", "agin": "again", "agan": "again",
        "lables": "labels", "lable": "label", "lbls": "labels", "lbl": "label", "exept": "except", "excpet": "except",
        "execpt": "except", "expcet": "except",
    ]

    /// `token`, or the marker word one edit away from it when it is a plain word of six letters or more.
    static func spelled(_ token: String) -> String {
        if let word = shortMisspellings[token] { return word }
        // "namespaced", "contained": a verb's form is a word of its own.
        guard token.count >= 6, token.allSatisfy({ $0.isLetter && $0.isASCII }), !markerWords.contains(token),
              !token.hasSuffix("ed"), !token.hasSuffix("ing"),
              // "replica set": a word a marker starts with, or one that starts with a marker, is spelt right.
              !markerWords.contains(where: { $0.hasPrefix(token) || token.hasPrefix($0) }),
              let word = markerWords.first(where: { $0.first == token.first && ClosestName.distance($0, token) <= 1 })
        else { return token }
        return word
    }

    /// Whether any of `words` is a token.
    func hasAny(_ words: Set<String>) -> Bool { !set.isDisjoint(with: words) }

    /// Whether the tokens contain `phrase` (words separated by single spaces) as consecutive tokens.
    func has(_ phrase: String) -> Bool {
        let parts = phrase.split(separator: " ").map(String.init)
        guard !parts.isEmpty, parts.count <= tokens.count else { return false }
        return (0...(tokens.count - parts.count)).contains { Array(tokens[$0..<($0 + parts.count)]) == parts }
    }

    /// The durations the request names, in kubectl's spelling: "2 hours" and "2h" give `2h`, "3 days" gives `72h`.
    var durations: [String] {
        var found: [String] = []
        for (index, token) in tokens.enumerated() {
            var number = token.prefix { $0.isNumber }
            var unit = String(token.dropFirst(number.count))
            if number.isEmpty { continue }
            if unit.isEmpty, index + 1 < tokens.count { unit = tokens[index + 1] } else if unit.isEmpty { continue }
            guard let letter = Self.units[unit] else { continue }
            var value = String(number)
            if letter == "d" {
                value = String((Int(number) ?? 0) * 24)
                number = Substring(value)
            }
            let duration = value + (letter == "d" ? "h" : letter)
            if !found.contains(duration) { found.append(duration) }
        }
        return found
    }

    /// Time units and kubectl's letter for them (`d` becomes hours).
    static let units: [String: String] = [
        "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
        "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "d": "d", "day": "d", "days": "d",
    ]
}
