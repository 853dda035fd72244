import Foundation
import KubectlKit

/// Rewrites what small models write for a real kubectl spelling they mean. Flags: `--wide` for `-o wide`, `--yaml` for `-o yaml`,
/// `--all-namespace` for `-A`, `--label app=x` for `-l app=x` on a command that selects by label, `get events
/// --types=Warning` (a flag of `kubectl events`) for `events --types=Warning`. A rewrite happens
/// only when the command's verb does not know the invented flag and does know the real one, so a flag kubectl accepts
/// is never touched. Objects: `port-forward deploy grafana 3000` for `port-forward deployment/grafana 3000`, the
/// `TYPE NAME` of `get` used with a verb that takes one object as `TYPE/NAME` (`port-forward`, `logs`, `exec`,
/// `attach`), which kubectl would read as a pod named `deploy`.
public enum CommandRepair {
    /// An invented flag and the words it becomes; `keepsValue` when the invented flag's value goes with it.
    struct Rule: Sendable {
        let invented: String
        let real: [String]
        let keepsValue: Bool
    }

    static let rules: [Rule] = [
        Rule(invented: "--wide", real: ["-o", "wide"], keepsValue: false),
        Rule(invented: "--yaml", real: ["-o", "yaml"], keepsValue: false),
        Rule(invented: "--json", real: ["-o", "json"], keepsValue: false),
        Rule(invented: "--name-only", real: ["-o", "name"], keepsValue: false),
        Rule(invented: "--names", real: ["-o", "name"], keepsValue: false),
        Rule(invented: "--all-namespace", real: ["-A"], keepsValue: false),
        // `exec`, `attach`, `run` and `debug` keep stdin open with `-i`.
        Rule(invented: "--interactive", real: ["-i"], keepsValue: false),
        Rule(invented: "--all-ns", real: ["-A"], keepsValue: false),
        Rule(invented: "--label", real: ["-l"], keepsValue: true),
        Rule(invented: "--labels", real: ["-l"], keepsValue: true),
        Rule(invented: "--label-selector", real: ["-l"], keepsValue: true),
        Rule(invented: "--clusterIP", real: ["--cluster-ip"], keepsValue: true),
        Rule(invented: "--clusterip", real: ["--cluster-ip"], keepsValue: true),
        // `--from-file` reads a directory too.
        Rule(invented: "--from-dir", real: ["--from-file"], keepsValue: true),
        Rule(invented: "--from-directory", real: ["--from-file"], keepsValue: true),
        Rule(invented: "--from-files", real: ["--from-file"], keepsValue: true),
        // How many pods `logs -l` reads at once.
        Rule(invented: "--max-concurrent", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--max-concurrency", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--max-concurrent-streams", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--max-streams", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--max-requests", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--concurrency", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--max", real: ["--max-log-requests"], keepsValue: true),
        Rule(invented: "--max-pods", real: ["--max-log-requests"], keepsValue: true),
        // `run` and `create cronjob` name the restart policy `--restart`.
        Rule(invented: "--restart-policy", real: ["--restart"], keepsValue: true),
        Rule(invented: "--restartPolicy", real: ["--restart"], keepsValue: true),
    ]

    /// `get events --types=Warning` or `get events --for pod/web`: `--types` and `--for` belong to `kubectl events`, so
    /// the line becomes `kubectl events --types=Warning`. When the rest of the line is more than `events` takes (names,
    /// a label selector, `-o`), a lone `--types=X` becomes `--field-selector=type=X` instead.
    static func eventTypes(_ tokens: inout [String], parsed: KubectlCommand) -> String? {
        guard parsed.verb == "get", parsed.resource?.canonicalName.hasPrefix("events") == true,
              let index = tokens.firstIndex(where: { $0.hasPrefix("--types=") || $0 == "--for" || $0.hasPrefix("--for=") })
        else { return nil }
        if let moved = eventsLine(tokens) {
            tokens = moved
            return "get events → events"
        }
        guard tokens[index].hasPrefix("--types=") else { return nil }
        let value = tokens[index].dropFirst("--types=".count)
        guard !value.isEmpty, !value.contains(",") else { return nil }
        tokens[index] = "--field-selector=type=" + value
        return "--types → --field-selector=type"
    }

    /// `kubectl get events FLAGS` as `kubectl events FLAGS`, when the events type is the only positional word and
    /// every flag is one `kubectl events` knows; nil otherwise.
    public static func eventsLine(_ tokens: [String]) -> [String]? {
        guard tokens.count > 2, tokens[0] == "kubectl", tokens[1] == "get" else { return nil }
        var rest = Array(tokens[2...])
        guard let type = rest.firstIndex(where: { !$0.hasPrefix("-") }), ResourceCatalog.lookup(rest[type])?.plural == "events"
        else { return nil }
        rest.remove(at: type)
        // A lone `type=Warning` field term is `--types=Warning` there.
        if let index = rest.firstIndex(where: { $0.hasPrefix("--field-selector=type=") || $0.hasPrefix("--field-selector=type==") }) {
            let value = rest[index].split(separator: "=").last.map(String.init) ?? ""
            guard !value.isEmpty, !value.contains(",") else { return nil }
            rest[index] = "--types=" + value
        } else if let index = rest.firstIndex(of: "--field-selector"), index + 1 < rest.count,
                  rest[index + 1].hasPrefix("type="), !rest[index + 1].contains(",") {
            rest.replaceSubrange(index...(index + 1), with: ["--types=" + String(rest[index + 1].dropFirst(5))])
        }
        var position = 0
        while position < rest.count {
            let word = rest[position]
            guard word.hasPrefix("-"), let spec = KubectlCommandTable.flag(named: word, verb: "events") else { return nil }
            if !word.contains("="), spec.consumesNextWord { position += 1 }
            position += 1
        }
        return ["kubectl", "events"] + rest
    }

    /// `--dry-run client`: kubectl's `--dry-run` takes its value only after `=` (given bare it means `client`), so
    /// the separate word would become an object name. It is joined: `--dry-run=client`.
    static func dryRunValue(_ tokens: inout [String]) -> String? {
        guard let index = tokens.firstIndex(of: "--dry-run"), index + 1 < tokens.count,
              ["client", "server", "none"].contains(tokens[index + 1]) else { return nil }
        let value = tokens[index + 1]
        tokens.replaceSubrange(index...(index + 1), with: ["--dry-run=" + value])
        return "--dry-run \(value) → --dry-run=\(value)"
    }

    /// A duration given to a flag that takes whole seconds (`drain --grace-period=30s`, `delete --grace-period 2m`):
    /// kubectl rejects the unit, so the value becomes the number of seconds (`30`, `120`).
    static func wholeSeconds(_ tokens: inout [String], parsed: KubectlCommand) -> [String] {
        guard let help = KubectlKnowledge.command(for: parsed) else { return [] }
        var rewrites: [String] = []
        var index = 1
        while index < tokens.count, tokens[index] != "--" {
            let token = tokens[index]
            defer { index += 1 }
            guard token.hasPrefix("--") else { continue }
            let glued = token.firstIndex(of: "=")
            let name = glued.map { String(token[..<$0]) } ?? token
            guard let flag = help.flag(named: name), flag.valueType == .int,
                  flag.spec.summary.lowercased().contains("second") else { continue }
            let valueIndex = glued == nil ? index + 1 : index
            guard valueIndex < tokens.count else { continue }
            let value = glued.map { String(token[token.index(after: $0)...]) } ?? tokens[valueIndex]
            guard let seconds = Self.seconds(value) else { continue }
            if glued == nil { tokens[valueIndex] = String(seconds) } else { tokens[index] = name + "=" + String(seconds) }
            rewrites.append("\(name)=\(value) → \(name)=\(seconds) (whole seconds)")
        }
        return rewrites
    }

    /// `logs --since=2024-05-14T08:00:00Z`: `--since` takes a duration, so a timestamp goes to `--since-time`.
    static func sinceTime(_ tokens: inout [String], verb: String) -> String? {
        guard verb == "logs" else { return nil }
        // `--tail=1h` for "the last hour": a duration is `--since`.
        for index in tokens.indices where index > 0 && tokens[index].hasPrefix("--tail=") {
            let value = String(tokens[index].dropFirst("--tail=".count))
            guard seconds(value) != nil, !tokens.contains(where: { $0.hasPrefix("--since") }) else { continue }
            tokens[index] = "--since=" + value
            return "--tail=\(value) → --since=\(value)"
        }
        for index in tokens.indices where index > 0 {
            let glued = tokens[index].hasPrefix("--since=")
            guard glued || tokens[index] == "--since", glued || index + 1 < tokens.count else { continue }
            let valueIndex = glued ? index : index + 1
            let value = glued ? String(tokens[index].dropFirst("--since=".count)) : tokens[valueIndex]
            guard value.range(of: #"^\d{4}-\d{2}-\d{2}T"#, options: .regularExpression) != nil else { continue }
            if glued { tokens[index] = "--since-time=" + value } else { tokens[index] = "--since-time" }
            return "--since=\(value) → --since-time=\(value)"
        }
        return nil
    }

    /// Invented flags that leave one object out.
    static let exceptFlags: Set<String> = ["--not-name", "--exclude", "--except", "--ignore", "--exclude-name", "--skip"]

    /// `delete pods --all --not-name ctl` for "every pod except ctl": kubectl leaves an object out by
    /// `--field-selector=metadata.name!=ctl` (and then `--all` is not needed).
    static func exceptName(_ tokens: inout [String], parsed: KubectlCommand) -> String? {
        guard ["get", "delete", "describe", "label", "annotate"].contains(parsed.verb ?? ""), !parsed.resourceWords.isEmpty,
              parsed.fieldSelector == nil else { return nil }
        for index in tokens.indices where index > 0 {
            let glued = tokens[index].firstIndex(of: "=")
            let name = glued.map { String(tokens[index][..<$0]) } ?? tokens[index]
            guard exceptFlags.contains(name), KubectlCommandTable.flag(named: name, verb: parsed.verb, subverb: parsed.subverb) == nil
            else { continue }
            let value = glued.map { String(tokens[index][tokens[index].index(after: $0)...]) } ?? (index + 1 < tokens.count ? tokens[index + 1] : "")
            guard !value.isEmpty, !value.hasPrefix("-"), !value.contains("=") else { return nil }
            let selector = value.split(separator: ",").map { "metadata.name!=" + $0 }.joined(separator: ",")
            tokens.replaceSubrange(index...(glued == nil ? index + 1 : index), with: ["--field-selector=" + selector])
            tokens.removeAll { $0 == "--all" }
            return "\(name) \(value) → --field-selector=\(selector)"
        }
        return nil
    }

    /// `30s`, `2m`, `1h`, `1m30s` or a listing's age (`3d4h`) as seconds; nil for anything else (a bare number
    /// included).
    static func seconds(_ value: String) -> Int? {
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in value {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let number = Int(digits) else { return nil }
            switch character {
            case "s": total += number
            case "m": total += number * 60
            case "h": total += number * 3600
            case "d": total += number * 86400
            case "y": total += number * 31_536_000
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
        return sawUnit && digits.isEmpty ? total : nil
    }

    /// `-l tier in (web,api)` written without quotes, which a shell cannot read: `-l 'tier in (web,api)'`.
    static func quotedSetSelector(_ command: String) -> String? {
        let words = command.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let flag = words.firstIndex(where: { $0 == "-l" || $0 == "--selector" }), flag + 3 < words.count,
              words[flag + 2] == "in" || words[flag + 2] == "notin", words[flag + 3].hasPrefix("("),
              let close = words[(flag + 3)...].firstIndex(where: { $0.contains(")") }),
              !words[flag + 1].contains("'"), !words[flag + 1].contains("\"") else { return nil }
        let selector = words[(flag + 1)...close].joined(separator: " ")
        return (words[...flag] + ["'" + selector + "'"] + words[(close + 1)...]).joined(separator: " ")
    }

    /// The command of each sub-command that only one command has (`view-last-applied` → `apply`, `can-i` → `auth`,
    /// `use-context` → `config`), from kubectl's own command paths. Words that are also resource types are left out.
    static let parentVerbs: [String: String] = {
        var parents: [String: Set<String>] = [:]
        for path in KubectlKnowledge.paths {
            let parts = path.split(separator: " ").map(String.init)
            guard parts.count == 2, ResourceCatalog.lookup(parts[1]) == nil else { continue }
            parents[parts[1], default: []].insert(parts[0])
        }
        return parents.compactMapValues { $0.count == 1 ? $0.first : nil }
    }()

    /// Verbs kubectl lacks, and the verb that prints what they name.
    static let inventedVerbs: [String: String] = [
        // Evicting every pod of a node is draining it.
        "evict": "drain",
        "api-groups": "api-versions", "api-group": "api-versions", "api-version": "api-versions",
        "api-resource": "api-resources",
    ]

    /// `create` sub-commands kubectl lacks for kubeconfig entries, and the `config` command that makes them.
    static let kubeconfigCreates: [String: String] = [
        "user": "set-credentials", "credentials": "set-credentials", "credential": "set-credentials",
        "context": "set-context", "cluster": "set-cluster",
    ]

    /// Verbs that take one object, which kubectl reads as `TYPE/NAME` or a pod name.
    static let singleObjectVerbs: Set<String> = ["port-forward", "logs", "exec", "attach"]

    /// `port-forward deploy grafana 3000` → `port-forward deployment/grafana 3000`: the first positional word is a
    /// resource type other than pods and the next one a name.
    static func slashForm(_ tokens: inout [String], verb: String) -> String? {
        guard singleObjectVerbs.contains(verb) else { return nil }
        var index = 2
        while index < tokens.count, tokens[index] != "--" {
            let word = tokens[index]
            if word.hasPrefix("-") {
                // Skip a flag's separate value (`-c app`, `-n shop`).
                if !word.contains("="), let spec = KubectlCommandTable.flag(named: word, verb: verb), spec.consumesNextWord {
                    index += 1
                }
                index += 1
                continue
            }
            guard !word.contains("/"), let type = ResourceCatalog.lookup(word),
                  index + 1 < tokens.count, !tokens[index + 1].hasPrefix("-"), tokens[index + 1] != "--",
                  ResourceCatalog.lookup(tokens[index + 1]) == nil else { return nil }
            if type.plural == "pods" {
                // `logs pod hex-1`: kubectl would read a pod named `pod`; the name is the pod.
                tokens.remove(at: index)
                return "\(word) \(tokens[index]) → \(tokens[index])"
            }
            let joined = type.singular + "/" + tokens[index + 1]
            tokens.replaceSubrange(index...(index + 1), with: [joined])
            return "\(word) \(joined.split(separator: "/").last ?? "") → \(joined)"
        }
        return nil
    }

    /// `command` with invented flags rewritten, and the rewrites made (`--wide → -o wide`). Commands with shell syntax
    /// or bad quoting, and commands of unknown verbs, are returned unchanged.
    public static func repair(_ command: String) -> (command: String, rewrites: [String]) {
        if let quoted = quotedSetSelector(command) {
            let rest = repair(quoted)
            return (rest.command, ["quoted the selector"] + rest.rewrites)
        }
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return (command, [])
        }
        if words.count > 1, KubectlCommandTable.spec(forVerb: words[1]) == nil, let real = inventedVerbs[words[1]] {
            // `kubectl api-groups`: a verb kubectl lacks, for the one that prints the same.
            let rest = repair(ShellWords.join(["kubectl", real] + words.dropFirst(2)))
            return (rest.command, ["\(words[1]) → \(real)"] + rest.rewrites)
        }
        if words.count > 2, words[1] == "create", let real = kubeconfigCreates[words[2]],
           !KubectlKnowledge.paths.contains("create " + words[2]) {
            // `kubectl create user quill-admin --token …`: a kubeconfig entry is made by `kubectl config`.
            let rest = repair(ShellWords.join(["kubectl", "config", real] + words.dropFirst(3)))
            return (rest.command, ["create \(words[2]) → config \(real)"] + rest.rewrites)
        }
        if words.count > 1, KubectlCommandTable.spec(forVerb: words[1]) == nil, let parent = parentVerbs[words[1]] {
            // `kubectl view-last-applied svc/front`: the sub-command without its command.
            let rest = repair(ShellWords.join(["kubectl", parent] + words.dropFirst()))
            return (rest.command, ["\(words[1]) → \(parent) \(words[1])"] + rest.rewrites)
        }
        let parsed = KubectlCommand.parse(words)
        guard let verb = parsed.verb, parsed.isKnownVerb else { return (command, []) }
        var tokens = command.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var rewrites: [String] = []
        var index = 1
        while index < tokens.count, tokens[index] != "--" {
            let token = tokens[index]
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            guard let rule = rules.first(where: { $0.invented == name }),
                  KubectlCommandTable.flag(named: name, verb: verb, subverb: parsed.subverb) == nil,
                  let real = KubectlCommandTable.flag(named: rule.real[0], verb: verb, subverb: parsed.subverb) else {
                index += 1
                continue
            }
            // `-it --interactive`: the real flag is there already, so the invented one only goes.
            var replacement = rule.real.count == 1 && !rule.keepsValue && parsed.hasFlag(real.long) ? [] : rule.real
            if rule.keepsValue, let equals = token.firstIndex(of: "=") {
                let value = String(token[token.index(after: equals)...])
                // A long flag keeps the value glued (`--from-file=./html`), a short one takes it as the next word.
                if replacement.count == 1, replacement[0].hasPrefix("--") { replacement[0] += "=" + value } else { replacement.append(value) }
            }
            tokens.replaceSubrange(index...index, with: replacement)
            rewrites.append(replacement.isEmpty ? "\(name) (\(rule.real.joined(separator: " ")) is there)" : "\(name) → \(rule.real.joined(separator: " "))")
            index += replacement.count
        }
        if let rewrite = eventTypes(&tokens, parsed: parsed) { rewrites.append(rewrite) }
        if let rewrite = dryRunValue(&tokens) { rewrites.append(rewrite) }
        rewrites += wholeSeconds(&tokens, parsed: parsed)
        if let rewrite = sinceTime(&tokens, verb: verb) { rewrites.append(rewrite) }
        if let rewrite = exceptName(&tokens, parsed: parsed) { rewrites.append(rewrite) }
        if let rewrite = slashForm(&tokens, verb: verb) { rewrites.append(rewrite) }
        guard !rewrites.isEmpty else { return (command, []) }
        return (tokens.joined(separator: " "), rewrites)
    }
}
