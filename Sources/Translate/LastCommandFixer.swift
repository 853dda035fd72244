import Foundation
import KubectlKit
import Session

/// Fixes the last failed command without the model when kubectl itself said what was wrong and its help knows the
/// answer: a mistyped resource type (`the server doesn't have a resource type "deploymnets"` → the closest type), an
/// unknown flag (`unknown flag: --sortby` → the closest flag of the command), an unknown command or sub-command (the
/// closest name), a required flag (`required flag(s) "replicas" not set`) whose value the request gives, or the
/// container of a pod with several that the request names (`choose one of: [app sidecar]`). Only for plain fix
/// requests (``FixRequest``), and for two follow-ups that say exactly what changes: "same for web-2" (the last
/// command for another object) and "try again in ns retail" (in another namespace), both only after the server answered;
/// everything else goes to the model with the failure in the prompt. Pure.
public enum LastCommandFixer {
    /// A corrected command and why.
    public struct Fix: Sendable, Equatable {
        /// The corrected command line.
        public var command: String
        /// What was wrong and how it was fixed, e.g. `"deploymnets" is not a resource type; the closest is deployments`.
        public var reason: String
    }

    /// What answered, shown where the model's name usually is.
    public static let answeredBy = "kubectl's help"

    /// The fix for `request` in `context`, or nil when the request is not a plain fix request, nothing failed, or the
    /// error is not one kubectl's help can fix.
    public static func fix(request: String, context: SessionContext) -> Fix? {
        guard let failure = context.lastFailure, var words = try? ShellWords.split(failure.command),
              words.first == "kubectl" || words.first?.hasSuffix("/kubectl") == true else { return nil }
        let error = failure.errorLines.joined(separator: "\n")
        let command = KubectlCommand.parse(words)
        // Only after the server answered (a command kubectl itself refused needs more than another object or namespace).
        let serverAnswered = error.contains("Error from server") || error.contains("No resources found")
        if serverAnswered, let other = otherObject(request), let fix = sameFor(other, words: words, command: command) { return fix }
        if serverAnswered, let namespace = otherNamespace(request), command.namespace != namespace {
            let moved = PickEnforcer.setNamespace(words, namespace)
            return Fix(command: ShellWords.join(moved), reason: "the last command, in namespace \(namespace)")
        }

        if let typed = quoted(after: "doesn't have a resource type \"", in: error) {
            guard FixRequest.isPlainFix(request) else { return nil }
            // Full names first: `pdo` is a swapped `pod`, not the short name `pdb`.
            let nearest = ClosestName.find(typed, among: ResourceCatalog.all.flatMap { [$0.plural, $0.singular] })
                ?? ClosestName.find(typed, among: ResourceCatalog.all.flatMap(\.shortNames))
            guard let nearest, replaceType(typed, with: nearest, in: &words) else { return nil }
            return Fix(command: ShellWords.join(words),
                       reason: "\"\(typed)\" is not a resource type; the closest is \(nearest)")
        }
        if let bad = unknownFlagWord(error), let help = KubectlKnowledge.command(for: command),
           ContextRenderer.refersToFailure(request),
           let asked = flagNamed(in: request, among: help.flags.map(\.spec) + KubectlCommandTable.globalFlags),
           let index = words.firstIndex(where: { $0 == bad || $0.hasPrefix(bad + "=") }) {
            // "i wanted to watch them, use the right flag" after `unknown shorthand flag: 'r' in -r`: the flag the
            // request names by its word.
            let value = words[index].dropFirst(bad.count)
            words[index] = asked.option + (asked.takesValue ? value : "")
            return Fix(command: ShellWords.join(words),
                       reason: "\(bad) is not a flag of kubectl \(help.pathText); the request asks for \(asked.option)")
        }
        if error.contains("is not supported anymore. Use exec [POD] -- [COMMAND]"), command.verb == "exec", !command.hasDoubleDash {
            // `exec -it web-0 bash`: kubectl wants `--` before the program.
            guard FixRequest.isPlainFix(request), let help = KubectlKnowledge.command(for: command),
                  let fixed = dashBeforeProgram(words, flags: help.flags.map(\.spec) + KubectlCommandTable.globalFlags)
            else { return nil }
            return Fix(command: ShellWords.join(fixed), reason: "kubectl exec needs -- before the program it runs")
        }
        if let spec = after("invalid taint spec: ", in: error).map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }),
           command.verb == "taint", !spec.contains(":"), let effect = taintEffect(request),
           let index = words.firstIndex(of: spec) {
            // "forgot the effect, its NoSchedule": a taint needs KEY=VALUE:EFFECT.
            words[index] = spec + ":" + effect
            return Fix(command: ShellWords.join(words), reason: "a taint needs its effect; the request gives \(effect)")
        }
        if serverAnswered, error.contains("(NotFound)"), let type = otherType(request, command: command),
           let fixed = retyped(words, command: command, as: type) {
            return Fix(command: ShellWords.join(fixed), reason: "the last command, for the \(type) of that name")
        }
        if let flag = after("unknown flag: --", in: error) {
            guard FixRequest.isPlainFix(request), let help = KubectlKnowledge.command(for: command) else { return nil }
            let candidates = help.flags.map(\.spec.long) + KubectlCommandTable.globalFlags.map(\.long)
            // A flag cut short (`--prev`, `--sort`) is the only one it starts; else the closest spelling.
            let extended = Array(Set(candidates.filter { $0.hasPrefix(flag) && $0 != flag }))
            guard let nearest = extended.count == 1 ? extended[0] : ClosestName.find(flag, among: candidates),
                  let index = words.firstIndex(where: { $0 == "--" + flag || $0.hasPrefix("--" + flag + "=") })
            else { return nil }
            words[index] = "--" + nearest + words[index].dropFirst(2 + flag.count)
            return Fix(command: ShellWords.join(words),
                       reason: "--\(flag) is not a flag of kubectl \(help.pathText); the closest is --\(nearest)")
        }
        if let format = quoted(after: "printer suitable for the output format \"", in: error) {
            // `-o wdie`: kubectl lists the formats it has; the closest of them.
            guard FixRequest.isPlainFix(request), let list = after("allowed formats are: ", in: error) else { return nil }
            let allowed = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let nearest = ClosestName.find(format, among: allowed),
                  let index = words.firstIndex(where: { $0 == format || $0.hasSuffix("=" + format) || $0 == "-o" + format })
            else { return nil }
            words[index] = String(words[index].dropLast(format.count)) + nearest
            return Fix(command: ShellWords.join(words), reason: "\(format) is not an output format; the closest is \(nearest)")
        }
        if let program = quoted(after: "exec: \"", in: error), error.contains("executable file") || error.contains("no such file"),
           ["bash", "zsh", "ash", "fish", "/bin/bash", "/usr/bin/bash"].contains(program) {
            // The image has no bash: every image with a shell has `sh` ("no bash in there, use sh" says so too).
            guard FixRequest.isPlainFix(request) || RequestText(request).set.contains("sh"), let dash = words.firstIndex(of: "--"),
                  let index = words[dash...].firstIndex(of: program) else { return nil }
            words[index] = "sh"
            return Fix(command: ShellWords.join(words), reason: "the container has no \(program); sh is there in every image with a shell")
        }
        if error.contains("--overwrite is false"), ["label", "annotate"].contains(command.verb ?? ""),
           !command.hasFlag("overwrite") {
            // `'team' already has a value (payments), and --overwrite is false`: kubectl names the flag itself.
            guard FixRequest.isPlainFix(request) || RequestText(request).hasAny(["flag", "overwrite", "force", "replace"])
            else { return nil }
            let end = words.firstIndex(of: "--") ?? words.count
            words.insert("--overwrite", at: end)
            return Fix(command: ShellWords.join(words), reason: "the label has a value already; --overwrite replaces it")
        }
        if let typed = quoted(after: "unknown command \"", in: error) {
            guard FixRequest.isPlainFix(request) else { return nil }
            let word = String(typed.split(separator: " ").first ?? "")
            // `unknown command "gett" for "kubectl"`, or a sub-command: `rollout undoo` → `unknown command "undoo …"`.
            let parent = error.contains("for \"kubectl\"") ? nil : command.verb.flatMap { KubectlCommandTable.spec(forVerb: $0) }
            let names = parent?.subcommands.map(\.name) ?? KubectlCommandTable.verbs.map(\.name)
            guard let nearest = ClosestName.find(word, among: names),
                  let index = words.firstIndex(of: word) else { return nil }
            words[index] = nearest
            let what = parent.map { "a kubectl \($0.name) command" } ?? "a kubectl command"
            return Fix(command: ShellWords.join(words), reason: "\(word) is not \(what); the closest is \(nearest)")
        }
        if let container = container(named: request, error: error), ["logs", "exec", "attach", "cp", "debug"]
            .contains(command.verb ?? "") {
            setContainer(container, in: &words)
            return Fix(command: ShellWords.join(words),
                       reason: "the pod has several containers; kubectl needs -c to pick \(container)")
        }
        if let flag = quoted(after: "required flag(s) \"", in: error.replacingOccurrences(of: "\\\"", with: "\"")) {
            guard let help = KubectlKnowledge.command(for: command),
                  let spec = help.flags.first(where: { $0.spec.long == flag }),
                  let value = value(for: spec, in: request) else { return nil }
            let extra = RequestWords(flag.replacingOccurrences(of: "-", with: " ") + " " + flag + " " + value).words
            guard FixRequest.isPlainFix(request, extra: extra) || isOnlyValue(request, flag: flag, value: value)
            else { return nil }
            if let dash = words.firstIndex(of: "--") {
                words.insert("--\(flag)=\(value)", at: dash)
            } else {
                words.append("--\(flag)=\(value)")
            }
            return Fix(command: ShellWords.join(words), reason: "kubectl \(help.pathText) requires --\(flag)")
        }
        return nil
    }

    /// Words that may surround the object in "same for web-2", "again but for web-2", "web-2 too pls".
    static let sameWords: Set<String> = [
        "same", "again", "too", "also", "for", "but", "with", "on", "the", "thing", "do", "now", "then", "pls", "please",
        "plz", "try", "it", "one", "as", "well", "instead",
    ]

    /// The one object a request asks to run the last command for instead ("same for web-2", "now web-3 too"): a
    /// name-like word with a digit or a dash, the request's only word apart from ``sameWords``, and at least one of
    /// "same", "again", "too", "also", "instead".
    static func otherObject(_ request: String) -> String? {
        let tokens = RequestText(request).tokens
        guard tokens.contains(where: { ["same", "again", "too", "also", "instead"].contains($0) }) else { return nil }
        let rest = tokens.filter { !sameWords.contains($0) }
        guard rest.count == 1, let word = rest.first, RequestEvidence.looksLikeName(word),
              word.contains(where: { $0 == "-" || $0.isNumber }) else { return nil }
        return word
    }

    /// The namespace a request asks to run the last command in and says nothing else: "try again in ns retail",
    /// "same in staging", "retry in namespace qa pls", "try namesapce qa".
    static func otherNamespace(_ request: String) -> String? {
        let tokens = RequestText(request).tokens
        guard tokens.contains(where: { ["again", "retry", "same", "instead", "rerun", "try", "wrong", "redo", "fix", "typo",
                                        "its", "it's", "actually", "meant"].contains($0) }),
              let namespace = AskedFlags.namedNamespace(request) else { return nil }
        // "wrong ns, its in payments-stg", "ns is fulfil with one l, redo", "i meant namespace qa".
        let allowed: Set<String> = ["in", "ns", "namespace", "but", "same", "instead", "again", "wrong", "actually",
                                    "meant", "should", "be", "was", "spelled", "spelt", namespace]
        // A single letter is a spelling remark ("with one l").
        guard tokens.allSatisfy({ $0.count == 1 || allowed.contains($0) || FixRequest.fixWords.contains($0) || FixRequest.fillerWords.contains($0) })
        else { return nil }
        return namespace
    }

    /// The flag word kubectl did not know: `--follw` from `unknown flag: --follw`, `-r` from `unknown shorthand flag:
    /// 'r' in -r`.
    static func unknownFlagWord(_ error: String) -> String? {
        if let flag = after("unknown flag: --", in: error) { return "--" + flag }
        if let range = error.range(of: "unknown shorthand flag: '"), let letter = error[range.upperBound...].first,
           letter != "'" {
            return "-" + String(letter)
        }
        return nil
    }

    /// The one flag of `flags` a request names by a word of its own ("watch them" → `--watch`, "i wanted to follow" →
    /// `--follow`): a word of four letters or more, or that word without `-ing`, `-ed` or `-s`, that is the flag's
    /// whole long name. Nil when no flag or several are named.
    static func flagNamed(in request: String, among flags: [KubectlFlagSpec]) -> KubectlFlagSpec? {
        var found: [String: KubectlFlagSpec] = [:]
        for token in RequestText(request).tokens where token.count >= 4 && !FixRequest.fixWords.contains(token) {
            let bare = token.hasPrefix("--") ? String(token.dropFirst(2)) : token
            var stems = [bare]
            for suffix in ["ing", "ed", "es", "s"] where bare.hasSuffix(suffix) && bare.count > suffix.count + 3 {
                stems.append(String(bare.dropLast(suffix.count)))
            }
            for flag in flags where stems.contains(flag.long) { found[flag.long] = flag }
        }
        return found.count == 1 ? found.values.first : nil
    }

    /// `exec -it web-0 -n shop bash -l`: the words of kubectl (flags among `flags`, the pod) first, then `--` and the
    /// program with its arguments. Nil when no pod or no program is there.
    static func dashBeforeProgram(_ words: [String], flags: [KubectlFlagSpec]) -> [String]? {
        guard let verb = words.firstIndex(of: "exec") else { return nil }
        var kubectl = Array(words[...verb])
        var program: [String] = []
        var pod = false
        var index = verb + 1
        while index < words.count {
            let word = words[index]
            index += 1
            if word.hasPrefix("--"), let flag = flags.first(where: { word == $0.option || word.hasPrefix($0.option + "=") }) {
                kubectl.append(word)
                if flag.consumesNextWord, !word.contains("="), index < words.count {
                    kubectl.append(words[index])
                    index += 1
                }
                continue
            }
            if word.count > 1, word.hasPrefix("-"), !word.hasPrefix("--") {
                let letters = word.dropFirst().map(String.init)
                let specs = letters.compactMap { letter in flags.first { $0.short == letter } }
                // `-it` (switches) or `-n shop` (one flag and its value); anything else is the program's.
                if specs.count == letters.count, specs.dropLast().allSatisfy({ !$0.takesValue }) {
                    kubectl.append(word)
                    if letters.count == 1, specs[0].consumesNextWord, index < words.count {
                        kubectl.append(words[index])
                        index += 1
                    }
                    continue
                }
            }
            if !pod, !word.hasPrefix("-") {
                pod = true
                kubectl.append(word)
            } else {
                program.append(word)
            }
        }
        guard pod, !program.isEmpty else { return nil }
        return kubectl + ["--"] + program
    }

    /// The taint effect a request names ("its NoSchedule", "noexecute"), in kubectl's spelling.
    static func taintEffect(_ request: String) -> String? {
        let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
        let named = Set(RequestText(request).tokens.compactMap { token in effects.first { $0.lowercased() == token } })
        return named.count == 1 ? named.first : nil
    }

    /// The type a request says the last command's object really is, after the server found no such object: "its a svc
    /// not a pod duh", "it's a deployment". One type the request names, other than those after "not" and other than
    /// the command's, in a request that says nothing else.
    static func otherType(_ request: String, command: KubectlCommand) -> String? {
        let tokens = RequestText(request).tokens
        let named = command.objects.isEmpty ? command.names : command.objects.map(\.name)
        guard named.count == 1, tokens.contains(where: { ["its", "it's", "it", "is", "a", "an"].contains($0) }) else { return nil }
        var types: [String] = []
        for (index, token) in tokens.enumerated() {
            guard let type = ResourceCatalog.lookup(token) else { continue }
            let negated = index > 0 && ["not", "no", "isn't", "isnt"].contains(tokens[index - 1])
                || index > 1 && ["not", "isn't", "isnt"].contains(tokens[index - 2])
            if !negated, type.canonicalName != command.resource?.canonicalName { types.append(token) }
        }
        let allowed: Set<String> = ["its", "it's", "it", "is", "a", "an", "not", "but", "instead", "of", "type", "kind",
                                    "actually", "duh", "ugh", "oops", "the", "object", "that", "this", "one", "oh", "wait",
                                    "ah", "sorry", "my", "bad"]
        guard Set(types).count == 1, tokens.allSatisfy({ allowed.contains($0) || ResourceCatalog.lookup($0) != nil
                                                        || FixRequest.fixWords.contains($0) || FixRequest.fillerWords.contains($0) })
        else { return nil }
        return types[0]
    }

    /// The last command with its one object written as `type`: `port-forward grafana 3000:80` → `port-forward
    /// svc/grafana 3000:80`, `describe pod web` → `describe svc web`, `logs pod/web` → `logs svc/web`.
    static func retyped(_ words: [String], command: KubectlCommand, as type: String) -> [String]? {
        let named = command.objects.isEmpty ? command.names : command.objects.map(\.name)
        guard let name = named.first, let verb = command.verb, let verbIndex = words.firstIndex(of: verb) else { return nil }
        var result = words
        let end = words.firstIndex(of: "--") ?? words.count
        if let index = words[..<end].firstIndex(where: { !$0.hasPrefix("-") && $0.hasSuffix("/" + name) }) {
            result[index] = type + "/" + name
            return result
        }
        guard let index = words[(verbIndex + 1)..<end].firstIndex(of: name) else { return nil }
        if let typeWord = command.resourceWord, let typeIndex = words[(verbIndex + 1)..<index].lastIndex(of: typeWord) {
            result[typeIndex] = type
        } else {
            result[index] = type + "/" + name
        }
        return result
    }

    /// The last command with its one object name replaced by `other`: `logs cart-web-1 -p` for "same for cart-web-2".
    /// Nil when the command names no object or several, or already names `other`.
    static func sameFor(_ other: String, words: [String], command: KubectlCommand) -> Fix? {
        let named = command.objects.isEmpty ? command.names : command.objects.map(\.name)
        guard named.count == 1, let old = named.first, old.lowercased() != other,
              !words.contains(where: { $0.lowercased() == other }) else { return nil }
        let end = words.firstIndex(of: "--") ?? words.count
        var replaced = words
        var count = 0
        for index in 1..<end {
            let word = words[index]
            if word == old {
                replaced[index] = other
                count += 1
            } else if word.hasSuffix("/" + old), !word.hasPrefix("-") {
                replaced[index] = String(word.dropLast(old.count)) + other
                count += 1
            }
        }
        guard count == 1 else { return nil }
        return Fix(command: ShellWords.join(replaced), reason: "the last command, for \(other) instead of \(old)")
    }

    /// The container a request picks after kubectl said the pod has several (`choose one of: [app sidecar]`,
    /// `Defaulted container "api" out of: api, envoy`) or that the one asked for is not there (`container not found`):
    /// one of those listed that the request names, or the `X` of "the X container" after `container not found`. Only
    /// for requests that say nothing else.
    static func container(named request: String, error: String) -> String? {
        var listed: [String] = []
        if let range = error.range(of: "choose one of: [") {
            listed = error[range.upperBound...].prefix { $0 != "]" }.split(separator: " ").map(String.init)
        } else if let range = error.range(of: " out of: ") {
            let line = error[range.upperBound...].prefix { $0 != "\n" }
            let containers = line.split(separator: "(").first ?? line[...]
            listed = containers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let words = RequestWords(request).words
        var named = listed.filter { words.contains($0.lowercased()) }
        if listed.isEmpty, error.contains("container not found") {
            let tokens = request.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," })
            for index in tokens.indices.dropLast() where tokens[index + 1] == "container" && tokens[index] != "the" {
                named.append(String(tokens[index]))
            }
        }
        guard named.count == 1 else { return nil }
        let extra: Set<String> = ["same", "in", "container", "ctr", "instead", "but", "again", named[0].lowercased()]
        // "again but in log-shipper contianer": a misspelt "container" is still one.
        guard words.allSatisfy({ FixRequest.fixWords.contains($0) || FixRequest.fillerWords.contains($0)
                                  || extra.contains(RequestText.spelled($0)) }) else { return nil }
        return named[0]
    }

    /// Sets `-c container`, replacing a `-c`/`--container` already there, before `--` when there is one.
    static func setContainer(_ container: String, in words: inout [String]) {
        let end = words.firstIndex(of: "--") ?? words.endIndex
        for index in words.indices where index < end {
            let word = words[index]
            if (word == "-c" || word == "--container"), index + 1 < end {
                words[index + 1] = container
                return
            }
            if word.hasPrefix("--container=") || (word.hasPrefix("-c") && word.count > 2 && !word.hasPrefix("--")) {
                words[index] = "--container=" + container
                return
            }
        }
        words.insert(contentsOf: ["-c", container], at: end)
    }

    /// The text between `marker` and the next `"`.
    static func quoted(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let value = String(rest[..<end])
        return value.isEmpty ? nil : value
    }

    /// The word after `marker`.
    static func after(_ marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let word = text[range.upperBound...].prefix { !$0.isWhitespace }
        return word.isEmpty ? nil : String(word)
    }

    /// Replaces the type word `typed` (alone, in a `TYPE/NAME` word or in a `pods,svc` list) with `nearest`.
    static func replaceType(_ typed: String, with nearest: String, in words: inout [String]) -> Bool {
        for (index, word) in words.enumerated().dropFirst() where !word.hasPrefix("-") {
            let slash = word.firstIndex(of: "/")
            let head = slash.map { String(word[..<$0]) } ?? word
            var types = head.split(separator: ",").map(String.init)
            guard let position = types.firstIndex(of: typed) else { continue }
            types[position] = nearest
            words[index] = types.joined(separator: ",") + (slash.map { String(word[$0...]) } ?? "")
            return true
        }
        return false
    }

    /// The value the request gives a required flag: the only number for a number flag, else the word after the
    /// flag's name (`with image nginx:1.25`).
    static func value(for flag: KubectlFlagHelp, in request: String) -> String? {
        let words = request.split(whereSeparator: \.isWhitespace).map(String.init)
        if flag.valueType == .int {
            let numbers = words.filter { Int($0) != nil }
            return numbers.count == 1 ? numbers[0] : nil
        }
        let name = flag.spec.long.lowercased()
        guard let index = words.firstIndex(where: { $0.lowercased() == name || $0.lowercased() == "--" + name }),
              index + 1 < words.count else { return nil }
        return words[index + 1]
    }

    /// `3 replicas`, `--replicas 3`, `replicas=3`: the request only gives the value.
    static func isOnlyValue(_ request: String, flag: String, value: String) -> Bool {
        let rest = request.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "=" })
            .filter { $0 != Substring(value.lowercased()) && $0 != Substring(flag) && $0 != Substring("--" + flag) }
        return rest.isEmpty
    }
}
