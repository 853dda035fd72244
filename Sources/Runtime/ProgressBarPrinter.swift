import Foundation
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws a `ProgressBar` on standard error: redrawn in place (at most 10 times a second) on a terminal,
/// one plain line per 10 % otherwise, nothing at all when silent.
public final class ProgressBarPrinter: Sendable {
    /// How output is written.
    public enum Mode: Sendable, Equatable {
        /// Redraw one line in place.
        case terminal
        /// A plain line every 10 %.
        case lines
        /// No output.
        case silent
    }

    private struct State {
        var bar: ProgressBar
        var started = Date()
        var lastDraw = Date.distantPast
        var lastStep = -1
        var drawn = false
    }

    private let state: Mutex<State>
    private let write: @Sendable (String) -> Void
    /// The output mode.
    public let mode: Mode

    /// Creates a printer; `mode` defaults to `.terminal` when standard error is a TTY, else `.lines`.
    public init(_ bar: ProgressBar, mode: Mode? = nil,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.state = Mutex(State(bar: bar))
        self.mode = mode ?? (isatty(2) == 1 ? .terminal : .lines)
        self.write = write
    }

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// Reports progress; cheap to call often.
    public func update(_ completed: Int64) {
        let output: String? = state.withLock { state in
            let now = Date()
            switch mode {
            case .silent: return nil
            case .terminal:
                guard now.timeIntervalSince(state.lastDraw) >= 0.1 else { return nil }
                state.lastDraw = now
                state.drawn = true
                return "\r" + state.bar.render(completed: completed, bytesPerSecond: rate(state, completed, now),
                                               width: ProgressBarPrinter.columns()) + TerminalControl.eraseToEndOfLine
            case .lines:
                let step = state.bar.plainStep(completed)
                guard step != state.lastStep else { return nil }
                state.lastStep = step
                return state.bar.plainLine(completed: completed) + "\n"
            }
        }
        if let output { write(output) }
    }

    /// Draws the final state and ends the line.
    public func finish(_ completed: Int64) {
        let output: String? = state.withLock { state in
            switch mode {
            case .silent: return nil
            case .terminal:
                state.drawn = false
                return "\r" + state.bar.render(completed: completed, bytesPerSecond: rate(state, completed, Date()),
                                               width: ProgressBarPrinter.columns()) + TerminalControl.eraseToEndOfLine + "\n"
            case .lines:
                guard state.lastStep != 10 else { return nil }
                state.lastStep = 10
                return state.bar.plainLine(completed: completed) + "\n"
            }
        }
        if let output { write(output) }
    }

    /// Changes the label (and total) shown, e.g. when a download moves to its next file.
    public func relabel(_ label: String, total: Int64? = nil) {
        state.withLock { state in
            state.bar.label = label
            if let total { state.bar.total = total }
            state.lastStep = -1
        }
    }

    /// Prints a line of its own, clearing the bar first on a terminal.
    public func message(_ line: String) {
        guard mode != .silent else { return }
        let clear = state.withLock { state in
            defer { state.drawn = false; state.lastDraw = .distantPast }
            return state.drawn && mode == .terminal
        }
        write((clear ? TerminalControl.restartLine : "") + line + "\n")
    }

    private func rate(_ state: State, _ completed: Int64, _ now: Date) -> Double? {
        let elapsed = now.timeIntervalSince(state.started)
        guard state.bar.unit == .bytes, elapsed >= 0.5 else { return nil }
        return Double(completed) / elapsed
    }

    /// The terminal's width from `COLUMNS` or the TTY, 80 when unknown.
    static func columns() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        if let value = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), value > 20 { return value }
        return 80
    }
}
