/// Told the text of the edit line whenever the user stops typing for a moment, so that work the line will need
/// (a model's answer to a `?` request) can start before Enter.
///
/// `onPause` runs on the thread reading the line, inside libedit: it must return at once (hand the text to other
/// work) and must not call back into the editor. It is called once per pause, and only after a key changed the line
/// or moved the cursor; never during a paste or while an Esc sequence is still arriving.
public struct TypingObserver: Sendable {
    /// How long no key must arrive before a pause is reported (at least 20 ms).
    public var pauseMilliseconds: Int
    /// Receives the whole line as it stands at the pause.
    public var onPause: @Sendable (String) -> Void

    /// Creates an observer.
    public init(pauseMilliseconds: Int, onPause: @escaping @Sendable (String) -> Void) {
        self.pauseMilliseconds = max(20, pauseMilliseconds)
        self.onPause = onPause
    }
}
