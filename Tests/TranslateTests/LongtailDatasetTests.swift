import Foundation
import KubectlKit
import Testing
@testable import Translate
@testable import Bench
import TestSupport

/// The long-tail dataset, `examples/benchmark/kubectl_longtail.jsonl`.
enum LongtailBenchmark {
    static let url = ShippedBenchmark.url.deletingLastPathComponent().appendingPathComponent("kubectl_longtail.jsonl")

    static func load() throws -> BenchmarkDataset {
        try BenchmarkDataset.load(from: url)
    }
}

@Suite("Long-tail dataset")
struct LongtailDatasetTests {
    /// Every kubectl command path that runs on its own (not a group such as `config` or `create secret`).
    static var runnablePaths: [String] {
        KubectlKnowledge.paths.filter { path in
            guard let help = KubectlKnowledge.command(path) else { return false }
            return help.spec.subcommands.isEmpty || ["apply", "create", "cluster-info"].contains(path)
        }
    }

    @Test func largeWithBothVoicesInEveryPart() throws {
        let dataset = try LongtailBenchmark.load()
        #expect(dataset.cases.count >= 300)
        let voices = Dictionary(grouping: dataset.cases, by: { $0.voice ?? "" }).mapValues(\.count)
        #expect(Set(voices.keys) == ["documentation", "operator"])
        for (voice, count) in voices {
            #expect(Double(count) / Double(dataset.cases.count) > 0.4, "\(voice) has \(count) cases")
        }
        for item in dataset.cases {
            #expect(item.split == BenchmarkSplit.assigned(id: item.id), "\(item.id)")
        }
        let dev = dataset.selecting(split: .dev).cases
        #expect(Set(dev.compactMap(\.voice)) == ["documentation", "operator"])
    }

    @Test func everyCommandPathAtLeastTwice() throws {
        var counts: [String: Int] = [:]
        for item in try LongtailBenchmark.load().cases {
            guard let path = RetrievalMetric.path(of: item.expected[0]) else {
                Issue.record("\(item.id): \(item.expected[0]) is not a kubectl command path")
                continue
            }
            counts[path, default: 0] += 1
        }
        for path in Self.runnablePaths {
            #expect((counts[path] ?? 0) >= 2, "\(path) has \(counts[path] ?? 0) cases")
        }
    }

    @Test func expectedCommandsAreKubectlCommandsWithoutPlaceholders() throws {
        for item in try LongtailBenchmark.load().cases {
            for command in item.expected {
                #expect(command.hasPrefix("kubectl "), "\(item.id): \(command)")
                #expect(CommandValidator.placeholdersIn(command).isEmpty, "\(item.id): \(command)")
                #expect(!ShellWords.hasShellSyntax(command), "\(item.id): \(command)")
                #expect(CommandValidator.validate(command).isEmpty, "\(item.id): \(command) → \(CommandValidator.validate(command))")
            }
        }
    }
}
