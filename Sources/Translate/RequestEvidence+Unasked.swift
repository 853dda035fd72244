import Foundation
import KubectlKit

/// What kubectl lacks or nobody asked for: an output format kubectl does not print, flags and words a node or file
/// command does not take, a debug target nobody named, label columns for a label that only selects; and the forms
/// the request does ask for: `--watch-only`, a field in `--field-selector`.
extension RequestEvidence {
    /// Output formats kubectl prints.
    static let outputFormats: Set<String> = [
        "json", "yaml", "wide", "name", "jsonpath", "jsonpath-file", "jsonpath-as-json", "custom-columns",
        "custom-columns-file", "go-template", "go-template-file", "template", "templatefile", "kyaml",
    ]

    /// `-o base64decode`: an output format kubectl does not have goes (a second, real `-o` is what prints).
    static let unknownOutput: Check = { words, evidence in
        // `kustomize -o` names a file.
        guard words.parsed.verb != "kustomize" else { return nil }
        for span in words.spans where span.flag.name == "output" {
            guard let value = span.flag.value, !value.isEmpty else { continue }
            let format = String(value.prefix { $0 != "=" }).lowercased()
            guard !outputFormats.contains(format) else { continue }
            let written = words.text(of: span)
            // `-o jsonl` for "in JSON format": the format the request names.
            if let named = AskedFlags.namedFormat(evidence.request) {
                words.setValue(named, of: span)
                return EvidenceFix(.output, "\(written) → -o \(named): the format the request names")
            }
            words.remove(span)
            return EvidenceFix(.unknownFlag, "dropped \(written): kubectl has no output \(format)")
        }
        return nil
    }

    /// Flags that only shape what a command prints, harmless to drop from a command that changes things.
    static let printingFlags: Set<String> = ["o", "output", "w", "watch", "show-labels", "sort-by", "no-headers", "wide"]

    /// `drain gpu-3 --ignore-daemonsets -o jsonpath=… 'go-template=…'`: an output flag the command does not have, and
    /// words after the node that the request never writes, go from `drain`, `cordon` and `uncordon`; so do words
    /// the request never writes from `diff` and `apply` with `-f` (the file names the objects), and a short flag they
    /// lack (`diff -f ./app.yaml -c deployment service`).
    static let nodeCommandExtras: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb else { return nil }
        let fileVerb = (verb == "diff" || verb == "apply") && parsed.hasFlag("filename") && parsed.subverb == nil
        guard ["drain", "cordon", "uncordon"].contains(verb) || fileVerb else { return nil }
        var dropped: [String] = []
        for span in words.spans.reversed() where !span.flag.isKnown && (printingFlags.contains(span.flag.name)
                                                                        || fileVerb && span.flag.name.count == 1) {
            dropped.insert(words.text(of: span), at: 0)
            words.remove(span)
        }
        let stray = words.positionalIndices.dropFirst(fileVerb ? 1 : 2).filter { !evidence.known.contains(words.words[$0]) }
        dropped += stray.map { words.words[$0] }
        words.remove(at: stray)
        guard !dropped.isEmpty else { return nil }
        return EvidenceFix(.unknownFlag, "dropped \(dropped.joined(separator: " ")), which \(verb) neither has nor was asked for")
    }

    /// `get deployments -l tier=edge --show-labels` for "with the label tier=edge": the label selects; nobody asked
    /// for the label columns.
    static let filterNotColumns: Check = { words, evidence in
        let parsed = words.parsed
        guard let span = words.span("show-labels"), let selector = parsed.selector,
              !evidence.text.hasAny(["labels", "show-labels", "--show-labels"]), !evidence.text.has("show the label"),
              !evidence.text.has("show label"), selectorTerms(selector).allSatisfy({ evidence.request.lowercased().contains($0.lowercased()) })
        else { return nil }
        words.remove(span)
        return EvidenceFix(.output, "dropped --show-labels: the label selects, it is not asked to be shown")
    }

    /// `get pods -n mesa --watch` for "watch only new pod changes": only the changes, without the first listing, is
    /// `--watch-only`.
    static let watchOnly: Check = { words, evidence in
        guard let span = words.span("watch"), !words.parsed.hasFlag("watch-only"),
              evidence.text.has("watch only") || evidence.text.has("only changes") || evidence.text.has("only the changes")
                || evidence.text.has("only new") || evidence.text.has("changes only") || evidence.text.has("without the initial") else { return nil }
        words.remove(span)
        words.append(["--watch-only"])
        return EvidenceFix(.output, "--watch-only: only the changes, not the current listing")
    }

    /// `debug mesa-api-1 -it --image=busybox --target=redis`: a target container the request and session never
    /// name is copied from an example; without it the debug container still attaches.
    static let inventedTarget: Check = { words, evidence in
        guard words.parsed.verb == "debug", let span = words.span("target"), let value = span.flag.value, !value.isEmpty,
              !evidence.known.contains(value) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        return EvidenceFix(.inventedValue, "dropped \(written): a container nobody named")
    }

    /// Prefixes of the fields a field selector reads.
    static let fieldPrefixes = ["status.", "spec.", "metadata.", "involvedobject."]

    /// `get pv --selector=status.phase!=Bound`: an object's field is selected by `--field-selector`, not `-l`.
    static let fieldInLabelSelector: Check = { words, evidence in
        guard let span = words.span("selector"), let selector = span.flag.value else { return nil }
        let terms = selectorTerms(selector)
        // `-l node=ip-10-0-1-7` for the pods "on node ip-10-0-1-7": pods carry no such label; the node is a field.
        let onNode = words.parsed.resource?.plural == "pods" && evidence.text.hasAny(["node", "nodes"])
        func nodeTerm(_ term: String) -> Bool {
            let key = term.prefix { !"=!<> ".contains($0) }.lowercased()
            guard onNode, ["node", "nodename", "node-name", "node_name", "host", "hostname"].contains(key),
                  let pair = equality(term) else { return false }
            return evidence.known.containsWord(pair.value)
        }
        var renamed: [String: String] = [:]
        for term in terms where nodeTerm(term) {
            let key = term.prefix { !"=!<> ".contains($0) }
            renamed[term] = "spec.nodeName" + term.dropFirst(key.count)
        }
        let fieldTerms = terms.filter { term in
            let key = term.prefix { !"=!<> ".contains($0) }.lowercased()
            return fieldPrefixes.contains(where: key.hasPrefix) || renamed[term] != nil
        }
        guard !fieldTerms.isEmpty else { return nil }
        let labels = terms.filter { !fieldTerms.contains($0) }
        let fields = fieldTerms.map { renamed[$0] ?? $0 }
        if labels.isEmpty { words.remove(span) } else { words.setValue(labels.joined(separator: ","), of: span) }
        if let field = words.span("field-selector"), let current = field.flag.value {
            words.setValue(([current] + fields).joined(separator: ","), of: field)
        } else {
            words.append(["--field-selector=" + fields.joined(separator: ",")])
        }
        return EvidenceFix(.fieldSelector, "--field-selector=\(fields.joined(separator: ",")): a field, not a label")
    }
}
