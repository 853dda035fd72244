import KubectlKit
import Support
import Translate

/// Prints a ``CommandExplanation`` as a few aligned lines: the description, the arguments, the flags, what is left
/// out, where it runs and the risk label. Unknown commands and flags come first, marked ✗.
public enum ExplanationRenderer {
    /// The lines to print (no trailing newline), styled with `style`.
    public static func render(_ explanation: CommandExplanation, style: TerminalStyle) -> [String] {
        var lines = [style.apply(.bold, explanation.line)]
        for problem in explanation.problems {
            lines.append("  " + style.apply(.boldRed, "✗ " + problem))
        }
        if !explanation.summary.isEmpty {
            lines.append("  " + explanation.summary)
        }
        if !explanation.usage.isEmpty {
            lines.append("  " + style.apply(.gray, "usage: " + explanation.usage))
        }
        var rows: [(String, String)] = []
        for argument in explanation.arguments {
            rows.append((argument.word, "\(argument.role): \(argument.meaning)"))
        }
        for flag in explanation.flags {
            rows.append((flag.typed, flag.isKnown ? flag.description : "not a flag of this command"))
        }
        let width = min(28, rows.map(\.0.count).max() ?? 0)
        for (left, right) in rows {
            let pad = left.count < width ? String(repeating: " ", count: width - left.count) : ""
            lines.append("  " + style.apply(.cyan, left) + pad + "  " + right)
        }
        if !explanation.omitted.isEmpty {
            lines.append("  " + style.apply(.yellow, "left out:"))
            for omission in explanation.omitted {
                let shown = omission.defaultValue.isEmpty ? "--\(omission.flag)" : "--\(omission.flag)=\(omission.defaultValue)"
                lines.append("    " + style.apply(.yellow, shown) + "  " + omission.note)
            }
        }
        if let tail = explanation.shellTail {
            lines.append("  then, through /bin/sh: " + tail)
        }
        var place: [String] = []
        if let namespace = explanation.namespace { place.append("namespace \(namespace)") }
        if let context = explanation.context { place.append("context \(context)") }
        if explanation.path != nil, explanation.namespace == nil { place.append("no namespace") }
        if !place.isEmpty { lines.append("  runs in: " + place.joined(separator: ", ")) }
        lines.append("  risk: " + RiskLabel.render(explanation.risk, style: style))
        return lines
    }
}
