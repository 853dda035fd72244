import Support
/// A translation failure. `description` is one line telling the user what happened and what to do.
public struct TranslateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// The request was empty.
        case emptyRequest
        /// The model's output held no kubectl command.
        case noCommand
        /// A prompt resource of the Translate module is missing or malformed (a packaging bug).
        case badResource
        /// The request picks rows of the last listing and no command can act on them (``NoTarget``).
        case noTarget
    }

    /// The failure kind.
    public let code: Code
    /// One line for the user.
    public let message: String
    /// What the model produced, for `.noCommand` (shown with `--json`, kept for bug reports).
    public let raw: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, raw: String? = nil) {
        self.code = code
        self.message = TerminalText.escaped(message)
        self.raw = raw
    }

    public var description: String { message }

    /// The request was empty.
    public static let emptyRequest = TranslateError(.emptyRequest, "the request is empty; describe what you want to do")

    /// The answer held control characters (escape sequences, BEL…): it is not a command and is never pre-filled.
    public static func controlCharacters(raw: String) -> TranslateError {
        let shown = TerminalText.escaped(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        let excerpt = shown.count > 80 ? String(shown.prefix(77)) + "..." : shown
        return TranslateError(.noCommand, "⚠ the answer holds control characters, so it is not a command: \(excerpt)",
                              raw: raw)
    }

    /// The model gave nothing usable.
    public static func noCommand(raw: String) -> TranslateError {
        TranslateError(.noCommand, "the model gave no kubectl command; rephrase or try again", raw: raw)
    }

    /// No command for picked rows (for callers that need a command; ``Translator/answer(_:context:useCache:onToken:)``
    /// returns the reason as an outcome instead).
    public static func noTarget(_ reason: NoTarget) -> TranslateError {
        TranslateError(.noTarget, reason.message)
    }
}
