import Foundation

/// One request → command pair of the prompt's fixed few-shot block, with the session context lines it was asked in.
public struct PromptExample: Sendable, Equatable {
    /// Context lines exactly as ``ContextRenderer`` writes them (`ns: shop`, `selected: deployment/web in shop`).
    public var context: [String]
    /// The request as an operator types it.
    public var request: String
    /// The answer: one kubectl command.
    public var command: String

    /// Creates an example.
    public init(context: [String] = [], request: String, command: String) {
        self.context = context
        self.request = request
        self.command = command
    }

    /// The characters the example takes in the prompt: its context lines, `request: …` and the command.
    public var promptLength: Int {
        context.reduce(0) { $0 + $1.count + 1 } + "request: ".count + request.count + 1 + command.count
    }

    /// Parses the examples file: blocks separated by blank lines, each with optional `context:` lines, one
    /// `request:` line and one `command:` line; `#` lines are comments.
    /// - Throws: ``TranslateError`` naming the line of a malformed block.
    public static func parse(_ text: String) throws(TranslateError) -> [PromptExample] {
        var examples: [PromptExample] = []
        var context: [String] = []
        var request: String?
        var command: String?
        var blockStart = 0

        func finish(at line: Int) throws(TranslateError) {
            defer { context = []; request = nil; command = nil }
            if context.isEmpty && request == nil && command == nil { return }
            guard let request, let command else {
                throw TranslateError.badResource(file: "examples.txt", line: blockStart,
                                                 problem: "a block needs one request: and one command: line")
            }
            examples.append(PromptExample(context: context, request: request, command: command))
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.isEmpty { try finish(at: number); continue }
            if context.isEmpty && request == nil && command == nil { blockStart = number }
            if let value = line.value(after: "context:") {
                context.append(value)
            } else if let value = line.value(after: "request:"), request == nil {
                request = value
            } else if let value = line.value(after: "command:"), command == nil {
                command = value
            } else {
                throw TranslateError.badResource(file: "examples.txt", line: number, problem: "expected context:, request: or command:")
            }
        }
        try finish(at: lines.count)
        return examples
    }
}

extension String {
    /// The trimmed rest of the line after `prefix`, or nil when the line does not start with it.
    fileprivate func value(after prefix: String) -> String? {
        guard hasPrefix(prefix) else { return nil }
        return dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }
}
