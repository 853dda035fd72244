import Foundation
import Session
import Translate

/// Works on a `?` request while it is still being typed, so that the answer is ready, or nearly, at Enter.
///
/// The line editor reports the line at pauses in typing, or a moment after each key when reading ahead
/// (``reportPause(typingPauseMilliseconds:readAhead:)``). Two kinds of work follow, and
/// the model server never has more than one read-ahead of k1's in hand:
/// - **Reading ahead** (off unless asked for: measured, it made the wait after Enter longer, see `read_ahead` in the
///   README). When nothing is in flight, the prompt for the text so far is sent with no generation
///   (``Translator/readAhead(_:context:)``), so the server holds it in its prompt cache; when that finishes and the
///   text has changed, the newest text is read ahead. At Enter only what differs (the last words, an example that
///   changed) is new. A read-ahead is never cancelled for a newer key: the server could not stop reading it anyway,
///   and a second request would only queue behind it.
/// - **Answering.** After a pause in typing (`typing_pause_ms`), the answer for the text so far is begun, once the
///   read-ahead in flight has finished: the same ``Translator/answer(_:context:cache:onToken:)`` as after Enter,
///   reading the answer cache but never writing it. A newer key cancels it at once (its connection closes, so the
///   server stops generating).
///
/// At Enter, ``take(request:context:)`` hands over the answer for exactly that text in exactly that context, finished
/// or still running; any other work is dropped. The shell stores the answer in the cache only then
/// (``Translator/commit(_:request:)``): an answer for text the user did not finally enter is never cached or shown.
public final class SpeculativeAnswer: @unchecked Sendable {
    /// Requests shorter than this (cleaned) are not worth starting.
    public static let minimumRequestLength = 4
    /// How long the line editor waits after a key before it reports the line: short enough that a typist's every key
    /// is seen, long enough that a paste or a key held down is one report.
    public static let settleMilliseconds = 40

    private struct Text: Equatable {
        let request: String
        let context: SessionContext
    }

    private struct Work {
        let text: Text
        let task: Task<TranslationOutcome, any Error>
    }

    private let translator: Translator
    private let answerDelay: Duration
    private let readsAhead: Bool
    private let lock = NSLock()
    private var latest: Text?
    private var lastRead: Text?
    private var reading: Task<Void, Never>?
    private var answer: Work?
    private var timer: Task<Void, Never>?
    private var answersBegun = 0
    private var readAheads = 0

    /// Creates one over the shell's translator.
    /// - Parameters:
    ///   - pause: how long after a report without a newer one the answer is begun
    ///     (``answerDelay(typingPauseMilliseconds:readAhead:)``).
    ///   - readAhead: whether the text so far is read ahead between pauses (`read_ahead`).
    public init(translator: Translator, answerAfter pause: Duration = .zero, readAhead: Bool = false) {
        self.translator = translator
        self.answerDelay = max(.zero, pause)
        self.readsAhead = readAhead
    }

    /// How long the line editor waits after a key before it reports the line (its ``TypingObserver`` pause): a moment
    /// when reading ahead, so that the text so far is seen after every key; else the pause itself, so that the line
    /// is reported only when its answer is to begin.
    public static func reportPause(typingPauseMilliseconds: Int, readAhead: Bool) -> Int {
        readAhead ? settleMilliseconds : typingPauseMilliseconds
    }

    /// How long after a report, without a newer one, the answer is begun. A newer report cancels the wait only when it
    /// comes first, and it comes ``settleMilliseconds`` after its key: so the wait is the whole pause when reading
    /// ahead (the answer begins the settle time later than the pause), and nothing otherwise (the report is the pause).
    public static func answerDelay(typingPauseMilliseconds: Int, readAhead: Bool) -> Duration {
        readAhead ? .milliseconds(typingPauseMilliseconds) : .zero
    }

    /// The line as it stands after a key. Reads the new text ahead when the server is free, restarts the pause before
    /// the answer, and cancels an answer for older text; returns at once.
    public func typed(_ line: String, context: SessionContext) {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == "?" else { return cancel() }
        let request = PromptBuilder.clean(String(trimmed))
        // Too short to mean anything yet, or answered from kubectl's help rather than by the model.
        guard request.count >= Self.minimumRequestLength, ExplainRequest.target(of: request) == nil else { return cancel() }
        let text = Text(request: request, context: context)
        lock.withLock {
            guard text != latest else { return }
            latest = text
            if let answer, answer.text != text {
                answer.task.cancel()
                self.answer = nil
            }
            timer?.cancel()
            let delay = answerDelay
            timer = Task(priority: .userInitiated) { [weak self] in
                try? await Task.sleep(for: delay)
                guard !Task.isCancelled else { return }
                self?.begin(text)
            }
            readAheadIfIdle()
        }
    }

    /// The answer for `request` in `context`, finished or running, if it was begun while typing; it is handed over and
    /// forgotten here. Any other work is dropped, and nil returned.
    public func take(request: String, context: SessionContext) -> Task<TranslationOutcome, any Error>? {
        let text = Text(request: PromptBuilder.clean(request), context: context)
        return lock.withLock {
            defer { answer = nil }
            timer?.cancel()
            timer = nil
            latest = nil
            lastRead = nil
            guard let answer else { return nil }
            guard answer.text == text else {
                answer.task.cancel()
                return nil
            }
            return answer.task
        }
    }

    /// Drops all work (Ctrl-C, Esc, a line that is no request).
    public func cancel() {
        lock.withLock {
            timer?.cancel()
            timer = nil
            answer?.task.cancel()
            answer = nil
            reading?.cancel()
            latest = nil
            lastRead = nil
        }
    }

    /// How many answers were begun while typing, for reports.
    public var startedCount: Int { lock.withLock { answersBegun } }

    /// How many prompts were read ahead while typing, for reports.
    public var readAheadCount: Int { lock.withLock { readAheads } }

    /// Starts reading the newest text ahead when nothing is in flight. Call with the lock held.
    private func readAheadIfIdle() {
        guard readsAhead, reading == nil, answer == nil, let latest, latest != lastRead else { return }
        lastRead = latest
        readAheads += 1
        let translator = translator
        reading = Task(priority: .userInitiated) { [weak self] in
            _ = try? await translator.readAhead(latest.request, context: latest.context)
            self?.finishedReading()
        }
    }

    private func finishedReading() {
        lock.withLock {
            reading = nil
            readAheadIfIdle()
        }
    }

    /// Begins the answer for `text` when it is still the newest text, after the read-ahead in flight.
    private func begin(_ text: Text) {
        lock.withLock {
            guard latest == text, answer == nil else { return }
            let prior = reading
            let translator = translator
            answersBegun += 1
            let task = Task(priority: .userInitiated) { () throws -> TranslationOutcome in
                await prior?.value
                try Task.checkCancellation()
                return try await translator.answer(text.request, context: text.context, cache: .readOnly)
            }
            answer = Work(text: text, task: task)
        }
    }
}
