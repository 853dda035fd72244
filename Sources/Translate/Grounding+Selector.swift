import Foundation
import KubectlKit

extension Grounding {
    /// A label selector the model made out of a namespace: "pods not running in shop" answered with `-l app=shop`.
    /// When the selector is one `key=value` whose key the request and session never mention, whose value the request
    /// names right after "in", "ns" or "namespace", and the command has no namespace of its own, the selector becomes
    /// `-n value`.
    /// - Returns: the command and the selector replaced (as typed), or the command unchanged and nil.
    public static func selectorAsNamespace(_ command: String, request: String, context: [String]) -> (command: String, replaced: String?) {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return (command, nil)
        }
        let parsed = KubectlCommand.parse(words)
        guard parsed.namespace == nil, !parsed.allNamespaces,
              let flag = parsed.flags.first(where: { $0.name == "selector" }), let selector = flag.value,
              !selector.contains(","), let equals = selector.firstIndex(of: "="), !selector.contains("!") else {
            return (command, nil)
        }
        let key = String(selector[..<equals])
        let value = String(selector[selector.index(after: equals)...])
        let asked = request.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "." && $0 != "/" && $0 != "=" }).map(String.init)
        guard !value.isEmpty, !Mentions(request: request, context: context).contains(key) else { return (command, nil) }
        let namesNamespace = asked.indices.contains { index in
            index > 0 && asked[index] == value.lowercased() && AskedFlags.markers.contains(asked[index - 1])
        }
        guard namesNamespace, let piece = FlagEvidence.piece(for: flag, in: words),
              let range = command.range(of: " " + piece) else { return (command, nil) }
        var text = command
        text.replaceSubrange(range, with: " -n " + value)
        return (text, piece)
    }
}
