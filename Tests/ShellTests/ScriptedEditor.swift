import LineEditor
import Synchronization

/// A line editor that answers `readLine` from a script and records what the shell asked it: the prompt, the pre-filled
/// text and the cursor of every read. A step may first report pauses in typing, as libedit's editor does.
final class ScriptedEditor: LineReading, @unchecked Sendable {
    /// One read: the lines reported at pauses before it ends, then what it returns.
    struct Step {
        var pauses: [String] = []
        var input: LineInput
    }

    /// What one `readLine` call was given.
    struct Read: Equatable {
        var prefill: String?
        var cursor: Int?
    }

    let isInteractive: Bool
    private let state: Mutex<(steps: [Step], reads: [Read], history: [String])>
    var completer: (@Sendable (CompletionRequest) -> [String])?
    var typingObserver: TypingObserver?

    init(_ steps: [Step], interactive: Bool = true) {
        isInteractive = interactive
        state = Mutex((steps, [], []))
    }

    /// Reads that end with `input`, after no pauses.
    convenience init(lines inputs: [LineInput], interactive: Bool = true) {
        self.init(inputs.map { Step(input: $0) }, interactive: interactive)
    }

    var reads: [Read] { state.withLock { $0.reads } }
    var historyEntries: [String] { state.withLock { $0.history } }

    func configure(historyLimit: Int, escapeTimeoutMilliseconds: Int) {}

    func readLine(prompt: String, prefill: String?, cursor: Int?) -> LineInput {
        let step = state.withLock { state -> Step? in
            state.reads.append(Read(prefill: prefill, cursor: cursor))
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        guard let step else { return .endOfInput }
        for line in step.pauses { typingObserver?.onPause(line) }
        return step.input
    }

    func addHistory(_ line: String) {
        state.withLock { $0.history.append(line) }
    }

    func replaceHistory(_ lines: [String]) {
        state.withLock { $0.history = lines }
    }
}
