import Foundation
import KubectlKit
import Support
import Translate

extension LineExecutor {
    /// Prints what `line` does, from kubectl's help, in the session's context (`:explain`, Alt-e, `?what does … do`).
    /// A line that is not a kubectl command gets one line saying so.
    public func explain(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            printError("k1: nothing to explain: type or recall a kubectl command first")
            return
        }
        guard case .kubectl(let kubectlLine, _, _) = ShellInput.classify(trimmed) else {
            printError("k1: only kubectl lines can be explained")
            return
        }
        do {
            let explanation = try CommandExplainer.explain(kubectlLine, context: context)
            for text in ExplanationRenderer.render(explanation, style: out) { print(text) }
        } catch {
            printError("k1: \(error)")
        }
        fflush(nil)
    }

    /// Handles `:explain` typed over a waiting suggestion: with no argument it explains the suggestion. Returns false
    /// when `text` is not `:explain`.
    public func explainMeta(_ text: String, suggestion: String) -> Bool {
        guard case let .meta(name, arguments) = ShellInput.classify(text), MetaCommand.named(name) == .explain else {
            return false
        }
        explain(arguments.isEmpty ? suggestion : ShellWords.join(arguments))
        return true
    }
}
