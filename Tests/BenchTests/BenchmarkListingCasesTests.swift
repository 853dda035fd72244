import Foundation
import KubectlKit
import Session
import Testing
@testable import Translate
@testable import Bench
import TestSupport

/// The benchmark's listing cases and the "no command" outcome.
@Suite("Benchmark listing cases")
struct BenchmarkListingCasesTests {
    static func listingCases() throws -> [BenchmarkCase] {
        try ShippedBenchmark.load().cases.filter { $0.id.hasPrefix("listing-") }
    }

    @Test func theDatasetHasNoneSomeAllAllNamespacesAndNamedCases() throws {
        let cases = try Self.listingCases()
        #expect(cases.count >= 10)
        #expect(cases.filter(\.expectsNoCommand).count >= 3, "listings where nothing matches")
        #expect(cases.contains { $0.context?.listing?.command.contains("-A") == true && $0.expectsNoCommand },
                "an -A listing whose rows span namespaces")
        #expect(cases.contains { $0.context?.listing?.command.contains("-A") == true && !$0.expectsNoCommand })
        #expect(cases.contains { $0.prompt.contains("all of them") })
        #expect(cases.contains { $0.prompt.contains("web ones") })
    }

    @Test func expectedCommandsNameExactlyTheRowsK1Picks() throws {
        for item in try Self.listingCases() where !item.expectsNoCommand {
            let context = try #require(item.context).sessionContext()
            let listing = try #require(context.listing, "\(item.id)")
            let pick = try #require(ListingSelector.pick(item.prompt, listing: listing), "\(item.id) picks rows")
            #expect(pick.refusal == nil, "\(item.id)")
            for command in item.expected {
                let parsed = try KubectlCommand.parse(line: command)
                #expect(Set(parsed.objects.map(\.name)) == Set(pick.rows.map(\.name)), "\(item.id): \(command)")
                let checked = PickEnforcer.apply(command, pick: pick, defaultNamespace: context.effectiveNamespace)
                #expect(checked.command == command && checked.issue == nil, "\(item.id): k1 leaves \(command) alone")
            }
        }
    }

    @Test func k1LeavesEveryExpectedAnswerOfAListingCaseAlone() throws {
        for item in try ShippedBenchmark.load().cases where item.context?.listing != nil && !item.expectsNoCommand {
            let context = try #require(item.context).sessionContext()
            guard let listing = context.listing, let pick = ListingSelector.pick(item.prompt, listing: listing) else { continue }
            #expect(pick.refusal == nil, "\(item.id): \(pick.refusal?.message ?? "")")
            for command in item.expected {
                let checked = PickEnforcer.apply(command, pick: pick, defaultNamespace: context.effectiveNamespace)
                #expect(checked.command == command && checked.issue == nil,
                        "\(item.id) \(item.prompt): \(command) → \(checked.command) \(checked.issue?.message ?? "")")
            }
        }
    }

    @Test func noCommandCasesAreAnsweredByK1WithoutAModel() async throws {
        for item in try Self.listingCases() where item.expectsNoCommand {
            let translator = Translator(backendProvider: { Issue.record("\(item.id) asked for a model"); throw CancellationError() },
                                        modelName: "none", cache: nil)
            let run = BenchmarkRunner(oracle: nil)
            let outcome = await run.attempt(item, repetition: 0,
                                            translate: BenchmarkRunner.translating(with: translator, useCache: false))
            #expect(outcome.semantic && outcome.exact, "\(item.id): \(outcome.error ?? "")")
            #expect(outcome.produced == nil)
            #expect(outcome.noCommand?.isEmpty == false)
        }
    }

    @Test func scoringNoCommand() {
        let none = BenchmarkCase(id: "n", category: .context, prompt: "delete the failing ones", expected: [], noCommand: true)
        #expect(BenchmarkScorer.score(nil, for: none).semantic)
        #expect(!BenchmarkScorer.score("kubectl delete pod web-0", for: none).semantic)
        let some = BenchmarkCase(id: "s", category: .context, prompt: "delete the failing ones",
                                 expected: ["kubectl delete pod web-1"])
        #expect(!BenchmarkScorer.score(nil, for: some).semantic)
    }

    @Test func theFormatAcceptsNoCommandOnlyWithAnEmptyExpectedList() throws {
        let good = #"{"id": "a", "category": "context", "prompt": "delete the failing ones", "expected": [], "no_command": true}"#
        #expect(try BenchmarkDataset.parse(good).cases.first?.expectsNoCommand == true)
        let both = #"{"id": "a", "category": "context", "prompt": "p", "expected": ["kubectl get pods"], "no_command": true}"#
        #expect(throws: BenchmarkDatasetError.self) { try BenchmarkDataset.parse(both) }
    }
}
