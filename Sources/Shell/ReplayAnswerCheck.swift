import KubectlKit

/// Decides whether a `?` line's answer from a session file (or the model) may run during `k1 replay`.
///
/// Session files are shared and edited by hand, so an answer line is untrusted input: it runs only when it is a
/// single kubectl command, executed as an argument vector without a shell. Pipes, `$(…)`, `;`, `!cmd`, `:meta`
/// lines, unterminated quotes and control characters are refused, even with `--yes`. Pure.
public enum ReplayAnswerCheck {
    /// The verdict on one answer.
    public enum Verdict: Sendable, Equatable {
        /// Safe to run (after confirmation): the classified kubectl line.
        case runnable(ShellInput)
        /// Never run; the reason, in a few words.
        case refused(String)
    }

    /// Checks `answer`.
    public static func check(_ answer: String) -> Verdict {
        if answer.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .refused("not a single kubectl command (control characters)")
        }
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("kubectl ") || trimmed == "kubectl" else {
            return .refused("not a single kubectl command")
        }
        let input = ShellInput.classify(trimmed)
        guard case .kubectl(_, let words, let usesShell) = input, words.first == "kubectl" else {
            if case .malformed(let reason) = input { return .refused(reason) }
            return .refused("not a single kubectl command")
        }
        if usesShell { return .refused("not a single kubectl command (shell syntax)") }
        return .runnable(input)
    }
}
