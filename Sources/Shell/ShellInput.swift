import Foundation
import KubectlKit

/// What one input line asks for, decided from its first characters and first word. Pure.
public enum ShellInput: Sendable, Equatable {
    /// A blank line.
    case empty
    /// `:name args…` — a k1 meta command.
    case meta(name: String, arguments: [String])
    /// `!cmd` — run through `/bin/sh -c`.
    case shell(String)
    /// `?text` — a natural-language request (text trimmed; may be empty).
    case request(String)
    /// A kubectl line. `line` always starts with `kubectl`; `words` are its shell words (including `kubectl`);
    /// `usesShell` is true when it has pipes, `&&`, redirections or substitutions and must run through `/bin/sh`.
    case kubectl(line: String, words: [String], usesShell: Bool)
    /// A line whose first word is neither kubectl nor a kubectl verb.
    case notKubectl(firstWord: String)
    /// A line that cannot be split into words (an unterminated quote).
    case malformed(String)

    /// Classifies a line as typed.
    public static func classify(_ raw: String) -> ShellInput {
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard let first = line.first else { return .empty }
        switch first {
        case ":":
            let words = (try? ShellWords.split(String(line.dropFirst()))) ?? line.dropFirst().split(separator: " ").map(String.init)
            guard let name = words.first else { return .meta(name: "", arguments: []) }
            return .meta(name: name.lowercased(), arguments: Array(words.dropFirst()))
        case "!":
            return .shell(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
        case "?":
            return .request(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
        default:
            break
        }
        let usesShell = ShellWords.hasShellSyntax(line)
        let words: [String]
        do { words = try ShellWords.split(line) } catch { return .malformed(error.description) }
        guard let head = words.first else { return .empty }
        if ["exit", "quit"].contains(head), words.count == 1 { return .meta(name: "quit", arguments: []) }
        if head == "clear", words.count == 1 { return .meta(name: "clear", arguments: []) }
        if head == "kubectl" {
            return .kubectl(line: line, words: words, usesShell: usesShell)
        }
        if isKubectlVerb(head) || head.hasPrefix("-") {
            return .kubectl(line: "kubectl " + line, words: ["kubectl"] + words, usesShell: usesShell)
        }
        return .notKubectl(firstWord: head)
    }

    /// True when `word` is a kubectl command name (or alias) in the generated tables.
    public static func isKubectlVerb(_ word: String) -> Bool {
        KubectlCommandTable.spec(forVerb: word) != nil
    }
}
