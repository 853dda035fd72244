import Foundation
import Support

/// k1's bank of verified request → command pairs (`Resources/bank.jsonl`), from which ``ExampleRetriever`` picks the
/// few nearest to each request for the prompt.
///
/// One JSON object per line: `{"request": "…", "command": "kubectl …", "context": ["ns: shop", …]}`, `context`
/// optional and written exactly as ``ContextRenderer`` renders a session. Every command passes the syntax oracle and
/// none is a benchmark case (both checked by tests).
public struct ExampleBank: Sendable, Equatable {
    /// The pairs, in file order.
    public var examples: [PromptExample]

    /// Creates a bank from pairs.
    public init(examples: [PromptExample]) {
        self.examples = examples
    }

    /// The bank shipped with k1 (parsed on first use: a shell that never asks the model never pays for it).
    public static let shipped: ExampleBank = {
        do { return try parse(shippedData) } catch { fatalError("Translate resources are broken: \(error)") }
    }()

    /// A fingerprint of the shipped file's bytes, for the prompt version; cheap enough for start-up.
    public static let shippedFileFingerprint: String = String(StableHash.hex64(bytes: shippedData).prefix(8))

    /// The bytes of `Resources/bank.jsonl`.
    static let shippedData: Data = {
        guard let url = Bundle.module.url(forResource: "bank", withExtension: "jsonl", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "bank", withExtension: "jsonl"),
              let data = try? Data(contentsOf: url) else {
            fatalError("Translate resource bank.jsonl is missing from the k1 bundle; reinstall k1")
        }
        return data
    }()

    /// Parses JSON Lines; blank lines are skipped.
    /// - Throws: ``TranslateError`` `.badResource` naming the first bad line.
    public static func parse(_ data: Data) throws(TranslateError) -> ExampleBank {
        struct Line: Decodable {
            var request: String
            var command: String
            var context: [String]?
        }
        let decoder = JSONDecoder()
        var examples: [PromptExample] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            guard let entry = try? decoder.decode(Line.self, from: Data(line)),
                  !entry.request.trimmingCharacters(in: .whitespaces).isEmpty,
                  entry.command.hasPrefix("kubectl ") else {
                throw TranslateError.badResource(file: "bank.jsonl", line: index + 1,
                                                 problem: "expected {\"request\", \"command\": \"kubectl …\", \"context\"?}")
            }
            examples.append(PromptExample(context: entry.context ?? [], request: entry.request, command: entry.command))
        }
        return ExampleBank(examples: examples)
    }

    /// A short stable fingerprint of the bank's content, for the prompt version.
    public var fingerprint: String {
        var text = ""
        for example in examples {
            text += example.context.joined(separator: "\n") + "\u{1}" + example.request + "\u{1}" + example.command + "\u{2}"
        }
        return String(StableHash.hex(text).prefix(8))
    }
}
