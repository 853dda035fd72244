import Foundation
import KubectlKit

/// Removes namespaces and container names the model made up. Small models copy `-n shop` or `-n default` from their
/// examples into answers whose request and context never mention such a namespace; a `-n` or `-c` value that appears
/// neither in the request nor in the context lines the prompt showed is dropped (a namespace must be a word of its own
/// there, not the start of a pod's name) (the session's own namespace is then
/// added by k1 as for any typed command). `-n` on a cluster-scoped type (nodes, namespaces, …) goes whatever its value.
public enum Grounding {
    /// What ``repair(_:request:context:)`` did.
    public struct Repair: Sendable, Equatable {
        /// The command, with made-up values removed.
        public var command: String
        /// The flags removed, as typed (`-n shop`).
        public var removed: [String]
    }

    /// Verbs whose `-c` names a container.
    static let containerVerbs: Set<String> = ["logs", "exec", "attach", "debug", "cp"]

    /// Drops `-n X`/`--namespace X` (and `-c X` for container verbs) whose value the request and context never mention.
    /// Commands with shell syntax or bad quoting are returned unchanged.
    public static func repair(_ command: String, request: String, context: [String]) -> Repair {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return Repair(command: command, removed: [])
        }
        let parsed = KubectlCommand.parse(words)
        let known = Mentions(request: request, context: context)
        func grounded(_ value: String) -> Bool { known.contains(value) }
        let checkContainer = parsed.verb.map(containerVerbs.contains) ?? false
        // `-n` does nothing for nodes, namespaces, persistent volumes, …: drop it whatever its value.
        let clusterScoped = CommandValidator.clusterScopedType(of: parsed) != nil
        var removed: [String] = []
        var index = 1
        while index < words.count, words[index] != "--" {
            let word = words[index]
            let isNamespace = word == "-n" || word == "--namespace"
            let isContainer = checkContainer && (word == "-c" || word == "--container")
            // `-n -o json`: a flag where the value belongs is no value; only the empty `-n` goes.
            if isNamespace || isContainer, index + 1 < words.count, words[index + 1].hasPrefix("-") {
                removed.append(word)
                index += 1
                continue
            }
            if isNamespace || isContainer, index + 1 < words.count {
                let value = words[index + 1]
                if !(isNamespace ? known.containsWord(value) : grounded(value)) || (isNamespace && clusterScoped) {
                    removed.append("\(word) \(value)")
                }
                index += 2
                continue
            }
            for prefix in ["--namespace=", "-n="] + (checkContainer ? ["--container=", "-c="] : []) where word.hasPrefix(prefix) {
                let isNamespaceFlag = prefix.hasPrefix("--namespace") || prefix == "-n="
                let value = String(word.dropFirst(prefix.count))
                if !(isNamespaceFlag ? known.containsWord(value) : grounded(value)) || (isNamespaceFlag && clusterScoped) {
                    removed.append(word)
                }
            }
            index += 1
        }
        guard !removed.isEmpty else { return Repair(command: command, removed: []) }
        // Cut the pieces out of the original text, keeping its spelling and quoting.
        var text = command
        for piece in removed {
            guard let range = text.range(of: " " + piece) else { return Repair(command: command, removed: []) }
            let after = range.upperBound
            guard after == text.endIndex || text[after] == " " else { return Repair(command: command, removed: []) }
            text.removeSubrange(range)
        }
        return Repair(command: text, removed: removed)
    }

    /// Object names in `command` that neither the request nor the context lines mention (see ``Mentions``: `payments
    /// api` grounds `payments-api`): names the model made up or misspelt, which a repair request can fix.
    /// Commands with shell syntax or bad quoting give none.
    public static func unknownNames(in command: String, request: String, context: [String]) -> [String] {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return []
        }
        let known = Mentions(request: request, context: context)
        var unknown: [String] = []
        for object in KubectlCommand.parse(words).objects where !known.contains(object.name) {
            if !unknown.contains(object.name) { unknown.append(object.name) }
        }
        return unknown
    }

    /// Rewrites resource types kubectl does not know but that are a known short name with a plural `s` added
    /// (`netpols`, `pvcs`, `hpas`: kubectl only knows `netpol`, `pvc`, `hpa`) to the type's plural name.
    /// - Returns: the command and the `(from, to)` rewrites made; commands with shell syntax are left alone.
    public static func fixTypes(_ command: String) -> (command: String, fixed: [(from: String, to: String)]) {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return (command, [])
        }
        let parsed = KubectlCommand.parse(words)
        var fixed: [(from: String, to: String)] = []
        var candidates = parsed.resourceWords.flatMap { $0.split(separator: ",").map(String.init) }
        candidates += parsed.objects.map(\.resourceWord)
        for word in candidates where ResourceCatalog.lookup(word) == nil && word.count > 2 && word.hasSuffix("s") {
            guard let type = ResourceCatalog.lookup(String(word.dropLast())),
                  type.shortNames.contains(String(word.dropLast()).lowercased()),
                  !fixed.contains(where: { $0.from == word }) else { continue }
            fixed.append((word, type.plural))
        }
        guard !fixed.isEmpty else { return (command, []) }
        var tokens = command.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in tokens.indices {
            for (from, to) in fixed {
                if tokens[index] == from {
                    tokens[index] = to
                } else if tokens[index].hasPrefix(from + "/") {
                    tokens[index] = to + tokens[index].dropFirst(from.count)
                } else if tokens[index].contains(",") {
                    tokens[index] = tokens[index].split(separator: ",", omittingEmptySubsequences: false)
                        .map { $0 == from ? to : String($0) }.joined(separator: ",")
                }
            }
        }
        return (tokens.joined(separator: " "), fixed)
    }

    /// Lowercased letters and digits only, so `kube system` matches `kube-system`.
    static func squash(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
