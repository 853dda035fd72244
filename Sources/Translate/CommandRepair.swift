import Foundation
import KubectlKit

/// Rewrites what small models write for a real kubectl spelling they mean. Flags: `--wide` for `-o wide`, `--yaml` for `-o yaml`,
/// `--all-namespace` for `-A`, `--label app=x` for `-l app=x` on a command that selects by label, `get events
/// --types=Warning` (a flag of `kubectl events`) for `--field-selector=type=Warning`. A rewrite happens
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
        Rule(invented: "--all-ns", real: ["-A"], keepsValue: false),
        Rule(invented: "--label", real: ["-l"], keepsValue: true),
        Rule(invented: "--labels", real: ["-l"], keepsValue: true),
        Rule(invented: "--label-selector", real: ["-l"], keepsValue: true),
    ]

    /// `get events --types=Warning`: `--types` belongs to `kubectl events`; `get` filters by field.
    static func eventTypes(_ tokens: inout [String], parsed: KubectlCommand) -> String? {
        guard parsed.verb == "get", parsed.resource?.canonicalName.hasPrefix("events") == true else { return nil }
        guard let index = tokens.firstIndex(where: { $0.hasPrefix("--types=") }) else { return nil }
        let value = tokens[index].dropFirst("--types=".count)
        guard !value.isEmpty, !value.contains(",") else { return nil }
        tokens[index] = "--field-selector=type=" + value
        return "--types → --field-selector=type"
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
            guard !word.contains("/"), let type = ResourceCatalog.lookup(word), type.plural != "pods",
                  index + 1 < tokens.count, !tokens[index + 1].hasPrefix("-"), tokens[index + 1] != "--",
                  ResourceCatalog.lookup(tokens[index + 1]) == nil else { return nil }
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
                  KubectlCommandTable.flag(named: rule.real[0], verb: verb, subverb: parsed.subverb) != nil else {
                index += 1
                continue
            }
            var replacement = rule.real
            if rule.keepsValue, let equals = token.firstIndex(of: "=") {
                replacement.append(String(token[token.index(after: equals)...]))
            }
            tokens.replaceSubrange(index...index, with: replacement)
            rewrites.append("\(name) → \(rule.real.joined(separator: " "))")
            index += replacement.count
        }
        if let rewrite = eventTypes(&tokens, parsed: parsed) { rewrites.append(rewrite) }
        if let rewrite = dryRunValue(&tokens) { rewrites.append(rewrite) }
        if let rewrite = slashForm(&tokens, verb: verb) { rewrites.append(rewrite) }
        guard !rewrites.isEmpty else { return (command, []) }
        return (tokens.joined(separator: " "), rewrites)
    }
}
