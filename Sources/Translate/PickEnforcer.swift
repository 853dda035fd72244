import Foundation
import KubectlKit
import Session

/// Makes a command act on exactly the rows a request picked (``ListingPick``). Pure.
///
/// A command that names exactly the picked rows is left alone. One that names other rows, names none, or uses a
/// label or field selector or `--all` (which k1 cannot check against the listing) gets the picked rows as its
/// objects instead, with a note. A verb that takes one object (`logs`, `exec`, `port-forward`…) with several
/// picked rows, or a line k1 cannot parse, keeps its words and gets a ⚠. When the rows are in one namespace that
/// differs from where the command would run, `-n` is set to it.
public enum PickEnforcer {
    /// Verbs that act on one object only.
    static let singleObjectVerbs: Set<String> = ["logs", "exec", "attach", "port-forward", "cp", "debug", "patch",
                                                 "drain", "expose", "autoscale", "edit"]

    /// Verbs whose objects are not the listing's rows (nothing to check).
    static let objectlessVerbs: Set<String> = ["config", "version", "api-resources", "api-versions", "cluster-info",
                                               "explain", "create", "apply", "run", "auth", "completion", "kustomize",
                                               "plugin", "options", "help", "top", "events", "wait", "diff", "replace"]

    /// What the check did.
    public struct Result: Sendable, Equatable {
        /// The command to propose.
        public var command: String
        /// A note when the targets were changed.
        public var note: String?
        /// A warning when the command could not be made to match.
        public var issue: ValidationIssue?
    }

    /// Checks `command` against `pick`.
    /// - Parameters:
    ///   - command: the model's (or the cache's) command.
    ///   - pick: the rows the request picked; must have rows.
    ///   - defaultNamespace: where a command without `-n` runs (the session's namespace, else kubeconfig's).
    public static func apply(_ command: String, pick: ListingPick, defaultNamespace: String?) -> Result {
        let names = pick.rows.map(\.name)
        let list = names.joined(separator: ", ")
        let what = "the \(pick.state) \(pick.listing.resource ?? "objects")"
        func warn(_ why: String) -> Result {
            Result(command: command, issue: ValidationIssue(.unknownName, "\(why); \(what) in the last listing: \(list)"))
        }
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl"
        else { return warn("k1 cannot check the targets of this line") }
        let parsed = KubectlCommand.parse(words)
        guard let verb = parsed.verb, parsed.isKnownVerb else { return warn("k1 cannot check the targets of this line") }
        if objectlessVerbs.contains(verb) { return Result(command: command) }
        // Another type than the listed one (the events of a failing pod, its deployment): not the rows themselves.
        let commandType = parsed.resource?.canonicalName ?? parsed.resourceWord?.lowercased()
        // `logs shop/pod/api-0` for "the 2nd one's logs": a word before `/` that is no type names no other type.
        let garbled = parsed.resource == nil && singleObjectVerbs.contains(verb)
        if let commandType, !garbled, let listed = pick.listing.resource, commandType != listed { return Result(command: command) }
        if singleObjectVerbs.contains(verb) && names.count > 1 {
            return warn("kubectl \(verb) takes one object")
        }

        let shown = Set(parsed.objects.map(\.name))
        let usesSelector = parsed.selector != nil || parsed.fieldSelector != nil || parsed.flag("all")?.isOn == true
        var rewritten = words
        var notes: [String] = []
        // `logs monitoring/prometheus-0`: the right row behind a word that is no type (kubectl would read a type).
        let untyped = parsed.objects.contains { $0.resource == nil }
        if shown != Set(names) || usesSelector || parsed.objects.count != names.count || (garbled && untyped) {
            if singleObjectVerbs.contains(verb), parsed.objects.count == 1, let row = pick.rows.first,
               !usesSelector {
                rewritten = replaceObjects(words, parsed: parsed, with: singleWords(row, pick: pick))
            } else {
                // `cordon`, `uncordon` and `drain` take node names alone (`uncordon node wrk-11` names two nodes).
                let nodeNames = ["cordon", "uncordon", "drain"].contains(verb)
                rewritten = replaceObjects(words, parsed: parsed, with: nodeNames ? pick.rows.map(\.name) : pick.objectWords)
            }
            notes.append("targets set to \(what) in the last listing: \(list)")
        }
        let namespaces = pick.namespaces
        if namespaces.count == 1, let namespace = namespaces.first {
            let reparsed = KubectlCommand.parse(rewritten)
            let runsIn = reparsed.allNamespaces ? nil : (reparsed.namespace ?? defaultNamespace ?? "default")
            if runsIn != namespace {
                rewritten = setNamespace(rewritten, namespace)
                notes.append("-n \(namespace) from the last listing")
            }
        }
        guard !notes.isEmpty else { return Result(command: command) }
        return Result(command: ShellWords.join(rewritten), note: notes.joined(separator: "; "))
    }

    /// The words for one row as a single `TYPE/NAME` or bare name object, as the verb wants it.
    static func singleWords(_ row: ListedObject, pick: ListingPick) -> [String] {
        let resource = row.resource ?? pick.listing.resource
        guard let resource, resource != "pods" else { return [row.name] }
        return [(ResourceCatalog.lookup(resource)?.singular ?? resource) + "/" + row.name]
    }

    /// `words` with the object words (type word, names, `TYPE/NAME`), selectors and `--all` replaced by `objects`,
    /// at the place of the first object word (else right after the verb and sub-command).
    static func replaceObjects(_ words: [String], parsed: KubectlCommand, with objects: [String]) -> [String] {
        let objectWords = Set(parsed.resourceWords + parsed.names
                              + parsed.objects.map { "\($0.resourceWord)/\($0.name)" })
        let dropFlags: Set<String> = ["selector", "field-selector", "all"]
        var result: [String] = []
        var insertAt: Int?
        var index = 1
        var afterVerb = 1
        var seenVerb = false
        var subverbWords = Set((parsed.subverb ?? "").split(separator: " ").map(String.init))
        result.append(words[0])
        while index < words.count {
            let word = words[index]
            if word == "--" {
                result += words[index...]
                break
            }
            if word.hasPrefix("-") && word.count > 1 {
                let spec = KubectlCommandTable.flag(named: word, verb: parsed.verb, subverb: parsed.subverb)
                let takesNext = spec?.consumesNextWord == true && !word.contains("=")
                    && !(word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 2)
                let name = spec?.long ?? String(word.drop { $0 == "-" }.prefix { $0 != "=" })
                if dropFlags.contains(name) {
                    index += takesNext ? 2 : 1
                    continue
                }
                result.append(word)
                if takesNext, index + 1 < words.count { result.append(words[index + 1]); index += 1 }
                index += 1
                continue
            }
            if !seenVerb, word == parsed.verb {
                seenVerb = true
                result.append(word)
                afterVerb = result.count
                index += 1
                continue
            }
            if seenVerb, subverbWords.contains(word) {
                subverbWords.remove(word)
                result.append(word)
                afterVerb = result.count
                index += 1
                continue
            }
            if objectWords.contains(word) {
                if insertAt == nil { insertAt = result.count }
                index += 1
                continue
            }
            result.append(word)
            index += 1
        }
        result.insert(contentsOf: objects, at: min(insertAt ?? afterVerb, result.count))
        return result
    }

    /// `words` with `-n`/`--namespace` and `-A` removed and `-n namespace` added before any `--`.
    static func setNamespace(_ words: [String], _ namespace: String) -> [String] {
        var result: [String] = []
        var index = 0
        var tail: [String] = []
        while index < words.count {
            let word = words[index]
            if word == "--" { tail = Array(words[index...]); break }
            if word == "-n" || word == "--namespace" { index += 2; continue }
            if word.hasPrefix("--namespace=") || (word.hasPrefix("-n") && word.count > 2 && !word.hasPrefix("--"))
                || word == "-A" || word == "--all-namespaces" || word.hasPrefix("--all-namespaces=") {
                index += 1
                continue
            }
            result.append(word)
            index += 1
        }
        return result + ["-n", namespace] + tail
    }
}
