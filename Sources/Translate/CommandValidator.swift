import Foundation
import KubectlKit

/// Static checks of a proposed kubectl command against kubectl's command and flag tables (no I/O): the verb exists,
/// the flags belong to it, cluster-scoped types carry no `-n`, no placeholder is left. The issues become a ⚠ label;
/// they never block the command, which the user still edits and confirms.
///
/// Deeper checks that need kubectl itself (a client dry run) plug in through ``CommandOracle``.
public enum CommandValidator {
    /// Verbs that do nothing useful without a sub-command.
    static let verbsNeedingSubcommand: Set<String> = ["rollout", "set", "top", "auth", "certificate", "config", "plugin", "apply"]

    /// Checks one command line.
    public static func validate(_ line: String) -> [ValidationIssue] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [ValidationIssue(.notKubectl, "the command is empty")] }
        var issues: [ValidationIssue] = []
        let placeholders = placeholdersIn(trimmed)
        if !placeholders.isEmpty {
            issues.append(ValidationIssue(.placeholder, "fill in \(placeholders.joined(separator: ", "))"))
        }
        let withoutPlaceholders = placeholders.reduce(trimmed) { $0.replacingOccurrences(of: $1, with: "x") }
        if ShellWords.hasShellSyntax(withoutPlaceholders) {
            issues.append(ValidationIssue(.shellSyntax, "a pipeline or shell syntax: k1 cannot check it, read it before running"))
            return issues
        }
        let command: KubectlCommand
        do {
            command = try KubectlCommand.parse(line: withoutPlaceholders)
        } catch {
            issues.append(ValidationIssue(.syntax, "unbalanced quotes"))
            return issues
        }
        guard command.hasKubectlPrefix else {
            let first = command.words.first ?? trimmed
            issues.append(ValidationIssue(.notKubectl, "not a kubectl command: \(first)"))
            return issues
        }
        return issues + validate(command)
    }

    /// Checks a parsed command.
    public static func validate(_ command: KubectlCommand) -> [ValidationIssue] {
        guard let verb = command.verb else { return [] }
        guard let verbSpec = KubectlCommandTable.spec(forVerb: verb) else {
            return [ValidationIssue(.unknownVerb, "kubectl has no command '\(verb)' (a plugin?)")]
        }
        var issues: [ValidationIssue] = []
        let name = ([verbSpec.name] + (command.subverb.map { [$0] } ?? [])).joined(separator: " ")

        if verbsNeedingSubcommand.contains(verbSpec.name), command.subverb == nil, !verbSpec.subcommands.isEmpty,
           !(verbSpec.name == "apply" && !command.values(of: "filename").isEmpty || verbSpec.name == "apply" && command.hasFlag("kustomize")) {
            let choices = verbSpec.subcommands.map(\.name).joined(separator: ", ")
            let message = verbSpec.name == "apply" ? "kubectl apply needs -f FILE or -k DIR"
                                                   : "kubectl \(verbSpec.name) needs one of: \(choices)"
            issues.append(ValidationIssue(.missingSubcommand, message))
        }
        var seen: Set<String> = []
        for flag in command.flags where !flag.isKnown && seen.insert(flag.name).inserted {
            issues.append(ValidationIssue(.unknownFlag, "\(flag.option) is not a flag of kubectl \(name)"))
        }
        if command.namespace != nil && command.allNamespaces {
            issues.append(ValidationIssue(.conflictingFlags, "both -n and -A: -A wins"))
        }
        if command.namespace != nil, let type = clusterScopedType(of: command) {
            issues.append(ValidationIssue(.namespaceOnClusterScoped, "\(type.plural) are cluster-scoped; -n does nothing"))
        }
        if let issue = FieldSelectorCheck.issue(in: command) { issues.append(issue) }
        return issues
    }

    /// The cluster-scoped type the command addresses, if it addresses one.
    static func clusterScopedType(of command: KubectlCommand) -> ResourceType? {
        if let type = command.resource, !type.namespaced { return type }
        return command.objects.compactMap(\.resource).first { !$0.namespaced }
    }

    /// Placeholders such as `<pod-name>`, `<namespace>`, `POD_NAME`.
    static func placeholdersIn(_ line: String) -> [String] {
        var found: [String] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            let inner = after[..<close]
            if !inner.isEmpty, !inner.contains(" "), inner.first?.isLetter == true {
                found.append(String(rest[open...close]))
            }
            rest = after[after.index(after: close)...]
        }
        for word in line.split(separator: " ") {
            let bare = word.split(separator: "=").last.map(String.init) ?? String(word)
            if ["POD_NAME", "YOUR_NAMESPACE", "NAMESPACE", "DEPLOYMENT_NAME", "POD", "NODE_NAME", "SERVICE_NAME"].contains(bare) {
                found.append(bare)
            }
        }
        return found
    }
}
