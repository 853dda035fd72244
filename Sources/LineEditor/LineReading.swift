/// What the shell needs from a line editor: ``LineEditor`` on a terminal, or a scripted editor in tests of the REPL's
/// rules (routing, the pending suggestion, learning from edits).
public protocol LineReading: AnyObject, Sendable {
    /// Whether lines come from a terminal (prompt, prefill, editing) rather than a pipe.
    var isInteractive: Bool { get }
    /// Sets the history size and the lone-Esc timeout.
    func configure(historyLimit: Int, escapeTimeoutMilliseconds: Int)
    /// Reads one line, `prefill` on the edit line, the cursor at `cursor` (nil: at the end).
    func readLine(prompt: String, prefill: String?, cursor: Int?) -> LineInput
    /// Tab completion.
    var completer: (@Sendable (CompletionRequest) -> [String])? { get set }
    /// Told the line at each pause in typing.
    var typingObserver: TypingObserver? { get set }
    /// Adds one history entry.
    func addHistory(_ line: String)
    /// Replaces the whole history (oldest first).
    func replaceHistory(_ lines: [String])
    /// The history, oldest first.
    var historyEntries: [String] { get }
}

extension LineEditor: LineReading {}
