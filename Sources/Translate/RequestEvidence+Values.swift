import Foundation
import KubectlKit

extension RequestEvidence {
    /// Verbs whose `--image` or `NAME=IMAGE` words name images.
    static let imageVerbs: Set<String> = ["run", "create", "set", "debug"]

    /// `set image` for every container ("move all containers of web to nginx:1.27") is `'*=IMAGE'`: it replaces an
    /// invented `--all-containers`, a bare image, or a container name the request never gave as one.
    static let allContainersImage: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "image", evidence.text.hasAny(["all", "every", "each"]),
              evidence.text.hasAny(["containers", "container", "ctrs", "ctr"]), namedContainer(evidence.text) == nil else { return nil }
        // The words after `set image` and the object: an image parses like TYPE/NAME when it has a registry path.
        var found: (old: String, image: String)?
        for word in words.positional.dropFirst(3) {
            if let equals = word.firstIndex(of: "=") {
                let key = String(word[..<equals])
                if key == "*" { return nil }
                found = (word, String(word[word.index(after: equals)...]))
            } else if word.contains(":") || word.contains("/") {
                found = (word, word)
            }
        }
        guard var found, !found.image.isEmpty else { return nil }
        // `agent=9` for "to agent:9": the one image the request writes, when the found one is not it.
        let images = evidence.text.tokens.filter { $0.contains(":") && !$0.contains("=") && !$0.contains("://") && !$0.hasSuffix(":") }
        if !images.contains(found.image.lowercased()), images.count == 1,
           let original = evidence.request.split(whereSeparator: \.isWhitespace).map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;'\"()")) })
               .map({ $0.hasSuffix(".") ? String($0.dropLast()) : $0 }).first(where: { $0.lowercased() == images[0] }) {
            found.image = original
        }
        words.replaceWord(found.old, with: "*=" + found.image)
        if let span = words.span("all-containers") { words.remove(span) }
        return EvidenceFix(.container, "*=\(found.image): every container gets the image")
    }

    /// A tag the request never names, on an image it does name (`nginx:latest` for "run nginx"), is removed:
    /// kubectl then uses the image as named.
    static let imageTag: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, imageVerbs.contains(verb) else { return nil }
        var images: [(word: String, image: String, prefix: String)] = []
        for span in words.spans where span.flag.name == "image" {
            if let value = span.flag.value { images.append((words.text(of: span), value, "")) }
        }
        if verb == "set", parsed.subverb == "image" {
            for argument in parsed.arguments where argument.contains("=") {
                let key = String(argument.prefix { $0 != "=" })
                images.append((argument, String(argument.dropFirst(key.count + 1)), key + "="))
            }
        }
        var changed: [String] = []
        for (_, image, prefix) in images {
            guard let colon = image.lastIndex(of: ":"), !image[colon...].contains("/"), !image.contains("@") else { continue }
            let base = String(image[..<colon])
            let tag = String(image[image.index(after: colon)...])
            let name = base.split(separator: "/").last.map(String.init) ?? base
            guard !tag.isEmpty, evidence.known.contains(name), !evidence.known.contains(tag),
                  !evidence.text.tokens.contains(where: { $0.hasSuffix(":" + tag.lowercased()) }) else { continue }
            // The request names the image with another tag ("probe:2.0" written `probe:2.0.0`): that tag, else none.
            let namedTags = Set(evidence.text.tokens.compactMap { token -> String? in
                guard token.hasPrefix(name.lowercased() + ":"), let last = token.lastIndex(of: ":") else { return nil }
                let named = String(token[token.index(after: last)...])
                return named.isEmpty ? nil : named
            })
            let namedTag = namedTags.count == 1 ? namedTags.first : nil
            let replacement = namedTag.map { base + ":" + $0 } ?? base
            if prefix.isEmpty, let span = words.spans.first(where: { $0.flag.name == "image" && $0.flag.value == image }) {
                words.setValue(replacement, of: span)
            } else {
                words.replaceWord(prefix + image, with: prefix + replacement)
            }
            changed.append(namedTag.map { "set the tag :\(tag) to the request's :\($0)" } ?? "dropped the tag :\(tag) nobody named")
        }
        guard !changed.isEmpty else { return nil }
        return EvidenceFix(.inventedValue, changed.joined(separator: ", "))
    }

    /// Numeric modifiers a small model fills in by imitation, by the verbs they are optional for.
    static let numericModifiers: [String: Set<String>] = [
        "tail": ["logs"], "port": ["proxy", "run"], "limit-bytes": ["logs"], "max-log-requests": ["logs"],
    ]

    /// A numeric modifier whose number the request and the session never mention (`--tail=100`, `--port=8001`) is
    /// dropped.
    static let numbers: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb else { return nil }
        // "the last ten lines" names 10 as well as "the last 10 lines".
        let digits = Set(evidence.request.split(whereSeparator: { !$0.isNumber }).map(String.init))
            .union(FlagEvidence.spelledNumbers(evidence.request))
        var dropped: [String] = []
        for span in words.spans.reversed() {
            guard let verbs = numericModifiers[span.flag.name], verbs.contains(verb), let value = span.flag.value,
                  value.allSatisfy(\.isNumber), !digits.contains(value), !evidence.known.contains(value) else { continue }
            dropped.insert(words.text(of: span), at: 0)
            words.remove(span)
        }
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.inventedValue, "dropped \(dropped.joined(separator: ", ")) nobody asked for")
    }

    /// Flags whose value is a duration the request states.
    static let durationFlags: Set<String> = ["since", "timeout", "duration", "request-timeout"]

    /// A duration flag whose value differs from the one duration the request names ("last 2 hours" answered with
    /// `--since=1h`) gets the request's duration.
    static let duration: Check = { words, evidence in
        let named = evidence.text.durations
        guard named.count == 1 else { return nil }
        for span in words.spans where durationFlags.contains(span.flag.name) {
            guard let value = span.flag.value, value.first?.isNumber == true, value != named[0] else { continue }
            words.setValue(named[0], of: span)
            return EvidenceFix(.inventedValue, "\(words.text(of: span).prefix { $0 != "=" && $0 != " " })=\(value) → \(named[0]), the duration the request names")
        }
        return nil
    }

    /// Flags kubectl does not have for the command (`get --show-details`), dropped when the command only reads:
    /// without them it still answers the request as far as it can, and kubectl would refuse the line.
    static let unknownFlags: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.spec != nil, RiskClassifier.classify(parsed).risk == .readOnly else { return nil }
        // A dry run is read-only only while its flag stays: an unknown flag goes from a dry run only when the command
        // reads without the dry-run flag too (`kustomize DIR --dry-run=server`).
        if parsed.isDryRun {
            var plain = words
            while let span = plain.span("dry-run") { plain.remove(span) }
            guard RiskClassifier.classify(plain.parsed).risk == .readOnly else { return nil }
        }
        var dropped: [String] = []
        for span in words.spans.reversed() where !span.flag.isKnown && span.flag.name.count > 1 {
            dropped.insert(words.text(of: span), at: 0)
            words.remove(span)
        }
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.unknownFlag, "dropped \(dropped.joined(separator: ", ")), which kubectl \(parsed.verb ?? "") does not have")
    }
}
