import Foundation
import KubectlKit

/// Optional kubectl flags a small model adds by imitation (`--tail=30`, `-o wide`, `--timeout=60s`,
/// `--dry-run=client -o yaml` copied from a nearby example) although the request never asks for them, and the words
/// that show a request does ask. ``prune(_:request:context:)`` drops such a flag when the request has none of its
/// words and, for a flag with a value, the value appears nowhere in the request or the session either.
///
/// Only modifiers are listed: dropping one never makes a command invalid, it only makes it do less.
public enum FlagEvidence {
    /// A flag (canonical long name, and for `--output` the format) and the request words that ask for it.
    struct Rule: Sendable {
        let name: String
        let value: String?
        let words: [String]
        /// Whether a value that the request or session mentions (`--tail=30` for "last 30") counts as asked for.
        let valueCounts: Bool
        /// The only verbs the rule applies to (nil: every verb): `--type` is a modifier of `expose` but part of the
        /// meaning of `patch`.
        var verbs: Set<String>? = nil
    }

    static let rules: [Rule] = [
        Rule(name: "tail", value: nil, words: ["tail", "last", "line", "recent", "latest"], valueCounts: true),
        Rule(name: "since", value: nil, words: ["since", "past", "last", "ago", "hour", "minute", "recent", "today"], valueCounts: true),
        Rule(name: "since-time", value: nil, words: ["since", "after", "from"], valueCounts: true),
        Rule(name: "timeout", value: nil, words: ["timeout", "time out", "within", "up to", "at most", "give up"], valueCounts: true),
        Rule(name: "request-timeout", value: nil, words: ["timeout", "time out"], valueCounts: true),
        Rule(name: "grace-period", value: nil, words: ["grace", "now", "immediate", "force", "right away", "at once"], valueCounts: true),
        Rule(name: "address", value: nil, words: ["address", "interface", "listen", "everyone", "external", "remote", "lan", "network"], valueCounts: true),
        Rule(name: "types", value: nil, words: ["warn", "normal", "type", "bad", "problem", "error", "fail"], valueCounts: false),
        Rule(name: "containers", value: nil, words: ["container", "ctr"], valueCounts: false),
        Rule(name: "all-containers", value: nil, words: ["container", "ctr"], valueCounts: false),
        Rule(name: "show-labels", value: nil, words: ["label", "lable", "lbl"], valueCounts: false),
        Rule(name: "timestamps", value: nil, words: ["timestamp", "time", "ts"], valueCounts: false),
        Rule(name: "prefix", value: nil, words: ["prefix", "which pod", "source", "name"], valueCounts: false, verbs: ["logs"]),
        Rule(name: "recursive", value: nil, words: ["recurs", "recusr", "recursiv", "subdir", "sub-dir", "subfolder", "sub-folder", "sub folder", "nested", "-r", "tree", "every file", "all files"], valueCounts: false),
        Rule(name: "raw", value: nil, words: ["raw", "secret", "cert", "credential", "key", "token", "full", "unredacted", "everything"], valueCounts: false),
        Rule(name: "previous", value: nil, words: ["previous", "prev", "before", "crash", "prior", "restart", "died", "dead", "earlier", "last run", "last container", "old"], valueCounts: false),
        Rule(name: "follow", value: nil, words: ["follow", "stream", "live", "tail -f", "tail logs", "tail the logs", "tail log", "tail the log", "watch", "keep", "-f"], valueCounts: false),
        Rule(name: "watch", value: nil, words: ["follow", "keep", "-w", "once"] + RequestEvidence.watchPhrases, valueCounts: false),
        Rule(name: "force", value: nil, words: ["force", "now", "immediate", "stuck", "hard", "right away", "recreat", "re-creat"], valueCounts: false),
        Rule(name: "overwrite", value: nil, words: ["overwrite", "replace", "change", "update", "override", "even if", "already", "existing", "force", "new value", "set"], valueCounts: false),
        Rule(name: "server-side", value: nil, words: ["server"], valueCounts: false),
        Rule(name: "dry-run", value: nil, words: ["dry", "don't", "dont", "do not", "without", "not actually", "no change", "preview", "render", "generate", "yaml", "json", "manifest", "print", "test", "would", "what if", "simulate", "check"], valueCounts: false),
        Rule(name: "output", value: "wide", words: ["wide", "-owide", "node", "ip", "more", "detail", "extra", "where", "whr", "wher"], valueCounts: false),
        Rule(name: "output", value: "yaml", words: ["yaml", "-oyaml", "yml", "manifest", "spec", "definition", "full", "dump", "export"], valueCounts: false),
        Rule(name: "output", value: "json", words: ["json", "-ojson"], valueCounts: false),
        // A JSONPath answers a request for particular fields; a plain listing needs none.
        Rule(name: "output", value: "jsonpath", words: ["jsonpath", "json path", "only", "just", "field", "value", "print", "extract",
                                                         "image", "ip", "address", "name", "names", "each", "per", "column", "template",
                                                         "format", "output", "decode", "token", "count", "how many", "version", "host",
                                                         "port", "uid", "which", "what", "where", "node", "timestamp", "time", "date", "age", "status",
                                                         "phase", "reason", "message", "restart", "annotation", "selector", "owner",
                                                         "capacity", "size", "storage", "cpu", "memory", "replica", "ready", "key",
                                                         "data", "secret", "cert", "path", "url", "endpoint", "condition", "spec"],
             valueCounts: false),
        Rule(name: "command", value: nil, words: ["command", "cmd", "entrypoint", "override"], valueCounts: false, verbs: ["run"]),
        // `debug -it` attaches already.
        Rule(name: "attach", value: nil, words: ["attach"], valueCounts: false, verbs: ["debug"]),
        Rule(name: "no-headers", value: nil, words: ["header", "plain", "script", "bare", "raw", "count", "how many"], valueCounts: false),
        Rule(name: "output", value: "name", words: [" name ", " names ", " name.", " names.", "bare", "plain"], valueCounts: false),
        Rule(name: "sort-by", value: nil, words: ["sort", "order", "newest", "oldest", "latest", "recent", "most", "least", "biggest", "largest", "smallest", "top", "by", "first", "last", "age", "hungry", "heaviest", "highest", "lowest", "hogs", "hogging", "eating", "consuming", "greedy"], valueCounts: false),
        // Only the number asks for it: "the previous revision" is what `rollout undo` does without it.
        Rule(name: "to-revision", value: nil, words: [], valueCounts: true, verbs: ["rollout"]),
        Rule(name: "api-group", value: nil, words: ["group", "groups", "api-group", "apigroup"], valueCounts: true, verbs: ["api-resources"]),
        Rule(name: "revision", value: nil, words: ["revision", "rev"], valueCounts: true, verbs: ["rollout"]),
        Rule(name: "type", value: nil, words: ["type", "loadbalancer", "load balancer", "load-balancer", "nodeport", "node port", "clusterip", "cluster ip", "external", "public", "internet"], valueCounts: true, verbs: ["expose"]),
        Rule(name: "class", value: nil, words: ["class", "ingressclass"], valueCounts: true, verbs: ["create"]),
        Rule(name: "accept-hosts", value: nil, words: ["host", "hosts", "hostname"], valueCounts: true, verbs: ["proxy"]),
        Rule(name: "client", value: nil, words: ["client", "local", "cli", "only kubectl", "my kubectl", "not the server", "without the server"], valueCounts: false, verbs: ["version"]),
        Rule(name: "output-directory", value: nil, words: ["directory", "dir", "folder", "into", "to ./", "save", "files"], valueCounts: true, verbs: ["cluster-info"]),
        Rule(name: "all-namespaces", value: nil, words: ["all", "every", "evry", "evey", "across", "cluster", "everywhere", "any namespace", "any ns", "each ns", "namespaces", "-a", "global", "whole"], valueCounts: false),
        Rule(name: "restart", value: nil, words: ["restart", "never", "once", "one-off", "one off", "onfailure", "on failure", "always", "bare pod", "job", "batch", "run to completion", "completes",
                                                        // A pod removed on exit is run once (`--rm --restart=Never`).
                                                        "rm", "throwaway", "throw-away", "temporary", "temp ", "ephemeral", "disposable", "on exit", "when done", "afterwards"], valueCounts: true, verbs: ["run"]),
        Rule(name: "restart", value: nil, words: ["restart", "never", "onfailure", "on failure", "always"], valueCounts: true, verbs: ["create"]),
        Rule(name: "rm", value: nil, words: ["rm", "remove", "delete", "clean", "throwaway", "throw-away", "temporary", "temp ", "one-off", "one off", "ephemeral", "afterwards", "when done", "on exit", "disposable", "gone"], valueCounts: false, verbs: ["run"]),
        Rule(name: "duration", value: nil, words: ["duration", "valid", "expir", "ttl", "lifetime", "lasts", "lasting", "hour", "minute", "day", "week"], valueCounts: true, verbs: ["create"]),
    ]

    /// `command` without the listed flags the request does not ask for, and the flags dropped (as typed).
    /// Commands with shell syntax or bad quoting are returned unchanged.
    public static func prune(_ command: String, request: String, context: [String]) -> (command: String, dropped: [String]) {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return (command, [])
        }
        let parsed = KubectlCommand.parse(words)
        // "the one with the most restarts" picks a row by its restarts; it asks for no earlier container's logs.
        var asked = askedText(AskedFlags.withoutNamespaceNames(request)).replacingOccurrences(of: ". ", with: " ")
        for phrase in [" most restarts ", " most restarted ", " restarted the most ", " restarted most ", " with restarts ",
                       " that restarted ", " restarts the most ", " max restarts "] {
            asked = asked.replacingOccurrences(of: phrase, with: " ")
        }
        let known = Mentions(request: request, context: context)
        // A flag of the failed command the request asks to fix or redo was asked for when that command was typed.
        // A flag of the failed command is the user's, whatever its value (`-o wide` fixing `-o wdie`).
        let retried = Set(failedCommandFlags(context).map(\.name))
        func unasked(_ flag: ParsedFlag) -> Bool {
            // The flag the failed command misspelt or cut short (`--prev` for `--previous`, `--sort` for `--sort-by`).
            if retried.contains(where: { $0 == flag.name || (!$0.isEmpty && flag.name.hasPrefix($0)) || ClosestName.find($0, among: [flag.name]) != nil }) {
                return false
            }
            // A search by field (the pods on a node, the pod with an IP) looks in every namespace.
            // Not a search by a kind of object (`type=kubernetes.io/tls` on secrets, a phase), which stays where it is asked.
            if flag.name == "all-namespaces", let fields = parsed.fieldSelector,
               FieldSelectorKeys.terms(of: fields).contains(where: { !["type", "status.phase"].contains($0.key) }) { return false }
            let format = flag.name == "output" ? flag.value.map { String($0.prefix { $0 != "=" }) } : nil
            guard let rule = rules.first(where: { rule in
                rule.name == flag.name && rule.value == format && (rule.verbs.map { $0.contains(parsed.verb ?? "") } ?? true)
            }) else { return false }
            // The pods on a node (`--field-selector spec.nodeName=…`) say where they run already: "node" asks for no
            // wide listing there.
            // So does the pod with an IP (`status.podIP`): "ip" asks for no wide listing there.
            let fields = format == "wide" ? (parsed.fieldSelector ?? "") : ""
            var used: Set<String> = []
            if fields.contains("spec.nodeName") { used.formUnion(["node", "where", "whr", "wher"]) }
            if fields.contains("status.podIP") || fields.contains("status.hostIP") { used.formUnion(["ip", "address"]) }
            // "sorted by time": the word after "by" is the sort's key, no field to print.
            let text = ["jsonpath", "custom-columns"].contains(format ?? "") && parsed.hasFlag("sort-by") ? withoutSortKeys(asked) : asked
            if rule.words.filter({ !used.contains($0) }).contains(where: { word in
                // "top" names the verb of `kubectl top`, not an order.
                (word != "top" || parsed.verb != "top") && mentions(text, word)
            }) { return false }
            if rule.valueCounts, let value = flag.value {
                let digits = String(value.filter(\.isNumber))
                if !Grounding.squash(value).isEmpty && known.contains(value) { return false }
                // Every number of the value written as a number of the request: "last 200 lines" gives no `--since=2h`.
                // Numbers only, not the digits of a name (`redis-0` writes no 0).
                let numbers = request.lowercased().split(whereSeparator: { $0.isWhitespace || ",;=:()'\"".contains($0) })
                    .filter { $0.first?.isNumber == true }
                let written = Set(numbers.flatMap { digitRuns(String($0)) })
                if !digits.isEmpty && digitRuns(value).allSatisfy(written.contains) { return false }
                if !digits.isEmpty && spelledNumbers(request).contains(digits) { return false }
            }
            return true
        }
        // A label selector that reads nothing of the request or the session narrows a read-only listing by a guess
        // (`pod names in shop` answered with `-l app=checkout`). Never dropped from a command that changes things,
        // where it would widen what the command touches.
        func inventedSelector(_ flag: ParsedFlag) -> Bool {
            // A dry run reads, but the same line without `--dry-run` would change things: it keeps its selector.
            guard flag.name == "selector", let value = flag.value, !parsed.isDryRun,
                  RiskClassifier.classify(parsed).risk == .readOnly else { return false }
            let parts = value.split(whereSeparator: { "=!,() ".contains($0) }).map(String.init).filter { !$0.isEmpty && $0 != "in" && $0 != "notin" }
            guard !parts.isEmpty else { return false }
            if !parts.contains(where: known.contains) { return true }
            // A value the request writes only inside another name (`reporter` of the account `reporter-sa`) is a guess
            // too: each `key=value` needs its value as a word of the request, or in the session's context.
            let inContext = Mentions(request: "", context: context)
            return RequestEvidence.selectorTerms(value).contains { term in
                guard let pair = RequestEvidence.equality(term) else { return false }
                return !known.containsWord(pair.value) && !inContext.contains(pair.value)
            }
        }
        // `-o yaml` that only comes with an unasked --dry-run belongs to it: "yaml" counts as asking for both.
        let drop = parsed.flags.filter { unasked($0) || inventedSelector($0) }
        guard !drop.isEmpty else { return (command, []) }
        var text = command
        var dropped: [String] = []
        for flag in drop {
            guard let raw = Self.piece(for: flag, in: words) else { continue }
            // The piece as the line writes it: a value with shell characters is quoted there.
            let parts = raw.split(separator: " ", maxSplits: 1).map(String.init)
            let quoted = ShellWords.join(parts)
            // `-o jsonpath='{.items[*].name}'`, only the part after the format's `=` quoted, goes from a sorted listing
            // ("events sorted by time" asks for the listing, not for fields of it). Elsewhere a JSONPath written so
            // stays: the words that ask for one are tuned on the other forms.
            var inner = quoted
            if parts.count == 2, flag.name == "output", parsed.hasFlag("sort-by"), let equals = parts[1].firstIndex(of: "=") {
                inner = parts[0] + " " + parts[1][...equals] + ShellWords.join([String(parts[1][parts[1].index(after: equals)...])])
            }
            guard let piece = [raw, quoted, inner].first(where: { text.range(of: " " + $0) != nil }),
                  let range = text.range(of: " " + piece) else { continue }
            let after = range.upperBound
            guard after == text.endIndex || text[after] == " " else { continue }
            text.removeSubrange(range)
            dropped.append(piece)
        }
        return (text, dropped)
    }

    /// Numbers the request spells out ("the last ten lines", "two hours"), as digits.
    static func spelledNumbers(_ request: String) -> Set<String> {
        let names = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                     "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                     "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "thousand": 1000]
        let tokens = RequestText(request).tokens
        // "the new one is broken": "one" counts only before what it counts ("one hour", "one replica").
        let counted: Set<String> = ["hour", "minute", "min", "second", "sec", "day", "week", "line", "replica", "pod",
                                    "revision", "rev", "node", "container", "instance", "copy", "more", "less"]
        return Set(tokens.indices.compactMap { index -> String? in
            let token = tokens[index]
            let counts = (index + 1 < tokens.count && counted.contains(tokens[index + 1]))
                || (index > 0 && ["revision", "rev", "version", "to", "at"].contains(tokens[index - 1]))
            if token == "one", !counts { return nil }
            return names[token].map(String.init)
        })
    }

    /// The runs of digits in `text` ("10.0.0.5" → 10, 0, 0, 5; "last 200 lines" → 200).
    static func digitRuns(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isNumber }).map(String.init)
    }

    /// `asked` without "sorted by time", "order by the restart count", "newest at the bottom": the words a sort reads.
    static func withoutSortKeys(_ asked: String) -> String {
        var words = asked.split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            if ["sort", "sorted", "order", "ordered", "sorting"].contains(words[index]), index + 1 < words.count, words[index + 1] == "by" {
                var end = index + 2
                while end < words.count, ["the", "their", "its", "a"].contains(words[end]) { end += 1 }
                // "by restart count", "by creation time": a key of two words.
                if end + 1 < words.count, ["count", "time", "timestamp", "date", "usage"].contains(words[end + 1]) { end += 1 }
                words.removeSubrange(index...min(end, words.count - 1))
                continue
            }
            if ["newest", "oldest", "latest", "earliest"].contains(words[index]) {
                words.remove(at: index)
                continue
            }
            index += 1
        }
        return " " + words.joined(separator: " ") + " "
    }

    /// The request lower-cased, with punctuation that ends a word turned into spaces and a space at both ends.
    static func askedText(_ request: String) -> String {
        let spaced = String(request.lowercased().map { ",;:!?()[]{}\"`".contains($0) ? " " : $0 })
        return " " + spaced.split(whereSeparator: \.isWhitespace).joined(separator: " ") + " "
    }

    /// Whether `asked` (from ``askedText(_:)``) has `word` at the start of a word: "labels" and "--overwrite" ask for
    /// "label" and "overwrite", but "usage" does not ask for "age" nor "nearby" for "by".
    static func mentions(_ asked: String, _ word: String) -> Bool {
        // A rule word that starts with a space or a dash (" name ", "-f") carries its own boundary.
        if let first = word.first, !first.isLetter, !first.isNumber { return asked.contains(word) }
        var searchStart = asked.startIndex
        while let range = asked.range(of: word, range: searchStart..<asked.endIndex) {
            if range.lowerBound == asked.startIndex { return true }
            let before = asked[asked.index(before: range.lowerBound)]
            if !before.isLetter && !before.isNumber { return true }
            searchStart = asked.index(after: range.lowerBound)
        }
        // "wacth": a word of five letters typed with two letters swapped still asks for it.
        if word.count == 5, word.allSatisfy(\.isLetter) {
            let swapped = asked.split(whereSeparator: { !$0.isLetter }).contains { token in
                token.count == 5 && token.first == word.first && token.sorted() == word.sorted() && ClosestName.distance(String(token), word) == 1
            }
            if swapped { return true }
        }
        // "per contaner": a long word typed one letter off still asks for it.
        guard word.count >= 6, word.allSatisfy(\.isLetter) else { return false }
        return asked.split(whereSeparator: { !$0.isLetter }).contains { token in
            token.first == word.first
                && (ClosestName.distance(String(token), word) <= 1 || ClosestName.distance(String(token), word + "s") <= 1)
        }
    }

    /// The flags of the failed command shown in the context (`last command (exit 1): kubectl …`), if any.
    static func failedCommandFlags(_ context: [String]) -> [ParsedFlag] {
        guard let line = context.first(where: { $0.hasPrefix("last command (") }),
              let colon = line.range(of: "): ") else { return [] }
        return (try? KubectlCommand.parse(line: String(line[colon.upperBound...])))?.flags ?? []
    }

    /// The text of `flag` as the command spells it: `--tail=30`, `--tail 30`, `-o wide`, `-owide`, `--previous`, `-p`.
    static func piece(for flag: ParsedFlag, in words: [String]) -> String? {
        var index = 1
        while index < words.count, words[index] != "--" {
            let word = words[index]
            defer { index += 1 }
            guard word.hasPrefix("-") else { continue }
            // The flag that `word` starts: the last one parsed from the words up to it.
            guard let last = KubectlCommand.parse(["kubectl"] + Array(words[1...index])).flags.last,
                  last.name == flag.name else { continue }
            if word.contains("=") || (word.count > 2 && !word.hasPrefix("--")) {
                if last.value == flag.value { return word }
                continue
            }
            guard let value = flag.value else { return word }
            if index + 1 < words.count, words[index + 1] == value { return word + " " + value }
        }
        return nil
    }
}
