import Foundation
import KubectlKit

/// Tells a `?` request that asks about a command ("what does kubectl rollout undo do", "explain drain") from one
/// that asks for a command. Pure. Only a question of a known shape about a line whose first word is a kubectl command
/// counts: "explain pods" (kubectl's own `explain` of a type) and everything else go to the model.
public enum ExplainRequest {
    /// The command line a request asks about, starting with `kubectl`, or nil when the request asks for a command.
    public static func target(of request: String) -> String? {
        var original = PromptBuilder.clean(request)
        while let last = original.last, "?.!".contains(last) { original.removeLast() }
        original = original.trimmingCharacters(in: .whitespaces)
        let text = original.lowercased()
        // Names and values keep their case when lower-casing keeps the length.
        let source = text.count == original.count ? original : text
        for (prefix, suffixes) in shapes {
            guard text.hasPrefix(prefix) else { continue }
            var rest = String(source.dropFirst(prefix.count))
            var matched = suffixes.isEmpty
            for suffix in suffixes where rest.lowercased().hasSuffix(suffix) {
                rest = String(rest.dropLast(suffix.count))
                matched = true
                break
            }
            guard matched, let command = commandLine(rest) else { continue }
            return command
        }
        return nil
    }

    /// Question shapes: a prefix and, when it needs one, one of the endings that close it.
    static let shapes: [(prefix: String, suffixes: [String])] = [
        ("what does ", [" do", " mean", " do exactly", " actually do"]),
        ("what would ", [" do"]),
        ("what will ", [" do"]),
        ("what do ", [" do", " mean"]),
        ("how does ", [" work"]),
        ("explain what ", [" does", " do"]),
        ("explain the command ", []),
        ("explain command ", []),
        ("explain ", []),
        ("describe what ", [" does"]),
        ("what is ", [" for"]),
        ("what's ", [" for"]),
        ("tell me what ", [" does"]),
    ]

    /// `kubectl …` when `text` (quotes, `the`, `command` trimmed) starts with a kubectl command or a `kubectl` word.
    static func commandLine(_ text: String) -> String? {
        var words = text.split(separator: " ").map(String.init)
        while let first = words.first, ["the", "a", "this", "command", "`"].contains(first.lowercased()) {
            words.removeFirst()
        }
        while let last = words.last, ["command", "`", "cmd"].contains(last.lowercased()) { words.removeLast() }
        let line = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "'\"`"))
        guard !line.isEmpty else { return nil }
        var parts = line.split(separator: " ").map(String.init)
        let explicit = parts.first == "kubectl"
        if explicit { parts.removeFirst() }
        guard let verb = parts.first, let spec = KubectlCommandTable.spec(forVerb: verb) else { return nil }
        // `explain pods`, `explain deployment.spec` are requests for kubectl's own `explain`, not questions about it;
        // a bare verb after "explain" is a question about that verb.
        if !explicit, spec.name == "explain", parts.count > 1 { return nil }
        return "kubectl " + parts.joined(separator: " ")
    }
}
