/// The outcome of one `LineEditor.readLine(prompt:prefill:)` call.
public enum LineInput: Sendable, Equatable {
    /// The user confirmed a line with Enter. The text is returned as edited, without the newline.
    case line(String)
    /// The input ended: Ctrl-D on an empty line, a closed terminal, or the end of piped input.
    case endOfInput
    /// The user discarded the line with a cancel key.
    case cancelled(CancelKey)
}
