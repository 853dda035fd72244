/// Ignores Enter for a short time after a suggestion appears on the edit line, so that an Enter typed for the line
/// before (a double Enter, keys typed ahead while the answer came from the cache in a millisecond) cannot confirm
/// a command its user has not seen yet. Nobody reads a suggestion and presses Enter within 150 ms. Only a fresh
/// suggestion is guarded: any other key (an edit) shows the user is working on the line, and ends the guard.
struct EnterGuard {
    /// How long Enter is ignored by default, in milliseconds.
    static let defaultWindowMilliseconds: UInt64 = 150

    private var armedAt: UInt64?
    private let window: UInt64

    /// A guard armed at `armedAt` (monotonic milliseconds) for `window` milliseconds; nil `armedAt` never ignores.
    init(armedAt: UInt64?, windowMilliseconds: UInt64 = EnterGuard.defaultWindowMilliseconds) {
        self.armedAt = armedAt
        self.window = windowMilliseconds
    }

    /// A guard that never ignores anything.
    static let off = EnterGuard(armedAt: nil)

    /// True when `byte`, read at `now` (monotonic milliseconds), is an Enter (CR or LF) inside the window on a
    /// suggestion nobody has edited. Any other key ends the guard.
    mutating func ignores(_ byte: UInt8, at now: UInt64) -> Bool {
        guard let armedAt else { return false }
        guard byte == 0x0D || byte == 0x0A else {
            self.armedAt = nil
            return false
        }
        return now &- armedAt < window
    }
}
