import Foundation
import KubectlKit
import Session
import Translate

/// How well retrieval alone serves a dataset, measured without the model in milliseconds: for each case, is a
/// retrieved example of the expected command path (`rollout undo`, `create rolebinding`) among those the prompt
/// would show, and is one of that path with the expected key flags (every flag but `-n`, `-o`, `-A`, `--context`)?
public enum RetrievalMetric {
    /// The counts for a set of cases.
    public struct Counts: Sendable, Equatable {
        /// Cases measured.
        public var cases = 0
        /// Cases with an example of the right command path retrieved.
        public var pathHits = 0
        /// Cases with an example of the right path carrying every key flag retrieved.
        public var flagHits = 0

        /// Adds one case.
        mutating func add(path: Bool, flags: Bool) {
            cases += 1
            if path { pathHits += 1 }
            if flags { flagHits += 1 }
        }
    }

    /// One case retrieval missed: its id, the expected path and the paths retrieved.
    public struct Miss: Sendable, Equatable {
        public var id: String
        public var expected: String
        public var retrieved: [String]
    }

    /// The whole measurement.
    public struct Result: Sendable, Equatable {
        /// All cases.
        public var total = Counts()
        /// By category.
        public var byCategory: [String: Counts] = [:]
        /// By voice, for datasets whose cases have one.
        public var byVoice: [String: Counts] = [:]
        /// The cases whose path was not retrieved.
        public var misses: [Miss] = []
    }

    /// Flags that say where or how to show, not what to do.
    static let incidentalFlags: Set<String> = ["namespace", "output", "all-namespaces", "context", "kubeconfig"]

    /// The command path of a kubectl line (`rollout undo`), or nil when it is not a known kubectl command.
    public static func path(of command: String) -> String? {
        (try? KubectlCommand.parse(line: command))?.commandPath
    }

    /// The key flags of a kubectl line, by canonical name.
    public static func keyFlags(of command: String) -> Set<String> {
        guard let parsed = try? KubectlCommand.parse(line: command) else { return [] }
        return Set(parsed.flags.map(\.name)).subtracting(incidentalFlags)
    }

    /// Measures `cases` with the prompt options given (their `retrievedExamples` is the number retrieved). Cases
    /// whose expected commands are not kubectl commands k1 knows (fix and explain cases) are skipped.
    public static func measure(_ cases: [BenchmarkCase], options: PromptBuilder.Options = PromptBuilder.Options(),
                               retriever: ExampleRetriever = .shipped) -> Result {
        var result = Result()
        for item in cases {
            let expected = item.expected.compactMap { command in path(of: command).map { (path: $0, flags: keyFlags(of: command)) } }
            guard !expected.isEmpty else { continue }
            let prompt = PromptBuilder.prepare(request: item.prompt, context: item.context?.sessionContext() ?? SessionContext(),
                                               options: options, retriever: retriever)
            let retrieved = prompt.retrieved.map { (path: path(of: $0.command), flags: keyFlags(of: $0.command)) }
            let pathHit = retrieved.contains { got in expected.contains { $0.path == got.path } }
            let flagHit = retrieved.contains { got in expected.contains { $0.path == got.path && $0.flags.isSubset(of: got.flags) } }
            result.total.add(path: pathHit, flags: flagHit)
            result.byCategory[item.category.rawValue, default: Counts()].add(path: pathHit, flags: flagHit)
            if let voice = item.voice { result.byVoice[voice, default: Counts()].add(path: pathHit, flags: flagHit) }
            if !pathHit {
                result.misses.append(Miss(id: item.id, expected: expected[0].path, retrieved: retrieved.map { $0.path ?? "?" }))
            }
        }
        return result
    }

    /// The result as a small text table: rows for the total, each category and each voice.
    public static func render(_ result: Result, misses: Bool = false) -> String {
        func row(_ name: String, _ counts: Counts) -> String {
            func percent(_ hits: Int) -> String {
                counts.cases == 0 ? "-" : String(format: "%.1f%%", 100 * Double(hits) / Double(counts.cases))
            }
            return name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(counts.cases).leftPadded(6) + percent(counts.pathHits).leftPadded(10)
                + percent(counts.flagHits).leftPadded(12) + "\n"
        }
        var text = "retrieval".padding(toLength: 24, withPad: " ", startingAt: 0) + "cases".leftPadded(6)
            + "path".leftPadded(10) + "path+flags".leftPadded(12) + "\n"
        text += row("all", result.total)
        for (name, counts) in result.byCategory.sorted(by: { $0.key < $1.key }) { text += row("  " + name, counts) }
        for (name, counts) in result.byVoice.sorted(by: { $0.key < $1.key }) { text += row("  voice " + name, counts) }
        if misses {
            for miss in result.misses {
                text += "miss \(miss.id): \(miss.expected) ← \(miss.retrieved.joined(separator: ", "))\n"
            }
        }
        return text
    }
}

extension String {
    /// The string right-aligned in `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
