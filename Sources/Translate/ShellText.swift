/// Quote-aware scanning of a command line, for the sanitizer: where an operator, a comment or a sentence starts
/// outside single, double or back quotes.
enum ShellText {
    /// The quote characters a shell pairs.
    static let quoteCharacters: Set<Character> = ["'", "\"", "`"]

    /// For each character, whether it lies outside quotes (quote characters themselves count as inside).
    static func outsideQuotes(_ characters: [Character]) -> [Bool] {
        var result = [Bool](repeating: true, count: characters.count)
        var open: Character?
        var escaped = false
        for (index, character) in characters.enumerated() {
            if escaped { escaped = false; result[index] = open == nil; continue }
            if character == "\\" && open != "'" { escaped = true; result[index] = open == nil; continue }
            if let quote = open {
                result[index] = false
                if character == quote { open = nil }
            } else if quoteCharacters.contains(character) {
                open = character
                result[index] = false
            }
        }
        return result
    }

    /// The first range of `needle` in `text` that starts outside quotes.
    static func rangeOutsideQuotes(of needle: String, in text: String) -> Range<String.Index>? {
        let characters = Array(text)
        let outside = outsideQuotes(characters)
        let target = Array(needle)
        guard !target.isEmpty, characters.count >= target.count else { return nil }
        for start in 0...(characters.count - target.count) where outside[start] {
            if Array(characters[start..<(start + target.count)]) == target {
                let lower = text.index(text.startIndex, offsetBy: start)
                return lower..<text.index(lower, offsetBy: target.count)
            }
        }
        return nil
    }

    /// Whether the line uses a shell operator outside quotes: a pipe, `&&`, `||`, `;`, `$(…)`, backticks, a redirect
    /// or `&`. Such a line is not one plain kubectl command.
    static func hasOperator(_ text: String) -> Bool {
        if text.contains("`") { return true }
        let characters = Array(text)
        let outside = outsideQuotes(characters)
        for (index, character) in characters.enumerated() where outside[index] {
            switch character {
            case "|", ";", "&": return true
            case "<":
                if !isPlaceholder(characters, at: index) { return true }
            case ">":
                // A redirect, not the `>` inside a value such as `--field-selector=x>1` without spaces.
                if index > 0, characters[index - 1] == " " || characters[index - 1].isNumber { return true }
            case "$":
                if index + 1 < characters.count, characters[index + 1] == "(" { return true }
            default: break
            }
        }
        return false
    }

    /// Whether the `<` at `index` opens a placeholder such as `<pod-name>` (a letter, then `>` before any space).
    static func isPlaceholder(_ characters: [Character], at index: Int) -> Bool {
        guard index + 1 < characters.count, characters[index + 1].isLetter else { return false }
        for character in characters[(index + 1)...] {
            if character == ">" { return true }
            if character == " " || character == "<" { return false }
        }
        return false
    }

    /// Cuts a trailing `# comment` (a `#` after a space, outside quotes).
    static func cutComment(_ text: String) -> String {
        guard let range = rangeOutsideQuotes(of: " #", in: text) else { return text }
        return String(text[..<range.lowerBound])
    }

    /// Cuts an explanation that follows the command: `. This lists…`, ` - lists…`, ` — lists…`.
    static func cutSentence(_ text: String) -> String {
        let characters = Array(text)
        let outside = outsideQuotes(characters)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard outside[index] else { continue }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
            if characters[index] == ".", next == " ", afterNext?.isUppercase == true {
                return String(characters[..<index])
            }
            if characters[index] == " ", ["-", "\u{2014}", "\u{2013}"].contains(next), index + 3 < characters.count,
               characters[index + 2] == " ", characters[index + 3].isLetter {
                return String(characters[..<index])
            }
        }
        return text
    }

    /// Whether `quote` occurs an even number of times outside the other quote kinds.
    static func isBalanced(_ text: String, quote: Character) -> Bool {
        var count = 0
        var open: Character?
        for character in text {
            if let current = open {
                if character == current { open = nil; if current == quote { count += 1 } }
            } else if quoteCharacters.contains(character) {
                open = character
                if character == quote { count += 1 }
            }
        }
        return count % 2 == 0
    }

    /// Curly quotes become straight ones.
    static func straightenQuotes(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "\u{201C}", "\u{201D}": "\""
            case "\u{2018}", "\u{2019}": "'"
            default: character
            }
        })
    }

    /// Runs of spaces outside quotes become one space.
    static func foldSpaces(_ text: String) -> String {
        let characters = Array(text)
        let outside = outsideQuotes(characters)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " ", outside[index], result.last == " " { continue }
            result.append(character)
        }
        return result
    }
}
