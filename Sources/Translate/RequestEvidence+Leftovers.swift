import Foundation
import KubectlKit

/// What a request's words leave behind in a command when they are copied too literally: a flag written twice under
/// two spellings, a container word ("ctr") kept as an argument, a flag's value or a program's argument, a label's
/// value or a first word read as the namespace, request words among the names; and the qualifiers that narrow "all".
extension RequestEvidence {
    /// `logs x -p --previous`: the same flag under two spellings with the same value; the later copy goes. A flag
    /// repeated with different values (`--from-literal a=1 --from-literal b=2`) is left alone.
    static let repeatedFlag: Check = { words, _ in
        var seen: [String: String] = [:]
        for span in words.spans {
            let value = span.flag.value ?? ""
            let word = words.words[span.index]
            // A group of short flags (`-it`) carries others with it: it stays.
            let group = word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 2 && span.flag.value == nil
            if seen[span.flag.name] == value, !group {
                let written = words.text(of: span)
                words.remove(span)
                return EvidenceFix(.unknownFlag, "dropped \(written): the flag is already there")
            }
            seen[span.flag.name] = value
        }
        return nil
    }

    /// `set image deployment/game ctr srv=game:7` for "set img deploy game ctr srv to game:7": the word that marks the
    /// container ("ctr", "container") is not an argument of `set image`, so it goes.
    static let setImageMarker: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "image" else { return nil }
        // Positionals: kubectl, set, image, the object (TYPE/NAME, or TYPE then NAME), then CONTAINER=IMAGE pairs.
        let markers = words.positionalIndices.dropFirst(3).filter { containerMarkers.contains(words.words[$0].lowercased()) }
        guard let index = markers.first else { return nil }
        let word = words.words[index]
        words.removeWord(word)
        return EvidenceFix(.objectForm, "dropped \(word): the container is the key of CONTAINER=IMAGE")
    }

    /// Words after "without" (and an article) that say how a command runs, not which objects it takes.
    static let mannerAfterWithout: Set<String> = [
        "waiting", "wait", "grace", "graceful", "confirmation", "confirming", "asking", "prompting", "prompt",
        "blocking", "delay", "delays",
    ]

    /// Whether the request narrows its objects with a qualifier ("pods that", "jobs without a label"). "without
    /// waiting for them" and "without a grace period" say how the command runs: that clause narrows nothing.
    static func narrows(_ text: RequestText) -> Bool {
        let tokens = text.tokens
        guard let index = tokens.firstIndex(where: qualifiers.contains) else { return false }
        guard tokens[index] == "without" else { return true }
        let manner = tokens[(index + 1)...].first { !["a", "an", "any", "the"].contains($0) }
        return !(manner.map(mannerAfterWithout.contains) ?? false)
    }

    /// `annotate deployment ledger -n payments team=payments`: a namespace the request writes only as a label's or
    /// annotation's value (the request names no namespace, and the session's is another) is not the namespace, so
    /// `-n` goes.
    static let namespaceFromValue: Check = { words, evidence in
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(), !value.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let asValue = tokens.contains { token in
            guard let equals = token.firstIndex(of: "=") else { return false }
            return String(token[token.index(after: equals)...]).trimmingCharacters(in: CharacterSet(charactersIn: "-")) == value
        }
        let elsewhere = tokens.contains(value) || tokens.contains { $0.hasPrefix(value + "/") || $0.hasSuffix("/" + value) }
        guard asValue, !elsewhere, AskedFlags.namedNamespace(evidence.request) == nil,
              !evidence.context.contains(where: { Mentions(request: $0, context: []).contains(value) }) else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): the request gives \(value) as a value, not a namespace")
    }

    /// `debug rumba-0 --target=ctr app` for "target ctr app": the word that marks a container became the flag's value
    /// and the container a stray word; the container becomes the value.
    static let markerAsValue: Check = { words, _ in
        for span in words.spans where ["target", "container"].contains(span.flag.name) {
            guard let value = span.flag.value?.lowercased(), containerMarkers.contains(value) else { continue }
            let next = span.index + (span.valueInNextWord ? 2 : 1)
            guard next < words.words.count, words.positionalIndices.contains(next), looksLikeName(words.words[next]) else { continue }
            let container = words.words[next]
            words.setValue(container, of: span)
            words.remove(at: [next])
            return EvidenceFix(.container, "--\(span.flag.name)=\(container): \(value) only marks the container")
        }
        return nil
    }

    /// `exec rumba-db-0 -c db -- psql -U admin -c 'ctr db'`: the request's "ctr db" copied behind `--` as an argument
    /// of the program (with a `-c` before it); `-c db` before `--` names the container, so those words go.
    static let markerAfterDash: Check = { words, _ in
        let parsed = words.parsed
        guard let container = parsed.flag("container")?.value?.lowercased(), let dash = words.words.firstIndex(of: "--") else { return nil }
        let phrases = Set(containerMarkers.map { "\($0) \(container)" })
        guard let index = words.words.indices.first(where: { $0 > dash && phrases.contains(words.words[$0].lowercased()) }) else { return nil }
        let start = index - 1 > dash && ["-c", "--container"].contains(words.words[index - 1]) ? index - 1 : index
        let removed = words.words[start...index].joined(separator: " ")
        words.remove(at: start...index)
        return EvidenceFix(.container, "dropped \(removed) after --: -c \(container) names the container")
    }

    /// `logz for quartz-5d7` answered with `-n logz`, `scale quartz -n quartz`: a namespace the request writes only
    /// as the object's name, or as its first word in a command that only reads, never where a namespace goes ("in
    /// X", "ns X", "the X namespace"), and not the session's, is no namespace; `-n` goes.
    static let namespaceNotNamed: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(), !value.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let asName = parsed.names.contains { $0.lowercased() == value } || parsed.objects.contains { $0.name.lowercased() == value }
        // A first word is a namespace often enough ("shop: delete all pods") that a command which changes things
        // keeps it; only a read loses it.
        let firstWordOnly = tokens.first == value && RiskClassifier.classify(parsed).risk == .readOnly
        guard firstWordOnly || asName else { return nil }
        let named = tokens.indices.contains { index in
            guard tokens[index] == value else { return false }
            let before = index > 0 ? tokens[index - 1] : ""
            let after = index + 1 < tokens.count ? tokens[index + 1] : ""
            return AskedFlags.markers.contains(before) || ["-n", "--namespace"].contains(before) || ["namespace", "ns"].contains(after)
        }
        guard !named, !evidence.context.contains(where: { $0.lowercased() == "namespace: " + value }) else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): the request never names \(value) as a namespace")
    }

    /// Request words that are never an object's name when left among a listing's names.
    static let strayNameWords: Set<String> = notObjectNames.union(["ns", "namespace", "usage", "use", "usages", "of", "for", "all"])

    /// `get po -o wide ns -n sky`, `describe quota usage ns -n sky`: words of the request ("ns", "usage") left where
    /// kubectl reads object names go, unless the request calls an object that.
    static let requestWordsAsNames: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["get", "describe", "delete", "top"].contains(verb), !parsed.resourceWords.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let stray = parsed.names.filter { name in
            let lower = name.lowercased()
            guard strayNameWords.contains(lower), !(lower == "all" && verb == "get") else { return false }
            return !tokens.indices.contains { tokens[$0] == lower && $0 > 0 && ["named", "called"].contains(tokens[$0 - 1]) }
        }
        guard !stray.isEmpty else { return nil }
        for word in stray { words.removeWord(word) }
        return EvidenceFix(.objectForm, "dropped \(stray.joined(separator: " ")): request words, not object names")
    }
}
