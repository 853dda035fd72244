/// What the completer is asked to complete when the user presses Tab.
///
/// Words are separated by whitespace only, so `deploy/we` and `--namespace=sh` are single words.
/// Candidates returned for a request are whole words that replace `word`, including any prefix
/// such as `deploy/` or `--namespace=`.
public struct CompletionRequest: Sendable, Equatable {
    /// The whole edit line.
    public let line: String
    /// The word being completed: the text from the start of the word up to the cursor.
    public let word: String
    /// Character offset in `line` where `word` starts.
    public let start: Int
    /// Character offset in `line` where `word` ends (the cursor position).
    public let end: Int

    /// Creates a request. `start` and `end` are character offsets into `line`.
    public init(line: String, word: String, start: Int, end: Int) {
        self.line = line
        self.word = word
        self.start = start
        self.end = end
    }

    /// Builds a request from libedit's view of the line: the UTF-8 bytes of the line buffer,
    /// the cursor as a byte offset into it, and the word libedit found before the cursor.
    static func fromEditBuffer(lineBytes: [UInt8], cursorByteOffset: Int, word: String) -> CompletionRequest {
        let cursor = min(max(cursorByteOffset, 0), lineBytes.count)
        let line = String(decoding: lineBytes, as: UTF8.self)
        let beforeCursor = String(decoding: lineBytes[..<cursor], as: UTF8.self)
        let end = beforeCursor.count
        let start = max(0, end - word.count)
        return CompletionRequest(line: line, word: word, start: start, end: end)
    }
}
