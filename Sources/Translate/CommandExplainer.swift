import Foundation
import KubectlKit
import Session

/// Explains a kubectl command line from kubectl's own help (``KubectlKnowledge``) and the session context: the
/// command's description, each argument's role, each flag with kubectl's description, the flags left out that the
/// help says matter, the namespace and context after k1 adds its own, and the risk label. Pure and instant: no model,
/// no process. Unknown commands and flags are named as such, never explained away.
public enum CommandExplainer {
    /// Explains `line` (with or without `kubectl`) as it would run in `context`.
    /// - Throws: ``ShellWordsError`` when the quoting is unbalanced.
    public static func explain(_ line: String, context: SessionContext = SessionContext()) throws(ShellWordsError)
        -> CommandExplanation {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        var words = try ShellWords.split(trimmed)
        if words.first != "kubectl", !(words.first?.hasSuffix("/kubectl") ?? false) { words.insert("kubectl", at: 0) }
        // `get pods | grep web`: kubectl's part is explained, the rest is named as what /bin/sh runs after it.
        var shellTail: String?
        if ShellWords.hasShellSyntax(trimmed), let cut = words.firstIndex(where: isShellOperator) {
            shellTail = words[cut...].joined(separator: " ")
            words = Array(words[..<cut])
        }
        let command = KubectlCommand.parse(words)
        let help = KubectlKnowledge.command(for: command)
        var problems: [String] = []

        if let verb = command.verb, help == nil {
            let nearest = ClosestName.find(verb, among: KubectlCommandTable.verbs.map(\.name))
            problems.append("unknown command '\(verb)'" + (nearest.map { "; did you mean '\($0)'?" } ?? ""))
        }
        if let help, !help.spec.subcommands.isEmpty, let word = command.positionals.first,
           help.spec.subcommand(named: word) == nil, !runsWithoutSubcommand(help) {
            let names = help.spec.subcommands.map(\.name)
            let nearest = ClosestName.find(word, among: names)
            problems.append("unknown \(help.pathText) command '\(word)'"
                            + (nearest.map { "; did you mean '\($0)'?" } ?? "; known: " + names.joined(separator: ", ")))
        }

        let flags = command.flags.map { explainFlag($0, help: help) }
        for flag in flags where !flag.isKnown {
            let candidates = (help?.flags ?? []).map(\.spec.long) + KubectlCommandTable.globalFlags.map(\.long)
            let nearest = ClosestName.find(flag.name, among: candidates)
            problems.append("unknown flag \(flag.typed)" + (nearest.map { "; did you mean --\($0)?" } ?? ""))
        }

        let arguments = help == nil ? [] : explainArguments(command)
        for argument in arguments where argument.role == "TYPE" && argument.meaning.hasPrefix("unknown") {
            problems.append(argument.meaning)
        }

        return CommandExplanation(
            line: trimmed,
            path: help?.pathText,
            summary: help?.headline ?? "",
            usage: help?.usage ?? "",
            arguments: arguments,
            flags: flags,
            omitted: help.map { omissions(help: $0, command: command) } ?? [],
            namespace: help == nil ? nil : namespace(of: command, in: context),
            context: contextText(of: command, in: context),
            risk: shellTail == nil ? RiskClassifier.classify(command) : RiskClassifier.classify(trimmed),
            problems: problems,
            shellTail: shellTail
        )
    }

    /// A word that starts what the shell does after kubectl: `|`, `||`, `&&`, `;`, `&`, a redirection.
    static func isShellOperator(_ word: String) -> Bool {
        ["|", "||", "&&", ";", "&"].contains(word) || word.hasPrefix("|") || word.hasPrefix(">") || word.hasPrefix("<")
            || word.hasPrefix("2>") || word.hasPrefix("&>") || word.hasPrefix(";")
    }

    /// Commands with sub-commands that also run on their own (`create -f`, `apply -f`, `set`, `top` do not).
    static func runsWithoutSubcommand(_ help: KubectlCommandHelp) -> Bool {
        help.path.count == 1 && ["create", "apply"].contains(help.path[0])
    }

    static func explainFlag(_ flag: ParsedFlag, help: KubectlCommandHelp?) -> CommandExplanation.Flag {
        let typed = flag.description
        guard flag.isKnown, let known = help?.flag(named: "--" + flag.name) ?? KubectlKnowledge.globalFlag(flag.name)
        else {
            return .init(typed: typed, name: flag.name, value: flag.value, description: "", isKnown: false)
        }
        return .init(typed: typed, name: known.spec.long, value: flag.value, description: known.spec.summary,
                     isKnown: true)
    }

    static func explainArguments(_ command: KubectlCommand) -> [CommandExplanation.Argument] {
        var result: [CommandExplanation.Argument] = []
        var objectsLeft = command.objects
        for word in command.positionals {
            if command.subverb?.split(separator: " ").contains(Substring(word)) == true { continue }
            if command.resourceWords.contains(word) || word == command.resourceWord {
                let types = word.split(separator: ",").map(String.init)
                let meanings = types.map { type -> String in
                    if let known = ResourceCatalog.lookup(type) { return known.canonicalName }
                    return type.contains(".") || type == "all" ? type : "unknown resource type '\(type)'"
                }
                if let unknown = meanings.first(where: { $0.hasPrefix("unknown") }), let bad = types.first(where: {
                    ResourceCatalog.lookup($0) == nil && !$0.contains(".") && $0 != "all"
                }) {
                    let nearest = ClosestName.find(bad, among: ResourceCatalog.all.flatMap { [$0.plural, $0.singular] })
                    result.append(.init(word: word, role: "TYPE",
                                        meaning: unknown + (nearest.map { "; did you mean '\($0)'?" } ?? "")))
                } else {
                    result.append(.init(word: word, role: "TYPE", meaning: "resource type " + meanings.joined(separator: ", ")))
                }
                continue
            }
            if let slash = word.firstIndex(of: "/"), let index = objectsLeft.firstIndex(where: {
                $0.name == String(word[word.index(after: slash)...])
            }) {
                let object = objectsLeft.remove(at: index)
                result.append(.init(word: word, role: "TYPE/NAME",
                                    meaning: "\(object.resource?.singular ?? object.resourceWord) \(object.name)"))
                continue
            }
            if let index = objectsLeft.firstIndex(where: { $0.name == word }) {
                let object = objectsLeft.remove(at: index)
                result.append(.init(word: word, role: "NAME",
                                    meaning: "\(object.resource?.singular ?? object.resourceWord) \(object.name)"))
                continue
            }
            if command.names.contains(word) {
                result.append(.init(word: word, role: "NAME", meaning: "the name \(word)"))
                continue
            }
            result.append(.init(word: word, role: "argument", meaning: argumentMeaning(word, command: command)))
        }
        if let selector = command.selector {
            result.append(.init(word: selector, role: "selector", meaning: "objects whose labels match \(selector)"))
        }
        for file in command.values(of: "filename") {
            result.append(.init(word: file, role: "file", meaning: file == "-" ? "manifests read from standard input"
                                                                            : "manifests in \(file)"))
        }
        return result
    }

    static func argumentMeaning(_ word: String, command: KubectlCommand) -> String {
        if word.contains("="), ["label", "annotate", "set", "create"].contains(command.verb ?? "") {
            return word.hasSuffix("-") ? "removes \(word.dropLast())" : "sets \(word)"
        }
        if word.hasSuffix("-"), ["label", "annotate", "taint"].contains(command.verb ?? "") {
            return "removes \(word.dropLast())"
        }
        if command.verb == "port-forward", word.first?.isNumber == true || word.first == ":" {
            return "ports LOCAL:REMOTE \(word)"
        }
        return "passed to \(command.verb ?? "kubectl") as is"
    }

    /// Flags the usage line requires but the line lacks, then flags whose absence the description warns about.
    static func omissions(help: KubectlCommandHelp, command: KubectlCommand) -> [CommandExplanation.Omission] {
        var result: [CommandExplanation.Omission] = []
        for name in help.requiredFlags where !command.hasFlag(name) && !command.hasFlag("filename") {
            guard let flag = help.flags.first(where: { $0.spec.long == name }) else { continue }
            result.append(.init(flag: name, defaultValue: flag.defaultValue,
                                note: "required by kubectl (\(help.usage)); \(flag.spec.summary)"))
        }
        for caveat in help.caveats where !command.hasFlag(caveat.flag) && !result.contains(where: { $0.flag == caveat.flag }) {
            let flag = help.flags.first { $0.spec.long == caveat.flag }
            result.append(.init(flag: caveat.flag, defaultValue: flag?.defaultValue ?? "", note: caveat.sentence))
        }
        return result
    }

    /// The namespace the command runs in after k1 adds the session's `-n`, with where it comes from.
    static func namespace(of command: KubectlCommand, in context: SessionContext) -> String? {
        if command.allNamespaces { return "all namespaces (-A)" }
        guard let working = ContextTracker.workingNamespace(of: command, in: context) else { return nil }
        if let typed = command.namespace { return "\(typed) (from -n)" }
        if let session = context.namespace, !session.isEmpty, !LocalVerbs.names.contains(command.verb ?? "") {
            return "\(session) (k1 adds -n \(session))"
        }
        if context.kubeconfigNamespace != nil { return "\(working) (kubeconfig's)" }
        return "\(working) (kubectl's default)"
    }

    /// The kube context after k1 adds the session's `--context`, with where it comes from.
    static func contextText(of command: KubectlCommand, in context: SessionContext) -> String? {
        if let typed = command.context { return "\(typed) (from --context)" }
        if command.verb.map(LocalVerbs.names.contains) == true {
            return context.kubeconfigContext.map { "\($0) (kubeconfig's)" }
        }
        if let session = context.kubeContext, !session.isEmpty { return "\(session) (k1 adds --context \(session))" }
        return context.kubeconfigContext.map { "\($0) (kubeconfig's)" }
    }

}
