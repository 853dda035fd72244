/// Why a command line could not be split into words.
public enum ShellWordsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `'` opened a quoted string that never closes.
    case unterminatedSingleQuote
    /// A `"` opened a quoted string that never closes.
    case unterminatedDoubleQuote
    /// The line ends with a `\` that escapes nothing.
    case trailingBackslash

    /// A one-line explanation that tells the user how to fix the line.
    public var description: String {
        switch self {
        case .unterminatedSingleQuote:
            "unterminated single quote: add the closing ' or escape the quote as \\'"
        case .unterminatedDoubleQuote:
            "unterminated double quote: add the closing \" or escape the quote as \\\""
        case .trailingBackslash:
            "the line ends with a backslash: remove it or escape it as \\\\"
        }
    }
}
