import Foundation
import KubectlKit
import Testing
@testable import Translate
@testable import Bench
import TestSupport

extension ShippedBenchmark {
    /// The shipped dataset, parsed.
    static func load() throws -> BenchmarkDataset {
        try BenchmarkDataset.load(from: url)
    }
}

@Suite("Benchmark dataset")
struct BenchmarkDatasetTests {
    @Test func shippedDatasetIsLargeAndBalanced() throws {
        let dataset = try ShippedBenchmark.load()
        #expect(dataset.cases.count >= 150)
        #expect(Set(dataset.cases.map(\.id)).count == dataset.cases.count, "ids are unique")
        let counts = dataset.countsByCategory
        for category in BenchmarkCategory.allCases {
            #expect((counts[category] ?? 0) >= 20, "\(category) has \(counts[category] ?? 0) cases")
        }
    }

    @Test func aboutThirtyPercentAreDevInEveryCategory() throws {
        let dataset = try ShippedBenchmark.load()
        let dev = dataset.selecting(split: .dev).cases.count
        let test = dataset.selecting(split: .test).cases.count
        #expect(dev + test == dataset.cases.count)
        let share = Double(dev) / Double(dataset.cases.count)
        #expect(share > 0.2 && share < 0.4, "dev share \(share)")
        for category in BenchmarkCategory.allCases {
            #expect(!dataset.selecting(categories: [category], split: .dev).cases.isEmpty, "\(category) has dev cases")
        }
        // The split written in the file is the one the id's hash assigns, so it never drifts.
        for item in dataset.cases {
            #expect(item.split == nil || item.split == BenchmarkSplit.assigned(id: item.id), "\(item.id)")
        }
    }

    @Test func expectedCommandsAreKubectlCommandsWithoutPlaceholders() throws {
        for item in try ShippedBenchmark.load().cases {
            for command in item.expected {
                let isExplanation = item.category == .explain && command.hasPrefix(BenchmarkRunner.explainPrefix + "kubectl ")
                #expect(command.hasPrefix("kubectl ") || isExplanation, "\(item.id): \(command)")
                #expect(CommandValidator.placeholdersIn(command).isEmpty, "\(item.id): \(command)")
                #expect(!ShellWords.hasShellSyntax(command), "\(item.id): \(command)")
            }
        }
    }

    @Test func clusterScopedCommandsNeverCarryANamespace() throws {
        for item in try ShippedBenchmark.load().cases {
            for command in item.expected {
                let parsed = try KubectlCommand.parse(line: command)
                if BenchmarkScorer.isClusterScoped(parsed) {
                    #expect(parsed.namespace == nil, "\(item.id): \(command)")
                }
            }
        }
    }

    @Test func contextCasesHaveAContextThatParses() throws {
        for item in try ShippedBenchmark.load().cases {
            if item.category == .context { #expect(item.context != nil, "\(item.id)") }
            guard let context = item.context else { continue }
            if context.selection != nil { #expect(context.objectSelection != nil, "\(item.id): selection") }
            if let listing = context.listing {
                let rows = context.sessionContext().listing?.objects ?? []
                #expect(!rows.isEmpty, "\(item.id): listing \(listing.command) has no rows")
            }
        }
    }

    @Test func fixCasesHaveAFailedLastCommandTheRequestRefersTo() throws {
        let cases = try ShippedBenchmark.load().cases.filter { $0.category == .fix }
        #expect(cases.count >= 30)
        for item in cases {
            let context = try #require(item.context?.sessionContext(), "\(item.id)")
            let failure = try #require(context.lastFailure, "\(item.id): no last command")
            #expect(!failure.errorLines.isEmpty, "\(item.id): no error kept")
            #expect(ContextRenderer.render(context, request: item.prompt).fields["last"] != nil,
                    "\(item.id): the prompt would not show the failure")
        }
    }

    @Test func explainCasesMixQuestionsAndLookAlikes() throws {
        let cases = try ShippedBenchmark.load().cases.filter { $0.category == .explain }
        #expect(cases.count >= 20)
        let questions = cases.filter { $0.expected.allSatisfy { $0.hasPrefix(BenchmarkRunner.explainPrefix) } }
        #expect(questions.count >= 8 && cases.count - questions.count >= 8)
        // The classifier answers every case of this category as its expectation says.
        for item in cases {
            let answer = BenchmarkRunner.explaining(item.prompt)?.command
            if let answer {
                #expect(item.expected.contains(answer), "\(item.id): \(answer)")
            } else {
                #expect(!item.expected[0].hasPrefix(BenchmarkRunner.explainPrefix), "\(item.id) was not explained")
            }
        }
    }

    @Test func expectedAlternativesAreDistinct() throws {
        for item in try ShippedBenchmark.load().cases {
            let forms = item.expected.map { BenchmarkScorer.semantic($0, sessionNamespace: item.sessionNamespace) }
            #expect(Set(forms).count == forms.count, "\(item.id): two expected commands normalise alike")
        }
    }

    @Test func parseReportsTheLine() {
        let text = """
        {"id": "a", "category": "simple", "prompt": "pods", "expected": ["kubectl get pods"]}
        # a comment

        {"id": "b", "category": "weird", "prompt": "pods", "expected": ["kubectl get pods"]}
        """
        #expect(throws: BenchmarkDatasetError.self) { try BenchmarkDataset.parse(text, source: "t.jsonl") }
        do {
            _ = try BenchmarkDataset.parse(text, source: "t.jsonl")
        } catch {
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("t.jsonl:4: field \"category\""))
        }
    }

    @Test func parseRejectsRepeatedIdsAndEmptyExpectations() {
        let repeated = """
        {"id": "a", "category": "simple", "prompt": "pods", "expected": ["kubectl get pods"]}
        {"id": "a", "category": "simple", "prompt": "nodes", "expected": ["kubectl get nodes"]}
        """
        #expect(throws: BenchmarkDatasetError(source: "dataset", line: 2, reason: "id a repeats line 1")) {
            try BenchmarkDataset.parse(repeated)
        }
        let empty = #"{"id": "a", "category": "simple", "prompt": "pods", "expected": []}"#
        #expect(throws: BenchmarkDatasetError.self) { try BenchmarkDataset.parse(empty) }
    }

    @Test func selectingByCategoryAndSplit() throws {
        let dataset = BenchmarkDataset(cases: [
            BenchmarkCase(id: "a", category: .simple, split: .dev, prompt: "p", expected: ["kubectl get pods"]),
            BenchmarkCase(id: "b", category: .simple, split: .test, prompt: "p", expected: ["kubectl get pods"]),
            BenchmarkCase(id: "c", category: .edge, split: .dev, prompt: "p", expected: ["kubectl get pods"]),
        ])
        #expect(dataset.selecting(split: .dev).cases.map(\.id) == ["a", "c"])
        #expect(dataset.selecting(categories: [.simple]).cases.map(\.id) == ["a", "b"])
        #expect(dataset.selecting(categories: [.simple], split: .test).cases.map(\.id) == ["b"])
        #expect(dataset.selecting().cases.count == 3)
    }

    @Test func splitHashIsStable() {
        // Fixed values: changing the hash would move cases between dev and test.
        #expect(BenchmarkSplit.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(BenchmarkSplit.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        let item = BenchmarkCase(id: "simple-001", category: .simple, prompt: "p", expected: ["kubectl get pods"])
        #expect(item.effectiveSplit == BenchmarkSplit.assigned(id: "simple-001"))
    }
}
