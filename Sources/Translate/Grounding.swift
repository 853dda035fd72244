import Foundation
import KubectlKit

/// Removes namespaces and container names the model made up. Small models copy `-n shop` or `-n default` from their
/// examples into answers whose request and context never mention such a namespace; a `-n` or `-c` value that appears
/// neither in the request nor in the context lines the prompt showed is dropped (the session's own namespace is then
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
        let known = squash(([request] + context).joined(separator: " "))
        func grounded(_ value: String) -> Bool {
            let needle = squash(value)
            return needle.isEmpty || known.contains(needle)
        }
        let checkContainer = parsed.verb.map(containerVerbs.contains) ?? false
        // `-n` does nothing for nodes, namespaces, persistent volumes, …: drop it whatever its value.
        let clusterScoped = CommandValidator.clusterScopedType(of: parsed) != nil
        var removed: [String] = []
        var index = 1
        while index < words.count, words[index] != "--" {
            let word = words[index]
            let isNamespace = word == "-n" || word == "--namespace"
            let isContainer = checkContainer && (word == "-c" || word == "--container")
            if isNamespace || isContainer, index + 1 < words.count {
                if !grounded(words[index + 1]) || (isNamespace && clusterScoped) { removed.append("\(word) \(words[index + 1])") }
                index += 2
                continue
            }
            for prefix in ["--namespace=", "-n="] + (checkContainer ? ["--container=", "-c="] : []) where word.hasPrefix(prefix) {
                let isNamespaceFlag = prefix.hasPrefix("--namespace") || prefix == "-n="
                if !grounded(String(word.dropFirst(prefix.count))) || (isNamespaceFlag && clusterScoped) { removed.append(word) }
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

    /// Lowercased letters and digits only, so `kube system` matches `kube-system`.
    static func squash(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
