/// The cursor and erase escapes k1 writes to redraw a status line or the screen (xterm/VT100, which every terminal
/// k1 runs in understands). Colours are ``TerminalStyle``'s.
public enum TerminalControl {
    /// Erases from the cursor to the end of the line (`EL 0`).
    public static let eraseToEndOfLine = "\u{1B}[K"
    /// Moves to the start of the line and erases from there to its end: a status line about to be redrawn.
    public static let restartLine = "\r" + eraseToEndOfLine
    /// Moves to the start of the line and erases the whole line (`EL 2`).
    public static let eraseLine = "\r\u{1B}[2K"
    /// Moves the cursor home and erases the screen (what `clear` does).
    public static let clearScreen = "\u{1B}[H\u{1B}[2J"
}
