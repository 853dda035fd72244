import Foundation
import Session
import Shell
import Support
import Translate

extension BenchmarkRunner {
    /// The translation function of `k1 shell` with a person typing: `typist` types `?request` in real time, the shell's
    /// ``SpeculativeAnswer`` sees the line after each key as it does in the shell (reading ahead, and answering after
    /// the typist's answer pause), and Enter takes the answer (or asks anew, as the shell does when none was begun for
    /// that text). The answer's latency is the wait after Enter; its token counts
    /// are those of the request that produced it.
    public static func typing(with translator: Translator, typist: Typist) -> Translate {
        { item, context in
            if let answer = explaining(item.prompt) { return answer }
            let line = "?" + item.prompt
            let ahead = SpeculativeAnswer(translator: translator,
                                          answerAfter: SpeculativeAnswer.answerDelay(
                                              typingPauseMilliseconds: Int(typist.answerPauseMilliseconds),
                                              readAhead: typist.readAhead),
                                          readAhead: typist.readAhead)
            let clock = ContinuousClock()
            let start = clock.now
            func at(_ milliseconds: Double) -> ContinuousClock.Instant {
                start + .microseconds(Int64((milliseconds * 1000).rounded()))
            }
            do {
                for pause in typist.pauses(typing: line) {
                    try await clock.sleep(until: at(pause.at))
                    ahead.typed(pause.text, context: context)
                }
                try await clock.sleep(until: at(typist.enter(typing: line)))
            } catch {
                ahead.cancel()
                throw error
            }
            let entered = clock.now
            let early = ahead.take(request: item.prompt, context: context)
            let task = early ?? Task { try await translator.answer(item.prompt, context: context, cache: .off) }
            let outcome = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            let milliseconds = (clock.now - entered).milliseconds
            switch outcome {
            case .command(let translation):
                var answer = BenchmarkAnswer(translation)
                answer.latencyMilliseconds = milliseconds
                if early != nil { answer.note = [answer.note, "begun while typing"].compactMap { $0 }.joined(separator: "; ") }
                return answer
            case .noTarget(let reason):
                return BenchmarkAnswer(noCommand: reason.message, latencyMilliseconds: milliseconds)
            }
        }
    }
}
