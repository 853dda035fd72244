/// A simulated person typing a `?` request into `k1 shell`: keys at a steady rate, then a pause, then Enter. Pure: it
/// only says when the shell sees what.
///
/// The shell's line editor reports the line at every pause of at least ``pauseMilliseconds`` (a moment after each key
/// of a steady typist), and the shell begins the answer after ``answerPauseMilliseconds`` without a key (its
/// `typing_pause_ms`).
public struct Typist: Sendable, Equatable {
    /// Keys per second.
    public var charactersPerSecond: Double
    /// The pause between the last key and Enter, in milliseconds.
    public var pauseBeforeEnterMilliseconds: Double
    /// How long the line editor waits for the next key before it reports the line, in milliseconds.
    public var pauseMilliseconds: Double
    /// How long without a key before the shell begins the answer, in milliseconds (`typing_pause_ms`).
    public var answerPauseMilliseconds: Double
    /// Whether the shell reads the text so far ahead between pauses (`read_ahead`).
    public var readAhead: Bool

    /// The default: 8 keys a second, 300 ms before Enter, the line reported 40 ms after a key, answers begun after
    /// the shell's default 150 ms pause.
    public init(charactersPerSecond: Double = 8, pauseBeforeEnterMilliseconds: Double = 300, pauseMilliseconds: Double = 40,
                answerPauseMilliseconds: Double = 150, readAhead: Bool = false) {
        self.charactersPerSecond = max(0.1, charactersPerSecond)
        self.pauseBeforeEnterMilliseconds = max(0, pauseBeforeEnterMilliseconds)
        self.pauseMilliseconds = max(1, pauseMilliseconds)
        self.answerPauseMilliseconds = max(pauseMilliseconds, answerPauseMilliseconds)
        self.readAhead = readAhead
    }

    /// One moment the shell sees a pause: milliseconds after the first key, and the line then.
    public struct Pause: Sendable, Equatable {
        /// Milliseconds after the first key.
        public var at: Double
        /// The line as typed so far.
        public var text: String
    }

    /// `8 keys/s, 300 ms before Enter, line seen 40 ms after a key, answer begun after 150 ms` (`, read ahead` when it
    /// reads ahead).
    public var summary: String {
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
        return "\(number(charactersPerSecond)) keys/s, \(number(pauseBeforeEnterMilliseconds)) ms before Enter, "
            + "line seen \(number(pauseMilliseconds)) ms after a key, answer begun after \(number(answerPauseMilliseconds)) ms"
            + (readAhead ? ", read ahead" : "")
    }

    /// Milliseconds between two keys.
    public var keyInterval: Double { 1000 / charactersPerSecond }

    /// Every pause the shell reports while `line` is typed, in order: after each key followed by a gap of at least
    /// ``pauseMilliseconds`` (every key when keys are that far apart; always the last key, followed by the pause
    /// before Enter when that is long enough).
    public func pauses(typing line: String) -> [Pause] {
        let characters = Array(line)
        var pauses: [Pause] = []
        for index in characters.indices {
            let typedAt = Double(index) * keyInterval
            let gap = index == characters.count - 1 ? pauseBeforeEnterMilliseconds : keyInterval
            guard gap >= pauseMilliseconds else { continue }
            pauses.append(Pause(at: typedAt + pauseMilliseconds, text: String(characters[...index])))
        }
        return pauses
    }

    /// When Enter is pressed, in milliseconds after the first key.
    public func enter(typing line: String) -> Double {
        Double(max(0, line.count - 1)) * keyInterval + pauseBeforeEnterMilliseconds
    }
}
