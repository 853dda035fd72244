import Foundation

extension ModelCatalog {
    /// `config.yaml` text with its top-level `model:` set to `model`, everything else (other keys, comments, the
    /// comment on the `model:` line) kept as it was. Adds the key after `provider:` (or at the end) when absent.
    public static func settingModel(_ model: String, in text: String) -> String {
        let value = yamlScalar(model)
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.range(of: "^model[ \\t]*:", options: .regularExpression) != nil }) {
            let line = lines[index]
            let comment = trailingComment(of: line)
            let colon = line.firstIndex(of: ":")!
            let afterColon = line[line.index(after: colon)...]
            let currentValue = comment.map { afterColon[..<$0.lowerBound] } ?? afterColon[...]
            let trimmedValue = currentValue.trimmingCharacters(in: .whitespaces)
            var newLine = "model: \(value)"
            if let comment {
                // Keep the comment in its column when the new value fits.
                let column = line.distance(from: line.startIndex, to: comment.lowerBound)
                let padding = max(1, column - newLine.count)
                newLine += String(repeating: " ", count: padding) + line[comment.lowerBound...]
            }
            if trimmedValue.isEmpty, index + 1 < lines.count, lines[index + 1].hasPrefix(" ") {
                // A block value on the following lines: drop those lines.
                var end = index + 1
                while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("\t") { end += 1 }
                lines.removeSubrange(index + 1..<end)
            }
            lines[index] = newLine
            return lines.joined(separator: "\n")
        }
        let insertion = "model: \(value)"
        if let provider = lines.firstIndex(where: { $0.range(of: "^provider[ \\t]*:", options: .regularExpression) != nil }) {
            lines.insert(insertion, at: provider + 1)
            return lines.joined(separator: "\n")
        }
        var result = text
        if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
        return result + insertion + "\n"
    }

    /// `value` as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
    public static func yamlScalar(_ value: String) -> String {
        let plain = value.range(of: "^[A-Za-z0-9_./][A-Za-z0-9_./:+@-]*$", options: .regularExpression) != nil
            && !value.contains(": ") && !value.hasSuffix(":")
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(value.lowercased())
        if plain && !reserved && Double(value) == nil && Int(value) == nil { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    /// The range of a `# comment` at the end of a line (a `#` after whitespace, outside quotes).
    static func trailingComment(of line: String) -> Range<String.Index>? {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t") {
                return index..<line.endIndex
            }
            previous = character
            index = line.index(after: index)
        }
        return nil
    }
}
