import Foundation
import KubectlKit
import Support

/// Turns a model's raw output into one kubectl command line.
///
/// Small models wrap answers in markdown fences, prefix them with `$ ` or `Command:`, quote them, add an explanation,
/// or answer with a bare verb (`get pods`). The sanitizer strips all of that and keeps the first line that is a
/// kubectl command. A pipeline or several commands are never silently cut down: they are kept (joined with `&&`) and
/// the note says so, so the user reviews them. Output with no command gives `command == nil` and a note.
public enum OutputSanitizer {
    /// Sanitizes raw model output.
    public static func sanitize(_ raw: String) -> SanitizedOutput {
        var text = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\t", with: " ")
        for token in specialTokens { text = text.replacingOccurrences(of: token, with: "\n") }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return SanitizedOutput(command: nil, note: "the model gave an empty answer") }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var commands = commandsIn(fencedBlock(lines) ?? [])
        if commands.isEmpty { commands = commandsIn(lines.filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("```") }) }

        var unique: [String] = []
        for command in commands where !unique.contains(command) { unique.append(command) }
        if let bad = unique.first(where: { TerminalText.containsControl($0) }) {
            return SanitizedOutput(command: nil, note: "the answer holds control characters: \(TerminalText.escaped(excerpt(bad)))")
        }
        guard let first = unique.first else {
            return SanitizedOutput(command: nil, note: "the model answered without a kubectl command: \(excerpt(text))")
        }
        if unique.count > 1 {
            return SanitizedOutput(command: unique.joined(separator: " && "),
                                   note: "the model gave \(unique.count) commands, joined with &&; review them before running")
        }
        if ShellText.hasOperator(first) {
            return SanitizedOutput(command: first, note: "the answer is a shell pipeline or compound command; review it before running")
        }
        return SanitizedOutput(command: first)
    }

    /// Repairs an answer the token limit cut off, which small models produce when they loop (`-l a=1 -l b=2 -l a=1
    /// …`): drops the last, possibly incomplete word and every repeated word or flag-and-value pair.
    public static func trimRunaway(_ command: String) -> String {
        var words = command.split(separator: " ").map(String.init)
        if words.count > 2 { words.removeLast() }
        var kept: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < words.count {
            let word = words[index]
            // A flag followed by its value ("-l app=web") counts as one unit.
            if word.hasPrefix("-"), !word.contains("="), index + 1 < words.count, !words[index + 1].hasPrefix("-") {
                let unit = word + " " + words[index + 1]
                if seen.insert(unit).inserted { kept += [word, words[index + 1]] }
                index += 2
                continue
            }
            if seen.insert(word).inserted { kept.append(word) }
            index += 1
        }
        // A valued flag left without its value at the end ("… -l") goes too.
        if let last = kept.last, last.hasPrefix("-"), !last.contains("="), kept.count > 2,
           KubectlCommandTable.flag(named: last, verb: kept[1])?.consumesNextWord ?? true {
            kept.removeLast()
        }
        return kept.joined(separator: " ")
    }

    // MARK: - Lines

    /// Tokens some servers leak into the text.
    static let specialTokens = ["<|im_end|>", "<|im_start|>", "<|endoftext|>", "<|eot_id|>", "</s>", "<|end|>", "<end_of_turn>"]

    /// The lines inside the first markdown fence, or nil when there is no fence.
    static func fencedBlock(_ lines: [String]) -> [String]? {
        guard let open = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("```") }) else { return nil }
        let opening = lines[open].trimmingCharacters(in: .whitespaces)
        // A one-line fence: ```kubectl get pods```.
        if opening.count > 6, opening.hasSuffix("```") { return [opening] }
        let rest = lines[(open + 1)...]
        let close = rest.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("```") } ?? lines.endIndex
        return Array(lines[(open + 1)..<close])
    }

    static func commandsIn(_ lines: [String]) -> [String] {
        lines.compactMap(command(in:))
    }

    /// The kubectl command a single line holds, cleaned, or nil.
    static func command(in rawLine: String) -> String? {
        var line = stripDecorations(rawLine)
        guard !line.isEmpty else { return nil }
        line = ShellText.straightenQuotes(line)

        if let command = commandAtStart(line) { return finish(command) }
        // A backtick span inside prose: "Run `kubectl get pods` to list them."
        if let span = backtickSpans(line).first(where: { commandAtStart(stripDecorations($0)) != nil }) {
            return commandAtStart(stripDecorations(span)).flatMap(finish)
        }
        // A command inside prose: "You can run kubectl get pods to see them."
        if let range = line.range(of: "kubectl ", options: .caseInsensitive), range.lowerBound != line.startIndex {
            let tail = String(line[range.lowerBound...])
            guard let command = commandAtStart(tail) else { return nil }
            return finish(cutProseTail(command))
        }
        return nil
    }

    /// Removes list markers, labels (`Command:`), shell prompts (`$ `), `sudo`, and quotes or backticks around the line.
    static func stripDecorations(_ input: String) -> String {
        var line = input.trimmingCharacters(in: .whitespaces)
        var changed = true
        while changed && !line.isEmpty {
            changed = false
            let before = line
            line = dropFence(line)
            line = dropListMarker(line)
            line = dropLabel(line)
            for prompt in ["$ ", "> ", "# ", "% ", "PS> "] where line.hasPrefix(prompt) {
                line = String(line.dropFirst(prompt.count))
            }
            if line.hasPrefix("sudo ") { line = String(line.dropFirst(5)) }
            line = dropEnclosingQuotes(line).trimmingCharacters(in: .whitespaces)
            changed = line != before
        }
        return line
    }

    /// `kubectl …` (or `k …` with a kubectl verb, or a bare verb line) at the start of `line`, else nil.
    static func commandAtStart(_ line: String) -> String? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return nil }
        let lowerFirst = first.lowercased()
        if lowerFirst == "kubectl" || lowerFirst.hasSuffix("/kubectl") {
            var rest = Array(words.dropFirst())
            while rest.first?.lowercased() == "kubectl" { rest.removeFirst() }
            guard let second = rest.first, !proseWords.contains(second.lowercased()) else { return nil }
            return (["kubectl"] + rest).joined(separator: " ")
        }
        if first == "k", words.count > 1, verbs.contains(words[1]) {
            return (["kubectl"] + words.dropFirst()).joined(separator: " ")
        }
        if verbs.contains(first), looksLikeBareCommand(words) {
            return (["kubectl"] + words).joined(separator: " ")
        }
        return nil
    }

    /// Whether a line starting with a kubectl verb is a command rather than an English sentence ("get the pods.").
    static func looksLikeBareCommand(_ words: [String]) -> Bool {
        guard let last = words.last, !last.hasSuffix("."), !last.hasSuffix(":"), !last.hasSuffix("?"), !last.hasSuffix("!") else {
            return false
        }
        guard words.count > 1 else { return true }
        return !articleWords.contains(words[1].lowercased())
    }

    /// Final touches: prose after the command, trailing `;` or `.`, doubled spaces.
    static func finish(_ command: String) -> String? {
        var text = ShellText.cutComment(command)
        text = ShellText.cutSentence(text)
        text = cutTrailingParenthetical(text)
        text = text.trimmingCharacters(in: .whitespaces)
        while let last = text.last,
              last == ";" || last == "," || (ShellText.quoteCharacters.contains(last) && !ShellText.isBalanced(text, quote: last)) {
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespaces)
        }
        if text.hasSuffix("."), text.count > 1 {
            let beforeDot = text[text.index(text.endIndex, offsetBy: -2)]
            if beforeDot != " " && beforeDot != "/" && beforeDot != "." { text.removeLast() }
        }
        text = ShellText.foldSpaces(text)
        let words = text.split(separator: " ")
        guard words.count >= 2 else { return nil }
        return text
    }

    // MARK: - Pieces

    static func dropFence(_ line: String) -> String {
        guard line.hasPrefix("```") else { return line }
        var rest = line.dropFirst(3)
        if rest.hasSuffix("```") { rest = rest.dropLast(3) }
        // ```bash kubectl get pods``` or ```sh
        for language in ["bash", "shell", "sh", "console", "zsh", "text"] where rest.hasPrefix(language + " ") || rest == Substring(language) {
            rest = rest.dropFirst(language.count)
        }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    static func dropListMarker(_ line: String) -> String {
        for marker in ["- ", "* ", "• "] where line.hasPrefix(marker) { return String(line.dropFirst(marker.count)) }
        // "1. kubectl …" or "1) kubectl …"
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return line
    }

    static func dropLabel(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let label = line[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
        guard labels.contains(label) else { return line }
        return String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    }

    static func dropEnclosingQuotes(_ line: String) -> String {
        for (open, close) in [("```", "```"), ("``", "``"), ("`", "`"), ("\"", "\""), ("'", "'"), ("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}")] {
            guard line.count > open.count + close.count, line.hasPrefix(open), line.hasSuffix(close) else { continue }
            let inner = String(line.dropFirst(open.count).dropLast(close.count))
            // Keep quotes that belong to the command: "'kubectl get pods -l 'app=web'" is not enclosed.
            if open == close && inner.contains(open) && !ShellText.isBalanced(inner, quote: Character(open)) { continue }
            return inner
        }
        // An opening quote whose partner is followed by prose: "`kubectl get pods` lists pods".
        return line
    }

    static func backtickSpans(_ line: String) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }
            .map { String($0.element) }
    }

    /// For a command pulled out of a sentence: cuts at the words that start the explanation (" to see", ", which").
    static func cutProseTail(_ command: String) -> String {
        var cut = command.endIndex
        for marker in [" to ", " which ", " that ", " and then ", " so that ", " in order ", ", ", " then "] {
            if let range = ShellText.rangeOutsideQuotes(of: marker, in: command), range.lowerBound < cut {
                cut = range.lowerBound
            }
        }
        return String(command[..<cut])
    }

    /// "kubectl get pods (lists every pod)" loses the parenthesis; "(…)" without spaces is kept.
    static func cutTrailingParenthetical(_ command: String) -> String {
        guard command.hasSuffix(")"), let open = command.range(of: " (", options: .backwards) else { return command }
        let inside = command[open.upperBound..<command.index(before: command.endIndex)]
        guard inside.contains(" "), inside.first?.isLetter == true else { return command }
        return String(command[..<open.lowerBound])
    }

    static func excerpt(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : oneLine
    }

    /// kubectl's commands and their aliases.
    static let verbs: Set<String> = {
        var names: Set<String> = []
        for verb in KubectlCommandTable.verbs {
            names.insert(verb.name)
            names.formUnion(verb.aliases)
        }
        names.remove("help")
        return names
    }()

    /// Labels a model puts before its answer.
    static let labels: Set<String> = [
        "command", "answer", "kubectl command", "output", "assistant", "a", "bash", "shell", "response", "solution",
        "result", "cmd", "run", "the command", "here is the command", "here's the command", "final answer", "code",
    ]

    /// Words that make "kubectl …" a sentence about kubectl rather than a command.
    static let proseWords: Set<String> = [
        "is", "can", "will", "does", "do", "the", "a", "an", "command", "commands", "should", "would", "allows", "lets",
        "to", "has", "cannot", "can't", "doesn't", "isn't", "lacks", "provides", "and", "or",
    ]

    /// Words after a verb that show an English sentence.
    static let articleWords: Set<String> = ["the", "a", "an", "me", "my", "some", "any", "what", "which", "how", "all", "this", "that", "your"]
}
