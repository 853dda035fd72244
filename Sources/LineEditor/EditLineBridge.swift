@preconcurrency import CEditLine
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The C glue between libedit's readline-compatible API and the Swift types.
///
/// libedit keeps its state in process globals and calls back through plain C function pointers,
/// which cannot capture context; so the per-read state lives in static variables here. Every access
/// happens under `LineEditor`'s edit lock, on the thread running `readLine`.
enum EditLineBridge {
    /// Ctrl-E (move to end of line): fed before a cancel so the `^C` mark lands after the line.
    private static let moveToEndKey: Int32 = 0x05
    /// Whitespace only: `deploy/we` and `--namespace=sh` are single words for completion.
    private static let wordBreakCharacters = " \t\n"
    /// Ctrl-]: what the getc function hands libedit for Alt-e (ESC e), bound to the explain function.
    static let explainKey: Int32 = 0x1D
    /// Ctrl-^: what the getc function hands libedit when the user pauses, bound to the function that reports the
    /// line to the typing observer.
    static let pauseKey: Int32 = 0x1E
    /// Ctrl-B (one character left): moves the cursor back from the end of a pre-filled line.
    private static let backwardCharKey: Int32 = 0x02

    nonisolated(unsafe) private static var isInstalled = false
    nonisolated(unsafe) private static var prefill: [Int32] = []
    nonisolated(unsafe) private static var prefillPosition = 0
    nonisolated(unsafe) private static var decoded: [Int32] = []
    nonisolated(unsafe) private static var decoder = UTF8ScalarDecoder()
    nonisolated(unsafe) private static var scanner = CancelKeyScanner()
    nonisolated(unsafe) private static var cancelKey: CancelKey?
    nonisolated(unsafe) private static var escapeTimeoutMilliseconds = 50
    nonisolated(unsafe) private static var completer: (@Sendable (CompletionRequest) -> [String])?
    /// An ESC read and not yet handed to libedit: it may start Alt-e.
    nonisolated(unsafe) private static var heldEscape = false
    /// The line and cursor taken by the explain key; the read then ends.
    nonisolated(unsafe) private static var explainCapture: EditLineSnapshot?
    nonisolated(unsafe) private static var explainMovedToEnd = false
    /// Bytes read ahead while checking for a paste marker, returned before new reads.
    nonisolated(unsafe) private static var pushedBack: [UInt8] = []
    nonisolated(unsafe) private static var enterGuard = EnterGuard.off
    nonisolated(unsafe) private static var typingObserver: TypingObserver?
    /// Whether the current pause was reported already (reset by every key).
    nonisolated(unsafe) private static var pauseReported = true

    /// Sets up libedit once per process. `rl_getc_function` must be assigned before the first
    /// `rl_initialize()`/`readline()`/history call: libedit installs it only while initialising.
    static func installIfNeeded() {
        guard !isInstalled else { return }
        isInstalled = true
        selectUTF8Locale()
        rl_getc_function = { stream in EditLineBridge.nextKey(stream) }
        rl_attempted_completion_function = { text, _, _ in EditLineBridge.completionMatches(text) }
        rl_basic_word_break_characters = UnsafePointer(strdup(wordBreakCharacters))
        rl_completer_word_break_characters = strdup(wordBreakCharacters)
        // Above this many candidates libedit asks "Display all N possibilities?" and reads the answer
        // with getc(stdin), bypassing the getc function (and stdio buffering would then eat keys).
        rl_completion_query_items = Int32.max
        rl_readline_name = UnsafePointer(strdup("k1"))

        // rl_initialize turns editing off for good if the terminal has ECHO off at that moment, and it
        // changes the terminal mode itself. Initialise with ECHO on, then put the exact mode back.
        let fd = STDIN_FILENO
        let before = TerminalIO.attributes(fd)
        if var mode = before, mode.c_lflag & tcflag_t(ECHO) == 0 {
            mode.c_lflag |= tcflag_t(ECHO)
            TerminalIO.setAttributes(fd, mode, when: TCSANOW)
        }
        _ = rl_initialize()
        // Alt-e arrives as the explain key (see nextKey); libedit updates rl_line_buffer and rl_point before
        // calling a function bound this way.
        _ = rl_add_defun("k1-explain", { _, _ in EditLineBridge.captureForExplain() }, explainKey)
        // The pause key: libedit updates rl_line_buffer before calling it, and it changes nothing on the line.
        _ = rl_add_defun("k1-pause", { _, _ in EditLineBridge.reportPause() }, pauseKey)
        if let before { TerminalIO.setAttributes(fd, before) }
    }

    /// libedit needs a UTF-8 character type locale, or it silently drops non-ASCII input
    /// (`café` becomes `caf`). Uses the user's locale, falling back to C.UTF-8 when that is not UTF-8.
    private static func selectUTF8Locale() {
        _ = setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset).uppercased().replacingDashes() == "UTF8" {
            return
        }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil {
            _ = setlocale(LC_CTYPE, "C.utf8")
        }
    }

    /// Prepares the state for one `readline()` call.
    /// A non-empty prefill arms the Enter guard (see `EnterGuard`).
    static func beginRead(prefill text: String?, cursor: Int? = nil, escapeTimeoutMilliseconds timeout: Int,
                          completer newCompleter: (@Sendable (CompletionRequest) -> [String])?,
                          typing observer: TypingObserver? = nil) {
        if let text, let cursor {
            // A line given back after Alt-e: typed exactly as it was, then the cursor moved back to where it was.
            prefill = PrefillText.exactKeystrokes(for: text)
            let length = text.count
            if cursor >= 0, cursor < length { prefill += Array(repeating: backwardCharKey, count: length - cursor) }
        } else {
            prefill = text.map(PrefillText.keystrokes(for:)) ?? []
        }
        enterGuard = prefill.isEmpty ? .off : EnterGuard(armedAt: TerminalIO.monotonicMilliseconds())
        pushedBack = []
        heldEscape = false
        explainCapture = nil
        explainMovedToEnd = false
        prefillPosition = 0
        decoded = []
        decoder = UTF8ScalarDecoder()
        scanner = CancelKeyScanner()
        cancelKey = nil
        escapeTimeoutMilliseconds = timeout
        completer = newCompleter
        typingObserver = observer
        pauseReported = true
    }

    /// Ends a read and returns the cancel key that ended it, if any.
    static func endRead() -> (cancel: CancelKey?, explain: EditLineSnapshot?) {
        let key = cancelKey
        let explain = explainCapture
        beginRead(prefill: nil, escapeTimeoutMilliseconds: escapeTimeoutMilliseconds, completer: nil)
        return (key, explain)
    }

    /// The bound function of the explain key: keeps the line and the cursor, then ends the read (the next
    /// key moves to the end of the line, so the newline printed after it does not split the line).
    private static func captureForExplain() -> Int32 {
        var bytes: [UInt8] = []
        if let buffer = rl_line_buffer, rl_end > 0 {
            bytes = Array(UnsafeRawBufferPointer(start: buffer, count: Int(rl_end)))
        }
        let point = min(max(0, Int(rl_point)), bytes.count)
        explainCapture = EditLineSnapshot(text: String(decoding: bytes, as: UTF8.self),
                                          cursor: String(decoding: bytes[..<point], as: UTF8.self).count)
        return 0
    }

    /// The bound function of the pause key: hands the line to the typing observer.
    private static func reportPause() -> Int32 {
        guard let typingObserver else { return 0 }
        var bytes: [UInt8] = []
        if let buffer = rl_line_buffer, rl_end > 0 {
            bytes = Array(UnsafeRawBufferPointer(start: buffer, count: Int(rl_end)))
        }
        typingObserver.onPause(String(decoding: bytes, as: UTF8.self))
        return 0
    }

    /// Whether the user has paused: no key for the observer's pause, with nothing read ahead or half-decoded. Waits
    /// at most that long; false at once when there is no observer or this pause was reported.
    private static func userPaused(_ fd: Int32) -> Bool {
        guard let typingObserver, !pauseReported, pushedBack.isEmpty, !heldEscape, !scanner.isAwaitingEscapeFollowUp
        else { return false }
        guard !TerminalIO.waitForInput(fd, milliseconds: typingObserver.pauseMilliseconds) else { return false }
        pauseReported = true
        return true
    }

    // MARK: - Keys

    /// The getc function: returns the next key as a whole Unicode scalar, or -1 to end the read
    /// (end of input, or a cancel key; libedit then makes `readline()` return NULL).
    static func nextKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
        if cancelKey != nil { return -1 }
        if explainCapture != nil {
            if explainMovedToEnd { return -1 }
            explainMovedToEnd = true
            return moveToEndKey
        }
        if prefillPosition < prefill.count {
            defer { prefillPosition += 1 }
            return prefill[prefillPosition]
        }
        if !decoded.isEmpty { return decoded.removeFirst() }

        // Some libedit versions pass NULL here.
        let fd = fileno(stream ?? rl_instream ?? stdin)
        // libedit re-applies its own raw mode (with ISIG) at every read; Ctrl-C must arrive as a byte.
        TerminalIO.disableSignalKeys(fd)
        while true {
            if userPaused(fd) { return pauseKey }
            // A signal (SIGCONT after Ctrl-Z, SIGWINCH) may have let libedit re-apply its mode.
            guard let byte = nextByte(fd) else {
                decoder.reset()
                return -1
            }
            pauseReported = false
            if enterGuard.ignores(byte, at: TerminalIO.monotonicMilliseconds()) { continue }
            var followUpTimedOut = false
            if byte == CancelKeyScanner.escapeByte, !scanner.isAwaitingEscapeFollowUp {
                switch readPaste(fd) {
                case .pasted(let keys):
                    heldEscape = false
                    decoded.append(contentsOf: keys)
                    if !decoded.isEmpty { return decoded.removeFirst() }
                    continue
                case .noFollowUp:
                    followUpTimedOut = true
                case .otherSequence:
                    break
                }
            }
            if let key = scanner.feed(byte) {
                heldEscape = false
                return beginCancel(key)
            }
            if heldEscape, byte == UInt8(ascii: "e") {
                heldEscape = false
                return explainKey
            }
            if scanner.isAwaitingEscapeFollowUp {
                // Bytes read ahead while looking for a paste marker are the follow-up; otherwise wait briefly.
                let followUp = !pushedBack.isEmpty
                    || (!followUpTimedOut && TerminalIO.waitForInput(fd, milliseconds: escapeTimeoutMilliseconds))
                guard followUp else {
                    heldEscape = false
                    _ = scanner.escapeTimedOut()
                    return beginCancel(.escape)
                }
                // Hold the ESC until the next byte says whether it is Alt-e; an ESC held before goes on now.
                if heldEscape { return Int32(CancelKeyScanner.escapeByte) }
                heldEscape = true
                continue
            }
            var scalars = decoder.feed(byte).map { Int32(bitPattern: $0.value) }
            if heldEscape {
                heldEscape = false
                scalars.insert(Int32(CancelKeyScanner.escapeByte), at: 0)
            }
            guard let first = scalars.first else { continue }
            decoded.append(contentsOf: scalars.dropFirst())
            return first
        }
    }

    /// The next byte: one read ahead earlier, or one from the terminal. Nil at the end of input.
    private static func nextByte(_ fd: Int32) -> UInt8? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        return TerminalIO.readByte(fd, afterInterruption: { TerminalIO.disableSignalKeys(fd) })
    }

    private enum PasteCheck {
        case pasted([Int32])
        case noFollowUp
        case otherSequence
    }

    /// Called after an ESC: reads the rest of a paste start marker and then the pasted text up to the end marker.
    /// Bytes that turn out not to be a marker are pushed back for the normal key path.
    private static func readPaste(_ fd: Int32) -> PasteCheck {
        var readAhead: [UInt8] = []
        for expected in BracketedPaste.startMarker.dropFirst() {
            guard pushedBack.count > readAhead.count
                    || TerminalIO.waitForInput(fd, milliseconds: escapeTimeoutMilliseconds),
                  let byte = peekByte(fd, offset: readAhead.count) else {
                return readAhead.isEmpty ? .noFollowUp : .otherSequence
            }
            readAhead.append(byte)
            if byte != expected { return .otherSequence }
        }
        pushedBack.removeFirst(readAhead.count)
        var collector = PasteCollector()
        while let byte = nextByte(fd) {
            if collector.feed(byte) { break }
        }
        return .pasted(BracketedPaste.keystrokes(forPasted: collector.text))
    }

    /// The byte at `offset` of the pushed-back bytes, or a new one from the terminal (appended to them, so a
    /// look-ahead never loses a key).
    private static func peekByte(_ fd: Int32, offset: Int) -> UInt8? {
        if offset < pushedBack.count { return pushedBack[offset] }
        guard let byte = TerminalIO.readByte(fd, afterInterruption: { TerminalIO.disableSignalKeys(fd) }) else { return nil }
        pushedBack.append(byte)
        return byte
    }

    /// Records the cancel and moves the cursor to the end of the line; the next call ends the read.
    private static func beginCancel(_ key: CancelKey) -> Int32 {
        cancelKey = key
        decoder.reset()
        decoded = []
        return moveToEndKey
    }

    // MARK: - Completion

    /// The attempted-completion function: asks the completer and returns libedit's match array
    /// (`[common prefix, match…, NULL]`, malloc'ed; libedit frees it), or NULL for no match.
    private static func completionMatches(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1   // never fall back to file-name completion
        rl_completion_append_character = 0x20
        guard let completer else { return nil }
        let word = text.map { String(cString: $0) } ?? ""
        var lineBytes: [UInt8] = []
        if let buffer = rl_line_buffer, rl_end > 0 {
            lineBytes = Array(UnsafeRawBufferPointer(start: buffer, count: Int(rl_end)))
        }
        let request = CompletionRequest.fromEditBuffer(lineBytes: lineBytes, cursorByteOffset: Int(rl_point), word: word)
        let candidates = CompletionCandidates(word: word, candidates: completer(request))
        guard !candidates.matches.isEmpty else { return nil }
        rl_completion_append_character = candidates.appendCharacter.flatMap { $0.asciiValue }.map { Int32($0) } ?? 0
        return makeMatchArray(commonPrefix: candidates.commonPrefix, matches: candidates.matches)
    }

    private static func makeMatchArray(commonPrefix: String, matches: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let count = matches.count + 2
        guard let raw = malloc(count * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count)
        array[0] = strdup(commonPrefix)
        for (index, match) in matches.enumerated() {
            array[index + 1] = strdup(match)
        }
        array[count - 1] = nil
        return array
    }

    // MARK: - History

    /// Sets libedit's history size limit.
    static func limitHistory(to limit: Int) {
        stifle_history(Int32(clamping: max(limit, 0)))
    }

    /// Adds one entry to libedit's history.
    static func addHistoryEntry(_ entry: String) {
        _ = add_history(entry)
    }

    /// Empties libedit's history.
    static func clearHistory() {
        clear_history()
    }

    /// libedit's history entries, oldest first (for checks against the Swift copy).
    static func libeditHistory() -> [String] {
        (0..<max(0, Int(history_length))).compactMap { offset in
            history_get(history_base + Int32(offset)).flatMap { $0.pointee.line }.map { String(cString: $0) }
        }
    }
}

private extension String {
    func replacingDashes() -> String { filter { $0 != "-" } }
}
