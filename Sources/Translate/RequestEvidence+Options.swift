import Foundation
import KubectlKit

extension RequestEvidence {
    // MARK: - Options the request asks for in words

    /// "rollout status … once, without watching": `rollout status --watch=false`; a `--revision` the request never
    /// asks for goes with it.
    static let rolloutStatusOnce: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "rollout", parsed.subverb == "status", !parsed.hasFlag("watch") else { return nil }
        let noWatch = ["without watching", "without watch", "no watch", "not watch", "don't watch", "dont watch",
                       "do not watch", "without waiting", "no wait", "don't wait", "dont wait", "do not wait", "just once",
                       "only once", "once"].contains(where: text.has)
        guard noWatch else { return nil }
        if let revision = words.span("revision"), !text.hasAny(["revision", "rev"]) { words.remove(revision) }
        words.append(["--watch=false"])
        return EvidenceFix(.output, "--watch=false: the request asks for the status once")
    }

    /// "at most 500000 bytes": `logs --limit-bytes`, not `--tail` (which counts lines).
    static let logBytes: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "logs", !parsed.hasFlag("limit-bytes"), let span = words.span("tail"),
              let value = span.flag.value, text.hasAny(["bytes", "byte"]), !text.hasAny(["lines", "line"]) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        words.append(["--limit-bytes=" + value])
        return EvidenceFix(.unknownFlag, "\(written) → --limit-bytes=\(value): the request counts bytes, not lines")
    }

    /// A JSON patch path written for the other kind of object: `/spec/template/spec/containers` on a pod is
    /// `/spec/containers`, and `/spec/containers` on a deployment (or any pod template owner) is
    /// `/spec/template/spec/containers`.
    static let patchPathForType: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "patch", let span = words.span("patch"), let value = span.flag.value,
              value.contains("\"path\"") else { return nil }
        let type = parsed.objects.first?.resource?.plural ?? parsed.resource?.plural
        var fixed = value
        if type == "pods" {
            fixed = value.replacingOccurrences(of: "\"/spec/template/spec/", with: "\"/spec/")
        } else if let type, ["deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "replicationcontrollers"].contains(type) {
            for field in ["containers", "initContainers", "volumes", "nodeSelector", "tolerations", "affinity", "serviceAccountName"] {
                fixed = fixed.replacingOccurrences(of: "\"/spec/\(field)", with: "\"/spec/template/spec/\(field)")
            }
        }
        guard fixed != value else { return nil }
        words.setValue(fixed, of: span)
        return EvidenceFix(.inventedValue, "the patch's path as a \(type.map { String($0.dropLast()) } ?? "object") has it")
    }

    /// "api resources that support list": `api-resources --verbs=list`.
    static let resourceVerbs: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "api-resources", !parsed.hasFlag("verbs") else { return nil }
        let tokens = evidence.text.tokens
        let apiVerbs: Set<String> = ["list", "get", "watch", "create", "delete", "update", "patch", "deletecollection"]
        guard let marker = tokens.firstIndex(where: { ["support", "supports", "supporting", "allow", "allows", "verb", "verbs"].contains($0) })
        else { return nil }
        var found: [String] = []
        for token in tokens[(marker + 1)...] {
            if apiVerbs.contains(token) { found.append(token) } else if !["and", "or", "the", "verb", "verbs", "both"].contains(token) { break }
        }
        guard !found.isEmpty else { return nil }
        // `-o name` for "that support list" reads the verb as a format.
        if let output = words.span("output"), output.flag.value == "name", !evidence.text.hasAny(["name", "names"]) { words.remove(output) }
        words.append(["--verbs=" + found.joined(separator: ",")])
        return EvidenceFix(.output, "--verbs=\(found.joined(separator: ",")): the resources that support it")
    }

    /// "a server-side dry run": `--dry-run=server` (not only `--server-side`, which applies for real).
    static let serverDryRun: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard ["apply", "create", "delete", "patch", "replace", "scale", "label", "annotate", "set", "run", "expose"].contains(parsed.verb ?? ""),
              text.has("dry run") || text.has("dry-run") || text.hasAny(["dryrun"]),
              text.has("server-side dry") || text.has("server side dry") || text.has("server dry") || text.has("on the server") || text.has("server-side validation")
        else { return nil }
        if let span = words.span("dry-run") {
            guard span.flag.value != "server" else { return nil }
            words.setValue("server", of: span)
        } else {
            words.append(["--dry-run=server"])
        }
        return EvidenceFix(.output, "--dry-run=server: the request asks the server to try it")
    }

    /// "Forward local ports 8080 and 8443 to ports 80 and 443": `port-forward … 8080:80 8443:443`. The request's
    /// ports before its "to" are the local ones and those after it the remote ones, paired in order, when both
    /// lists are as long and hold two or more.
    static let portPairs: Check = { words, evidence in
        guard words.parsed.verb == "port-forward", evidence.text.hasAny(["local", "locally", "localhost"]) else { return nil }
        let tokens = evidence.text.tokens
        func port(_ token: String) -> Int? {
            guard !token.isEmpty, token.allSatisfy(\.isNumber), let value = Int(token), (1...65535).contains(value) else { return nil }
            return value
        }
        guard let first = tokens.firstIndex(where: { port($0) != nil }),
              let marker = tokens[first...].firstIndex(where: { $0 == "to" }) else { return nil }
        let locals = tokens[..<marker].compactMap(port)
        let remotes = tokens[marker...].compactMap(port)
        guard locals.count >= 2, locals.count == remotes.count else { return nil }
        let pairs = zip(locals, remotes).map { $0 == $1 ? String($0) : "\($0):\($1)" }
        let positional = words.positional
        let ports = positional.dropFirst(2).filter { word in
            word.split(separator: ":", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
        guard ports != pairs else { return nil }
        for word in ports { words.removeWord(word) }
        words.append(pairs)
        return EvidenceFix(.objectForm, "\(pairs.joined(separator: " ")): each local port to its remote one")
    }

    /// `--field-selector=metadata.labels.track!=beta`: labels are selected by `-l` (`track!=beta`; an empty value,
    /// `metadata.labels.canary!=`, is `!canary`).
    static let labelsInFieldSelector: Check = { words, _ in
        guard let span = words.span("field-selector"), let value = span.flag.value else { return nil }
        let terms = value.split(separator: ",").map(String.init)
        var labels: [String] = []
        var fields: [String] = []
        for term in terms {
            let lower = term.lowercased()
            guard let prefix = ["metadata.labels.", "labels.", "metadata.label."].first(where: lower.hasPrefix) else {
                fields.append(term)
                continue
            }
            let rest = String(term.dropFirst(prefix.count))
            let key = String(rest.prefix { !"=!".contains($0) })
            let op = rest.dropFirst(key.count).prefix { "=!".contains($0) }
            let labelValue = String(rest.dropFirst(key.count + op.count))
            guard !key.isEmpty else { return nil }
            if labelValue.isEmpty { labels.append(op.hasPrefix("!") ? "!" + key : key) } else { labels.append(key + op + labelValue) }
        }
        guard !labels.isEmpty else { return nil }
        moveToSelector(labels, leading: false, from: span, keeping: fields, in: &words)
        return EvidenceFix(.selector, "-l \(labels.joined(separator: ",")): labels, not fields")
    }

    /// Moves `labels` out of the field selector `span` (which keeps `fields`, or goes when none is left) into `-l`:
    /// before the terms it has when `leading`, after them otherwise, each term once.
    static func moveToSelector(_ labels: [String], leading: Bool, from span: CommandWords.Span, keeping fields: [String],
                               in words: inout CommandWords) {
        if fields.isEmpty { words.remove(span) } else { words.setValue(fields.joined(separator: ","), of: span) }
        guard let selector = words.span("selector"), let current = selector.flag.value else {
            words.append(["-l", labels.joined(separator: ",")])
            return
        }
        let existing = selectorTerms(current)
        let merged = leading ? labels + existing.filter { !labels.contains($0) } : existing + labels.filter { !existing.contains($0) }
        words.setValue(merged.joined(separator: ","), of: selector)
    }

    /// "namespaced API resources": `api-resources --namespaced=true`; "cluster-scoped" ones: `--namespaced=false`.
    static let namespacedResources: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "api-resources", !parsed.hasFlag("namespaced") else { return nil }
        let cluster = text.hasAny(["cluster-scoped", "cluster-wide", "non-namespaced", "unnamespaced"]) || text.has("not namespaced")
            || text.has("cluster scoped") || text.has("cluster level")
        guard cluster || text.hasAny(["namespaced", "namespace-scoped"]) else { return nil }
        let value = cluster ? "false" : "true"
        words.append(["--namespaced=" + value])
        return EvidenceFix(.output, "--namespaced=\(value): the resources the request asks for")
    }

    /// "scale mysql to 3 if its current size is 2", "only if it's currently at 3": `--current-replicas`, the
    /// precondition kubectl checks before scaling.
    static let currentReplicas: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "scale", !parsed.hasFlag("current-replicas"), let target = parsed.flag("replicas")?.value else { return nil }
        let tokens = evidence.text.tokens
        guard let marker = tokens.firstIndex(where: { ["current", "currently", "presently"].contains($0) }) else { return nil }
        let numbers = tokens[(marker + 1)...].prefix(5).compactMap { Int($0) }.map(String.init).filter { $0 != target }
        guard let current = numbers.first else { return nil }
        words.append(["--current-replicas=" + current])
        return EvidenceFix(.inventedValue, "--current-replicas=\(current): only if it runs that many now")
    }

    /// `run … --command run /scripts/smoke.js`: what follows `--command` needs `--`; when the request passes them as
    /// arguments to the image's entrypoint, `--command` goes and `--` stays.
    static let commandNeedsDash: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "run", !parsed.hasDoubleDash, let index = words.words.firstIndex(of: "--command"),
              index + 1 < words.words.count, !words.words[index + 1].hasPrefix("-") else { return nil }
        let arguments = evidence.text.hasAny(["argument", "arguments", "args", "arg"]) && !evidence.text.hasAny(["command", "cmd"])
        var line = words.words
        line.remove(at: index)
        let rest = Array(line[index...])
        line.removeSubrange(index...)
        line += (arguments ? ["--"] : ["--command", "--"]) + rest
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, arguments ? "-- \(rest.joined(separator: " ")): arguments for the image's entrypoint"
                                                  : "--command -- \(rest.joined(separator: " ")): the command goes after --")
    }
}
