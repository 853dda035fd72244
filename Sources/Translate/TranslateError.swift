import Foundation
import Support

/// A failure of the translation layer itself: the request, the model's answer as a command, or the prompt resources
/// shipped with k1. Failures reaching or running the model server are ``HTTP/LLMError`` instead.
///
/// Each case carries what its message needs; `description` is one line telling the user what happened and what to do.
public enum TranslateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request was empty.
    case emptyRequest
    /// The model's output held no kubectl command; `raw` is what it produced (shown with `--json`, kept for bug
    /// reports).
    case noCommand(raw: String)
    /// The answer held control characters (escape sequences, BEL…): it is not a command and is never pre-filled.
    case controlCharacters(raw: String)
    /// A prompt resource of the Translate module is malformed (a packaging bug): `file` at 1-based `line` has
    /// `problem`.
    case badResource(file: String, line: Int, problem: String)
    /// The request picks rows of the last listing and no command can act on them (for callers that need a command;
    /// ``Translator/answer(_:context:useCache:onToken:)`` returns the reason as an outcome instead).
    case noTarget(NoTarget)

    /// One line for the user, with control characters of quoted text escaped.
    public var message: String {
        switch self {
        case .emptyRequest:
            return "the request is empty; describe what you want to do"
        case .noCommand:
            return "the model gave no kubectl command; rephrase or try again"
        case .controlCharacters(let raw):
            let shown = TerminalText.escaped(raw.trimmingCharacters(in: .whitespacesAndNewlines))
            let excerpt = shown.count > 80 ? String(shown.prefix(77)) + "..." : shown
            return "⚠ the answer holds control characters, so it is not a command: \(excerpt)"
        case .badResource(let file, let line, let problem):
            return TerminalText.escaped("\(file) line \(line): \(problem)")
        case .noTarget(let reason):
            return TerminalText.escaped(reason.message)
        }
    }

    /// What the model produced, for answers that were not a command.
    public var raw: String? {
        switch self {
        case .noCommand(let raw), .controlCharacters(let raw): raw
        case .emptyRequest, .badResource, .noTarget: nil
        }
    }

    /// The message, so a `TranslateError` prints as its one line.
    public var description: String { message }
}
