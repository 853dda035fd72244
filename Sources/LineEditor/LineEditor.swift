@preconcurrency import CEditLine
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Synchronization

/// Line editing for the REPL, on libedit: a styled prompt, an editable pre-filled line, Ctrl-C and
/// lone Esc as cancel keys, Tab completion through a Swift completer, and in-memory history.
///
/// libedit's state is process-global, so there is one editor: `LineEditor.shared`. All methods are
/// thread-safe; calls into libedit are serialised, so `addHistory` from another thread waits for a
/// running `readLine` to finish.
public final class LineEditor: @unchecked Sendable {
    /// The process-wide editor.
    public static let shared = LineEditor()

    private struct Settings {
        var historyLimit = 1000
        var escapeTimeoutMilliseconds = 50
        var completer: (@Sendable (CompletionRequest) -> [String])?
        var typingObserver: TypingObserver?
        var history: [String] = []
        var isLibeditReady = false
    }

    private let settings = Mutex(Settings())
    /// Serialises every call into libedit. Recursive, so a completer may read `historyEntries`.
    private let libeditLock = RecursiveLock()

    private init() {}

    /// True when both standard input and standard output are terminals. Otherwise `readLine` reads
    /// plain lines with no prompt, prefill, editing or completion.
    public var isInteractive: Bool {
        TerminalIO.isTerminal(STDIN_FILENO) && TerminalIO.isTerminal(STDOUT_FILENO)
    }

    /// Sets the number of history entries kept (0 keeps none; older entries are dropped first) and how
    /// long to wait after an ESC byte before treating it as a lone Esc (default 50 ms; raise it for slow
    /// remote links, where the bytes of an arrow key can arrive apart).
    public func configure(historyLimit: Int, escapeTimeoutMilliseconds: Int = 50) {
        let limit = max(0, historyLimit)
        libeditLock.withLock {
            prepareLibedit()
            settings.withLock { settings in
                settings.historyLimit = limit
                settings.escapeTimeoutMilliseconds = min(max(0, escapeTimeoutMilliseconds), 10_000)
                settings.history = HistoryPolicy.bounded(settings.history, limit: limit)
            }
            if limit == 0 { EditLineBridge.clearHistory() }
            EditLineBridge.limitHistory(to: limit)
        }
    }

    /// Reads one line.
    ///
    /// - Parameters:
    ///   - prompt: The prompt. It may contain ANSI colour escapes; they are marked for libedit
    ///     (see `PromptText.libeditSafe`).
    ///   - prefill: Text shown on the edit line, editable, confirmed with Enter. Tabs and line breaks
    ///     become spaces and surrounding whitespace is trimmed. Input that arrived before the call is
    ///     discarded, and an Enter within 150 ms of the call, before any other key, is ignored (`EnterGuard`).
    ///   - cursor: where the cursor starts on the pre-filled line, in characters (nil: at the end).
    ///
    /// While the line is read, bracketed paste is on: pasted text is inserted (line breaks as spaces),
    /// never run as typed lines.
    /// - Returns: `.line` with the text as edited (completion may leave a trailing space), `.endOfInput`
    ///   for Ctrl-D on an empty line or the end of input, `.cancelled` for Ctrl-C or a lone Esc, `.explain`
    ///   for Alt-e (ESC e) with the line and cursor as they were.
    ///   On a cancel `^C` and a newline are printed after the line, which stays visible; on Ctrl-D and
    ///   Alt-e a newline is printed. The terminal mode is restored exactly before returning.
    ///
    /// When the session is not interactive (`isInteractive` is false) this is a plain
    /// `Swift.readLine()`: no prompt, no prefill, no history or completion.
    public func readLine(prompt: String, prefill: String? = nil, cursor: Int? = nil) -> LineInput {
        guard isInteractive else {
            return Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .endOfInput
        }
        return libeditLock.withLock {
            prepareLibedit()
            let (timeout, completer, observer) = settings.withLock {
                ($0.escapeTimeoutMilliseconds, $0.completer, $0.typingObserver)
            }
            EditLineBridge.beginRead(prefill: prefill, cursor: cursor, escapeTimeoutMilliseconds: timeout,
                                     completer: completer, typing: observer)

            let fd = STDIN_FILENO
            let savedMode = TerminalIO.attributes(fd)
            let restoreToken = savedMode.map { TerminalRestorer.register(fd: fd, mode: $0) }
            // Keys that arrived before a suggestion was drawn were meant for something else: never let them
            // confirm it. Pasted text is inserted, never run (bracketed paste, on only while a line is read).
            if prefill.map({ !PrefillText.sanitized($0).isEmpty }) == true { TerminalIO.discardPendingInput(fd) }
            TerminalRestorer.setBracketedPaste(true)
            let raw = readline(PromptText.libeditSafe(prompt))
            TerminalRestorer.setBracketedPaste(false)
            if let savedMode { TerminalIO.setAttributes(fd, savedMode) }
            if let restoreToken { TerminalRestorer.unregister(restoreToken) }
            let (cancelKey, explain) = EditLineBridge.endRead()

            if let raw {
                defer { free(raw) }
                return .line(String(cString: raw))
            }
            if let cancelKey {
                TerminalIO.write("^C\n")
                return .cancelled(cancelKey)
            }
            if let explain {
                TerminalIO.write("\n")
                return .explain(explain)
            }
            TerminalIO.write("\n")
            return .endOfInput
        }
    }

    /// Returns the candidates for the word being completed. Candidates are whole words that replace
    /// the word, including any prefix it has (`deploy/web` for `deploy/we`, `--namespace=shop` for
    /// `--namespace=sh`); those not starting with the word are ignored. libedit inserts the longest
    /// common prefix, lists the candidates on a second Tab, and adds a space after a single candidate
    /// unless it ends in `/` or `=`. Runs on the thread calling `readLine`.
    public var completer: (@Sendable (CompletionRequest) -> [String])? {
        get { settings.withLock { $0.completer } }
        set { settings.withLock { $0.completer = newValue } }
    }

    /// Told the line at each pause in typing (see ``TypingObserver``); nil reports nothing.
    public var typingObserver: TypingObserver? {
        get { settings.withLock { $0.typingObserver } }
        set { settings.withLock { $0.typingObserver = newValue } }
    }

    /// Adds a line to the history (recalled with Up/Down). Surrounding whitespace is trimmed; empty
    /// lines and repeats of the newest entry are skipped; the oldest entries beyond the limit are dropped.
    public func addHistory(_ line: String) {
        libeditLock.withLock {
            prepareLibedit()
            let (added, entry) = settings.withLock { settings -> (Bool, String?) in
                let result = HistoryPolicy.appending(line, to: settings.history, limit: settings.historyLimit)
                settings.history = result.entries
                return (result.added, result.entries.last)
            }
            if added, let entry { EditLineBridge.addHistoryEntry(entry) }
        }
    }

    /// Replaces the whole history, for example with entries loaded from disk (oldest first). The same
    /// rules as `addHistory` apply; only the newest `historyLimit` entries are kept.
    public func replaceHistory(_ lines: [String]) {
        libeditLock.withLock {
            prepareLibedit()
            let entries = settings.withLock { settings -> [String] in
                settings.history = HistoryPolicy.loading(lines, limit: settings.historyLimit)
                return settings.history
            }
            EditLineBridge.clearHistory()
            for entry in entries { EditLineBridge.addHistoryEntry(entry) }
        }
    }

    /// The history, oldest first.
    public var historyEntries: [String] {
        settings.withLock { $0.history }
    }

    /// The configured lone-Esc timeout, shared with `CancelKeyWatcher`.
    var escapeTimeoutMilliseconds: Int {
        settings.withLock { $0.escapeTimeoutMilliseconds }
    }

    /// Installs the libedit hooks and applies the history limit, once. Call with `libeditLock` held.
    private func prepareLibedit() {
        EditLineBridge.installIfNeeded()
        let limit = settings.withLock { settings -> Int? in
            guard !settings.isLibeditReady else { return nil }
            settings.isLibeditReady = true
            return settings.historyLimit
        }
        if let limit { EditLineBridge.limitHistory(to: limit) }
    }
}
