/// The outcome of one `LineEditor.readLine(prompt:prefill:)` call.
public enum LineInput: Sendable, Equatable {
    /// The user confirmed a line with Enter. The text is returned as edited, without the newline.
    case line(String)
    /// The input ended: Ctrl-D on an empty line, a closed terminal, or the end of piped input.
    case endOfInput
    /// The user discarded the line with a cancel key.
    case cancelled(CancelKey)
    /// The user pressed Alt-e (ESC e) to have the line explained. The line is returned as it was, with the cursor
    /// position, to be offered again (`readLine(prompt:prefill:cursor:)`) after the explanation.
    case explain(EditLineSnapshot)
}

/// The edit line at one moment: its text and the cursor position in characters from the start.
public struct EditLineSnapshot: Sendable, Equatable {
    /// The text on the line.
    public var text: String
    /// The cursor, in characters from the start of `text`.
    public var cursor: Int

    /// Creates a snapshot.
    public init(text: String, cursor: Int) {
        self.text = text
        self.cursor = cursor
    }
}
