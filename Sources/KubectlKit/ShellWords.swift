/// POSIX-like word splitting, quoting and shell-syntax detection for command lines.
///
/// Splitting follows the rules of `sh` for quotes and backslashes but performs no
/// expansion: `$HOME`, `*` and `~` stay as typed, and `#` does not start a comment.
public enum ShellWords {
    /// Splits a command line into words.
    ///
    /// Single quotes keep everything literally; double quotes keep everything except
    /// `\"`, `\\`, `\$`, `` \` `` and backslash-newline; outside quotes a backslash makes
    /// the next character literal. `''` and `""` produce an empty word.
    /// - Throws: ``ShellWordsError`` for an unterminated quote or a trailing backslash.
    public static func split(_ line: String) throws(ShellWordsError) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var inWord = false
        let bytes = Array(line.utf8)
        let count = bytes.count
        var index = 0

        while index < count {
            let byte = bytes[index]
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn:
                if inWord {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    inWord = false
                }
                index += 1
            case ASCII.singleQuote:
                inWord = true
                index += 1
                guard let close = bytes[index...].firstIndex(of: ASCII.singleQuote) else {
                    throw .unterminatedSingleQuote
                }
                current.append(contentsOf: bytes[index..<close])
                index = close + 1
            case ASCII.doubleQuote:
                inWord = true
                index += 1
                var closed = false
                while index < count {
                    let inner = bytes[index]
                    if inner == ASCII.doubleQuote {
                        closed = true
                        index += 1
                        break
                    }
                    if inner == ASCII.backslash, index + 1 < count {
                        let next = bytes[index + 1]
                        switch next {
                        case ASCII.doubleQuote, ASCII.backslash, ASCII.dollar, ASCII.backtick:
                            current.append(next)
                            index += 2
                            continue
                        case ASCII.newline:
                            index += 2
                            continue
                        default:
                            break
                        }
                    }
                    current.append(inner)
                    index += 1
                }
                if !closed { throw .unterminatedDoubleQuote }
            case ASCII.backslash:
                guard index + 1 < count else { throw .trailingBackslash }
                let next = bytes[index + 1]
                if next != ASCII.newline {
                    inWord = true
                    current.append(next)
                }
                index += 2
            default:
                inWord = true
                current.append(byte)
                index += 1
            }
        }
        if inWord {
            words.append(String(decoding: current, as: UTF8.self))
        }
        return words
    }

    /// Whether the line needs a shell to mean what it says.
    ///
    /// True when, outside single quotes, the line contains a pipe `|`, `||`, `&&`, `;`,
    /// a background `&`, a redirection `>` or `<`, a newline, or (also inside double
    /// quotes) a command substitution `$(…)` or `` `…` ``, or a parameter expansion
    /// `${…}` / `$NAME`. Characters escaped with a backslash do not count.
    public static func hasShellSyntax(_ line: String) -> Bool {
        firstShellFeature(in: line) != nil
    }

    /// Quotes a word so that ``split(_:)`` (and `sh`) reads it back unchanged.
    ///
    /// Words made only of letters, digits and `@%+=:,./_-` stay bare; anything else is
    /// wrapped in single quotes, with embedded single quotes written as `'\''`.
    public static func quote(_ word: String) -> String {
        if word.isEmpty { return "''" }
        if word.utf8.allSatisfy(isSafeByte) { return word }
        var result = "'"
        for character in word.unicodeScalars {
            if character == "'" {
                result += "'\\''"
            } else {
                result.unicodeScalars.append(character)
            }
        }
        result += "'"
        return result
    }

    /// Joins words into one line, quoting each with ``quote(_:)``.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    // MARK: - Internals

    /// A construct that only a shell understands, as found by ``firstShellFeature(in:)``.
    enum ShellFeature: Sendable, Hashable {
        /// `|`, `||`, `&&`, `;`, a background `&` or a newline: more than one command.
        case commandSeparator
        /// `$(…)` or a backtick.
        case commandSubstitution
        /// `>` or `<`.
        case redirection
        /// `${…}` or `$NAME`.
        case parameterExpansion
    }

    /// The first shell construct found in the line, scanning left to right.
    static func firstShellFeature(in line: String) -> ShellFeature? {
        let bytes = Array(line.utf8)
        let count = bytes.count
        var index = 0
        var inDouble = false
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.backslash {
                index += 2
                continue
            }
            if !inDouble, byte == ASCII.singleQuote {
                guard let close = bytes[(index + 1)...].firstIndex(of: ASCII.singleQuote) else { return nil }
                index = close + 1
                continue
            }
            if byte == ASCII.doubleQuote {
                inDouble.toggle()
                index += 1
                continue
            }
            if byte == ASCII.backtick { return .commandSubstitution }
            if byte == ASCII.dollar, index + 1 < count {
                let next = bytes[index + 1]
                if next == ASCII.openParen { return .commandSubstitution }
                if next == ASCII.openBrace || next == ASCII.underscore || isLetter(next) {
                    return .parameterExpansion
                }
            }
            if !inDouble {
                switch byte {
                case ASCII.pipe, ASCII.ampersand, ASCII.semicolon, ASCII.newline:
                    return .commandSeparator
                case ASCII.greaterThan, ASCII.lessThan:
                    return .redirection
                default:
                    break
                }
            }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isSafeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case ASCII.at, ASCII.percent, ASCII.plus, ASCII.equals, ASCII.colon, ASCII.comma,
             ASCII.dot, ASCII.slash, ASCII.underscore, ASCII.minus: true
        default: false
        }
    }
}
