import Foundation
import Session
import Translate

/// Answers a `?` request while it is still being typed, so that the answer is ready, or nearly, at Enter.
///
/// At each pause in typing the shell hands over the line (``typed(_:context:)``). When it is a request that differs
/// from the one being worked on, the stale work is cancelled (which closes its connection, so the model server stops
/// too) and the answer for the text so far is started in the background: the same ``Translator/answer(_:context:cache:onToken:)``
/// as after Enter, reading the answer cache but never writing it. The prompt it sends stays in the server's prompt
/// cache, so even an answer that is not used makes the one asked at Enter cheaper.
///
/// At Enter, ``take(request:context:)`` hands over the work for exactly that text in exactly that context, finished or
/// still running; any other work is cancelled. The shell stores the answer in the cache only then
/// (``Translator/commit(_:request:)``): an answer for text the user did not finally enter is never cached or shown.
public final class SpeculativeAnswer: @unchecked Sendable {
    /// Requests shorter than this (cleaned) are not worth starting.
    public static let minimumRequestLength = 4

    private struct Work {
        let request: String
        let context: SessionContext
        let task: Task<TranslationOutcome, any Error>
    }

    private let translator: Translator
    private let lock = NSLock()
    private var work: Work?
    private var started = 0

    /// Creates one over the shell's translator.
    public init(translator: Translator) {
        self.translator = translator
    }

    /// The line as it stands at a pause in typing. Starts the answer for a new request and cancels stale work; returns
    /// at once.
    public func typed(_ line: String, context: SessionContext) {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == "?" else { return cancel() }
        let request = PromptBuilder.clean(String(trimmed))
        // Too short to mean anything yet, or answered from kubectl's help rather than by the model.
        guard request.count >= Self.minimumRequestLength, ExplainRequest.target(of: request) == nil else { return cancel() }
        lock.withLock {
            if let work, work.request == request, work.context == context { return }
            work?.task.cancel()
            let translator = translator
            let task = Task(priority: .userInitiated) {
                try await translator.answer(request, context: context, cache: .readOnly)
            }
            work = Work(request: request, context: context, task: task)
            started += 1
        }
    }

    /// The work for `request` in `context`, finished or running, if it was started while typing; it is handed over and
    /// forgotten here. Any other work is cancelled, and nil returned.
    public func take(request: String, context: SessionContext) -> Task<TranslationOutcome, any Error>? {
        let request = PromptBuilder.clean(request)
        return lock.withLock {
            defer { work = nil }
            guard let work else { return nil }
            guard work.request == request, work.context == context else {
                work.task.cancel()
                return nil
            }
            return work.task
        }
    }

    /// Cancels any work (Ctrl-C, Esc, a line that is no request).
    public func cancel() {
        lock.withLock {
            work?.task.cancel()
            work = nil
        }
    }

    /// How many answers were started while typing, for reports.
    public var startedCount: Int { lock.withLock { started } }
}
