import Foundation
import KubectlKit

extension RequestEvidence {
    /// Words before a value the request excludes ("except prod", "other than canary", "not staging").
    static let exclusionWords: Set<String> = ["except", "excluding", "exclude", "but", "not", "besides", "minus", "isn't", "isnt", "!="]

    /// The key of a label that must be absent: "without a team label", "without label team", "missing the team label",
    /// "no team label", "lacking team". Nil unless the request names exactly one.
    static func absentLabel(_ text: RequestText) -> String? {
        let tokens = text.tokens
        var found: [String] = []
        let negations: Set<String> = ["not", "don't", "dont", "doesn't", "doesnt"]
        for index in tokens.indices where ["without", "missing", "lacking", "no", "unlabeled", "unlabelled"].contains(tokens[index])
            || negations.contains(tokens[index]) {
            var next = index + 1
            // "not labelled team", "not having the label team", "do not have the X label"; "but not the label debug"
            // reads on below.
            if negations.contains(tokens[index]) {
                var article = next
                while article < tokens.count, ["the", "a", "an"].contains(tokens[article]) { article += 1 }
                if article < tokens.count, ["label", "labels"].contains(tokens[article]) {
                    next = article
                } else {
                    guard next < tokens.count, ["labelled", "labeled", "having", "carrying", "have", "has", "carry", "bear"].contains(tokens[next])
                    else { continue }
                    next += 1
                    if next < tokens.count, !["label", "labels", "a", "an", "the", "any"].contains(tokens[next]), isLabelKey(tokens[next]),
                       !tokens[next].contains("="), !found.contains(tokens[next]) {
                        found.append(tokens[next])
                        continue
                    }
                }
            }
            while next < tokens.count, ["a", "an", "the", "any"].contains(tokens[next]) { next += 1 }
            guard next < tokens.count else { continue }
            var key: String?
            if ["label", "labels", "label-key"].contains(tokens[next]), next + 1 < tokens.count {
                key = tokens[next + 1]
            } else if next + 1 < tokens.count, ["label", "labels"].contains(tokens[next + 1]) {
                key = tokens[next]
            }
            if let key, isLabelKey(key), !found.contains(key) { found.append(key) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// A label key: an optional DNS prefix and `/`, then letters, digits, `-`, `_`, `.`.
    static func isLabelKey(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter || first.isNumber, word.count <= 253 else { return false }
        return word.allSatisfy { ($0.isLetter && $0.isASCII) || $0.isNumber || "-_./".contains($0) }
    }

    /// The terms of a label selector, split on the commas outside parentheses.
    static func selectorTerms(_ selector: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in selector {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current.trimmingCharacters(in: .whitespaces))
        return terms.filter { !$0.isEmpty }
    }

    /// `key=value` (or `key==value`) split, nil for other forms.
    static func equality(_ term: String) -> (key: String, value: String)? {
        guard !term.contains("!"), !term.contains(" "), let range = term.range(of: "==") ?? term.range(of: "=") else { return nil }
        return (String(term[..<range.lowerBound]), String(term[range.upperBound...]))
    }

    /// Rewrites the label selector to the form the request's words ask for:
    /// - a label that must be absent ("without a team label") becomes `!team` (added when the command has no term for it);
    /// - a value the request excludes ("except prod") in `key=prod` becomes `key!=prod`;
    /// - two values joined by "or" ("canary or beta") in `key=canary` or `key=canary,key=beta` become `key in (canary,beta)`.
    static let selectorForms: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        var terms = parsed.selector.map(selectorTerms) ?? []
        let before = terms
        var what: [String] = []
        if let key = absentLabel(evidence.text) {
            // Any term on the key, `team~=` and other forms kubectl rejects included, becomes the one absence.
            func onKey(_ term: String) -> Bool {
                term == key || term == key + "-" || term == "!" + key || equality(term)?.key == key || term.hasPrefix(key + "!=")
                    || String(term.prefix { $0.isLetter || $0.isNumber || "-_./".contains($0) }) == key
            }
            if let index = terms.firstIndex(where: onKey) {
                terms[index] = "!" + key
                terms = terms.enumerated().filter { $0.offset == index || !onKey($0.element) }.map(\.element)
                what.append("!\(key)")
            } else if !terms.contains("!" + key), parsed.verb == "get" || parsed.verb == "delete" || parsed.verb == "label"
                        || parsed.verb == "annotate", !parsed.resourceWords.isEmpty, parsed.objects.isEmpty {
                terms.append("!" + key)
                what.append("!\(key)")
            }
        }
        for (index, term) in terms.enumerated() {
            guard let (key, value) = equality(term) else { continue }
            let position = tokens.indices.first { tokens[$0] == value.lowercased() || tokens[$0] == term.lowercased() }
            guard let position, position > 0 else { continue }
            let previous = tokens[position - 1]
            let beforePrevious = position > 1 ? tokens[position - 2] : ""
            // "except those with the label tier=cache": an exclusion a few words back, with no other term between.
            let window = tokens[max(0, position - 6)..<position].reversed().prefix { !$0.contains("=") && !["and", "or", "only"].contains($0) }
            // "nodes which not have label role=infra", "pods that don't have app=web", "without the label tier=cache".
            let lookback = Array(window.reversed())
            let lacks = lookback.indices.dropLast().contains { at in
                ["not", "don't", "dont", "doesn't", "doesnt"].contains(lookback[at])
                    && ["have", "has", "having", "carry", "carrying", "labelled", "labeled", "label"].contains(lookback[at + 1])
            }
            let excluded = (previous == "than" ? beforePrevious == "other" : exclusionWords.contains(previous))
                || window.contains { ["except", "excluding", "exclude", "besides", "minus", "without"].contains($0) } || lacks
            if excluded {
                terms[index] = key + "!=" + value
                what.append("\(key)!=\(value)")
            }
        }
        for index in tokens.indices.dropFirst().dropLast() where tokens[index] == "or" {
            // "env=prod or staging": the value after the key.
            let left = tokens[index - 1].split(separator: "=").last.map(String.init) ?? tokens[index - 1]
            let right = tokens[index + 1]
            let matching = terms.enumerated().filter { equality($0.element).map { [left, right].contains($0.value.lowercased()) } ?? false }
            guard let first = matching.first, let key = equality(first.element)?.key,
                  matching.allSatisfy({ equality($0.element)?.key == key }) else { continue }
            let values = [left, right].map { value in equality(matching.first { equality($0.element)?.value.lowercased() == value }?.element ?? "")?.value ?? value }
            let replacement = "\(key) in (\(values.joined(separator: ",")))"
            // `tier=edge,core` for "edge or core": the bare `core` was the other value, not a label of its own.
            let bare = Set(terms.enumerated().filter { values.map { $0.lowercased() }.contains($0.element.lowercased()) }.map(\.offset))
            let drop = Set(matching.map(\.offset)).union(bare)
            terms = terms.enumerated().compactMap { $0.offset == first.offset ? replacement : drop.contains($0.offset) ? nil : $0.element }
            what.append(replacement)
        }
        guard terms != before else { return nil }
        let selector = terms.joined(separator: ",")
        if let span = words.span("selector") {
            words.setValue(selector, of: span)
        } else {
            words.append(["-l", selector])
        }
        return EvidenceFix(.selector, "selector \(what.joined(separator: ", ")) from the request's words")
    }

    /// The set-based terms a request writes out ("env in (dev,qa)", "tier notin (web, api)"), in kubectl's spelling.
    static func writtenSetTerms(_ request: String) -> [(key: String, term: String)] {
        // `env in (dev,qa)`, `env notin (dev,qa)`, and `release notin canary,beta` (only `notin` is unambiguous bare).
        guard let pattern = try? NSRegularExpression(pattern: #"([A-Za-z0-9][A-Za-z0-9._/-]*)\s+(in|notin)\s*\(([^()]+)\)"#),
              let bare = try? NSRegularExpression(pattern: #"([A-Za-z0-9][A-Za-z0-9._/-]*)\s+(notin)\s+([A-Za-z0-9._-]+(?:\s*,\s*[A-Za-z0-9._-]+)+)"#)
        else { return [] }
        let range = NSRange(request.startIndex..., in: request)
        let matches = pattern.matches(in: request, range: range)
        return (matches.isEmpty ? bare.matches(in: request, range: range) : matches).compactMap { match in
            guard let keyRange = Range(match.range(at: 1), in: request), let opRange = Range(match.range(at: 2), in: request),
                  let valuesRange = Range(match.range(at: 3), in: request) else { return nil }
            let key = String(request[keyRange])
            let values = request[valuesRange].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard isLabelKey(key), ResourceCatalog.lookup(key) == nil, !values.isEmpty, values.allSatisfy({ !$0.isEmpty && isLabelKey($0) }) else { return nil }
            return (key, "\(key) \(request[opRange]) (\(values.joined(separator: ",")))")
        }
    }

    /// A set-based term the request writes out ("deploys w/ env in (dev,qa)") goes into `-l` as written, replacing
    /// terms of the same key and the words a model left as names (`get deployments in dev,qa`).
    static let writtenSetSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, selectingVerbs.contains(verb) || verb == "label" || verb == "annotate",
              !parsed.resourceWords.isEmpty else { return nil }
        let written = writtenSetTerms(evidence.request)
        guard written.count == 1, let (key, term) = written.first else { return nil }
        // Names that are pieces of the written term: "in", "notin", "dev,qa", "(dev,qa)"; any other name is an object.
        let pieces = parsed.names.filter { name in
            let bare = name.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            return ["in", "notin", key].contains(bare) || term.contains("(" + bare + ")") || term.contains(bare + ",") || term.contains("," + bare)
        }
        guard pieces.count == parsed.names.count else { return nil }
        var terms = parsed.selector.map(selectorTerms) ?? []
        guard !terms.contains(where: { $0.replacingOccurrences(of: " ", with: "") == term.replacingOccurrences(of: " ", with: "") })
        else { return nil }
        // Also the set's own values and operator left as terms of their own (`tier notin cache,queue` read as
        // `tier notin cache` and `queue`).
        let values = Set(term.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }.split(separator: ",").map(String.init))
        terms.removeAll { $0 == key || $0.hasPrefix(key + "=") || $0.hasPrefix(key + "!=") || $0.hasPrefix(key + " ") || $0.hasPrefix("!" + key)
            || values.contains($0) || $0.hasPrefix("notin=") || $0.hasPrefix("in=") }
        terms.append(term)
        for piece in pieces { words.removeWord(piece) }
        let selector = terms.joined(separator: ",")
        if let span = words.span("selector") {
            words.setValue(selector, of: span)
        } else {
            words.append(["-l", selector])
        }
        return EvidenceFix(.selector, "selector \(term) as the request writes it")
    }

    // MARK: - Field selectors

    /// Field-selector terms the API server would reject for the command's type, moved where they belong: a key
    /// without a dot (`env=prod`) is a label and goes to `-l`; `spec.nodeName=<an IP>` for a pod the request finds
    /// by its IP becomes `status.podIP`. Other unknown keys are left for ``issues(in:request:)``.
    static let fieldSelector: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("field-selector"), let selector = span.flag.value,
              let type = fieldSelectorType(parsed) else { return nil }
        var fieldTerms: [String] = []
        var labels: [String] = []
        var what: [String] = []
        for term in selector.split(separator: ",").map(String.init) {
            guard let parts = FieldSelectorKeys.terms(of: term).first else {
                fieldTerms.append(term)
                continue
            }
            if type == "pods", parts.key == "spec.nodeName", isIPAddress(parts.value),
               evidence.text.hasAny(["ip", "address", "addr"]), !evidence.text.hasAny(["node", "nodes", "host"]) {
                fieldTerms.append("status.podIP" + parts.op + parts.value)
                what.append("\(term) → status.podIP\(parts.op)\(parts.value)")
            } else if parts.key == "status.phase", ["pods", "namespaces"].contains(type),
                      !["pending", "running", "succeeded", "failed", "unknown", "active", "terminating"].contains(parts.value.lowercased()) {
                // `status.phase=CrashLoopBackOff`: a container state, not a phase; the listing's STATUS shows it.
                what.append("dropped \(term): \(parts.value) is no phase")
            } else if FieldSelectorKeys.supports(parts.key, for: type) {
                fieldTerms.append(term)
            } else if type == "nodes", evidence.text.hasAny(["ready", "notready"]),
                      parts.key.lowercased().contains("phase") || parts.key.lowercased().contains("ready")
                        || parts.key.lowercased().contains("condition") {
                // No field selects nodes by readiness: the listing's STATUS column shows it.
                what.append("dropped \(term): nodes are not selected by readiness")
            } else if type == "jobs", parts.key == "status.phase",
                      let count = ["failed": "0", "succeeded": "1", "complete": "1", "completed": "1"][parts.value.lowercased()] {
                // A job has no phase: the API server selects jobs by their count of successful pods.
                fieldTerms.append("status.successful" + parts.op + count)
                what.append("\(term) → status.successful\(parts.op)\(count)")
            } else if type == "pods", ["node", "host"].contains(where: parts.key.lowercased().contains) {
                // `node.name=bn-2`, `spec.node=bn-2`: a pod's node is `spec.nodeName`.
                fieldTerms.append("spec.nodeName" + parts.op + parts.value)
                what.append("\(parts.key) → spec.nodeName")
            } else if let resource = ResourceCatalog.lookup(type),
                      case let leaf = parts.key.split(separator: ".").last.map(String.init) ?? parts.key,
                      case let same = FieldSelectorKeys.keys(for: resource).filter({ $0.hasSuffix("." + leaf) }),
                      same.count == 1, let key = same.first {
                // `status.restartPolicy` for `spec.restartPolicy`: the one key the type has with that last part.
                fieldTerms.append(key + parts.op + parts.value)
                what.append("\(parts.key) → \(key)")
            } else if !parts.key.contains("."), isLabelKey(parts.key) {
                labels.append(parts.key + (parts.op == "!=" ? "!=" : "=") + parts.value)
                what.append("\(term) is a label")
            } else {
                fieldTerms.append(term)
            }
        }
        guard !what.isEmpty else { return nil }
        fieldTerms = fieldTerms.reduce(into: []) { kept, term in if !kept.contains(term) { kept.append(term) } }
        if fieldTerms.isEmpty {
            words.remove(span)
        } else {
            words.setValue(fieldTerms.joined(separator: ","), of: span)
        }
        if !labels.isEmpty {
            let current = words.parsed.selector.map { [$0] } ?? []
            if let labelSpan = words.span("selector") {
                words.setValue((current + labels).joined(separator: ","), of: labelSpan)
            } else {
                words.append(["-l", labels.joined(separator: ",")])
            }
        }
        return EvidenceFix(.fieldSelector, what.joined(separator: ", "))
    }

    /// The one type a field selector applies to, by plural name, or nil.
    static func fieldSelectorType(_ parsed: KubectlCommand) -> String? {
        if let resource = parsed.resource { return resource.plural }
        if parsed.verb == "events" { return "events" }
        return nil
    }

    /// Whether `value` is a dotted IPv4 address.
    static func isIPAddress(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }
}
