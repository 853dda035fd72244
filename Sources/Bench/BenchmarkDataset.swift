import Foundation

/// A benchmark dataset: JSON Lines, one ``BenchmarkCase`` per line; blank lines and lines starting with `#` or `//`
/// are skipped.
public struct BenchmarkDataset: Sendable, Equatable {
    /// The cases in file order.
    public var cases: [BenchmarkCase]

    /// Wraps cases.
    public init(cases: [BenchmarkCase]) {
        self.cases = cases
    }

    /// Reads a dataset file.
    /// - Throws: ``BenchmarkDatasetError`` naming the file and line.
    public static func load(from url: URL) throws(BenchmarkDatasetError) -> BenchmarkDataset {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw BenchmarkDatasetError(source: url.path, line: nil, reason: "cannot read it (\(error.localizedDescription))")
        }
        return try parse(text, source: url.path)
    }

    /// Parses dataset text.
    /// - Throws: ``BenchmarkDatasetError`` for a line that is not a case, a case without a prompt or expected command,
    ///   or a repeated id.
    public static func parse(_ text: String, source: String = "dataset") throws(BenchmarkDatasetError) -> BenchmarkDataset {
        var cases: [BenchmarkCase] = []
        var seen: [String: Int] = [:]
        let decoder = JSONDecoder()
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let item: BenchmarkCase
            do { item = try decoder.decode(BenchmarkCase.self, from: Data(line.utf8)) } catch {
                throw BenchmarkDatasetError(source: source, line: number, reason: describe(error))
            }
            if item.prompt.trimmingCharacters(in: .whitespaces).isEmpty {
                throw BenchmarkDatasetError(source: source, line: number, reason: "case \(item.id) has an empty prompt")
            }
            if item.expectsNoCommand {
                if !item.expected.isEmpty {
                    throw BenchmarkDatasetError(source: source, line: number,
                                                reason: "case \(item.id) expects no command, so its expected list must be empty")
                }
            } else if item.expected.isEmpty
                        || item.expected.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw BenchmarkDatasetError(source: source, line: number,
                                            reason: "case \(item.id) needs non-empty expected commands (or \"no_command\": true)")
            }
            if let first = seen[item.id] {
                throw BenchmarkDatasetError(source: source, line: number, reason: "id \(item.id) repeats line \(first)")
            }
            seen[item.id] = number
            cases.append(item)
        }
        return BenchmarkDataset(cases: cases)
    }

    /// The cases of the given categories (all when empty) in the given split.
    public func selecting(categories: Set<BenchmarkCategory> = [], split: BenchmarkSplit = .all) -> BenchmarkDataset {
        BenchmarkDataset(cases: cases.filter { item in
            (categories.isEmpty || categories.contains(item.category)) && split.selects(item.effectiveSplit)
        })
    }

    /// How many cases each category has.
    public var countsByCategory: [BenchmarkCategory: Int] {
        cases.reduce(into: [:]) { $0[$1.category, default: 0] += 1 }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "field \"\(path)\": \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "not JSON: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _):
            return "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "field \"\(path)\": \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

/// A dataset that cannot be used: where, and why.
public struct BenchmarkDatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or label) read.
    public var source: String
    /// The 1-based line, when one line is at fault.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(source: String, line: Int?, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "\(source):\($0): \(reason)" } ?? "\(source): \(reason)"
    }
}
