import Foundation
import KubectlKit
import LLM
import LineEditor
import Session
import Support
import Translate
import HTTP

/// The `?` flow's terminal side: a one-line status with a spinner and the streamed tokens while the model works,
/// Ctrl-C/Esc to cancel at once, then the preview line (⚡ for a cache hit, the risk label, ⚠ validation issues, the
/// model and the time taken). The command itself is returned for the caller to pre-fill; nothing runs here.
public final class TranslationRequestHandler: RequestHandling, @unchecked Sendable {
    let translator: Translator
    let style: TerminalStyle
    let interactive: Bool
    /// Tries write suggestions as a server-side dry run before they are pre-filled; nil: no preview.
    let dryRun: DryRunPreview?
    /// Answers requests while they are typed; nil: only after Enter.
    let ahead: SpeculativeAnswer?

    /// Creates a handler over the shared translator.
    /// - Parameters:
    ///   - answerWhileTyping: work on a `?` request while it is typed (see ``SpeculativeAnswer``).
    ///   - typingPauseMilliseconds: the pause in typing after which its answer is begun (`typing_pause_ms`).
    ///   - readAhead: also read the prompt of the text so far between pauses (`read_ahead`).
    public init(translator: Translator, style: TerminalStyle = TerminalStyle(fd: 2), interactive: Bool = isatty(0) == 1,
                dryRun: DryRunPreview? = nil, answerWhileTyping: Bool = false, typingPauseMilliseconds: Int = 150,
                readAhead: Bool = false) {
        self.translator = translator
        self.style = style
        self.interactive = interactive
        self.dryRun = dryRun
        self.ahead = answerWhileTyping
            ? SpeculativeAnswer(translator: translator,
                                answerAfter: SpeculativeAnswer.answerDelay(typingPauseMilliseconds: typingPauseMilliseconds,
                                                                           readAhead: readAhead),
                                readAhead: readAhead)
            : nil
    }

    public func typing(_ line: String, context: SessionContext) {
        ahead?.typed(line, context: context)
    }

    public func cancelTyping() {
        ahead?.cancel()
    }

    public func suggest(request: String, context: SessionContext) async -> Suggestion? {
        let clock = ContinuousClock()
        let entered = clock.now
        let status = StatusLine(enabled: style.enabled, label: "asking \(translator.modelName)")
        let watcher = CancelKeyWatcher()
        // Work begun while the request was typed, for exactly this text and context, is the answer; otherwise ask now.
        let early = ahead?.take(request: request, context: context)
        let task = early ?? Task { () throws -> TranslationOutcome in
            try await translator.answer(request, context: context, onToken: { piece in status.append(piece) })
        }
        if interactive { watcher.start { _ in task.cancel() } }
        status.start()
        let result = await task.result
        watcher.stop()
        status.stop()
        defer { translator.flushCache() }
        switch result {
        case .success(.noTarget(let reason)):
            printError(reason.message)
            return nil
        case .success(.command(var translation)):
            if early != nil {
                // Stored only now that the user entered this text; the time shown is the wait after Enter.
                do { try translator.commit(translation, request: request) } catch {
                    translation.notes.append(AnswerNote(.notCached, "answer not cached: \(error)"))
                }
                if !translation.cached {
                    translation.latencyMilliseconds = (clock.now - entered).milliseconds
                    translation.notes.append(AnswerNote(.begunWhileTyping, "begun while typing"))
                }
            }
            let tried = await previewWrite(translation.command, context: context)
            if tried?.outcome == .cancelled {
                printError(style.apply(.gray, "cancelled"))
                return nil
            }
            printError(Self.preview(translation, style: style, dryRun: tried))
            if let tried { printError(Self.dryRunLine(tried, style: style)) }
            return Suggestion(command: translation.command, context: context)
        case .failure(let error):
            if task.isCancelled || error is CancellationError || (error as? LLMError)?.code == .cancelled {
                printError(style.apply(.gray, "cancelled"))
            } else {
                printError("k1: \(Self.describe(error))")
            }
            return nil
        }
    }

    public func learn(request: String, context: SessionContext, command: String) {
        do { try translator.learn(request: request, context: context, command: command) } catch {
            printError("k1: edit not remembered: \(error)")
        }
    }

    /// The preview line shown above the pre-filled command.
    public static func preview(_ translation: Translation, style: TerminalStyle, dryRun: PreviewResult? = nil) -> String {
        var parts: [String] = []
        if translation.cached { parts.append(style.apply(.boldYellow, "⚡")) }
        parts.append(RiskLabel.render(translation.risk, count: dryRun?.countText, style: style))
        if !translation.issues.isEmpty {
            parts.append(style.apply(.yellow, "⚠ " + TerminalText.escaped(translation.issues.map(\.message).joined(separator: "; "))))
        }
        let time = translation.latencyMilliseconds < 10
            ? String(format: "%.1f ms", translation.latencyMilliseconds)
            : "\(Int(translation.latencyMilliseconds.rounded())) ms"
        var tail = "\(translation.model) · \(time)"
        if translation.learned { tail += " · your edit" }
        if let dryRun, dryRun.milliseconds > 0 { tail += " · dry run \(Int(dryRun.milliseconds.rounded())) ms" }
        parts.append(style.apply(.gray, tail))
        if let note = translation.note { parts.append(style.apply(.gray, "(\(TerminalText.escaped(note)))")) }
        return parts.joined(separator: " ")
    }

    /// One line for an error from the translation path.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? LLMError { return error.message }
        return String(describing: error)
    }
}

/// A single status line on standard error: spinner, label, and the latest streamed text, redrawn in place.
final class StatusLine: @unchecked Sendable {
    private let enabled: Bool
    private let label: String
    private let lock = NSLock()
    private var text = ""
    private var timer: DispatchSourceTimer?
    private var frame = 0
    private var stopped = false
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func start() {
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        // The first frame after 150 ms: a cache hit answers long before and never flashes a spinner.
        timer.schedule(deadline: .now() + .milliseconds(150), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw() }
        lock.withLock { self.timer = timer }
        timer.resume()
    }

    func append(_ piece: String) {
        lock.withLock { text += piece }
    }

    func stop() {
        guard enabled else { return }
        // Under the lock, so that a frame being drawn right now cannot land after the clearing.
        lock.withLock {
            timer?.cancel()
            timer = nil
            stopped = true
            FileHandle.standardError.write(Data(TerminalControl.eraseLine.utf8))
        }
    }

    private func draw() {
        lock.withLock {
            guard !stopped else { return }
            frame += 1
            // Streamed tokens come from the model: no control character of theirs reaches the terminal.
            let shown = TerminalText.escaped(text.replacingOccurrences(of: "\n", with: " "))
            let width = max(20, Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100)
            let room = max(0, width - label.count - 6)
            let tail = shown.count > room ? "…" + shown.suffix(room - 1) : shown
            let style = TerminalStyle(enabled: true)
            let line = TerminalControl.eraseLine + style.apply(.cyan, Self.frames[frame % Self.frames.count]) + " "
                + style.apply(.gray, "\(label)…") + " \(tail)"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
