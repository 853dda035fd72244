import Foundation
import LLM
import Testing
@testable import Translate
@testable import HTTP
@testable import Bench
import TestSupport

@Suite("Benchmark fix and explain rows")
struct BenchmarkFixExplainTests {
    @Test("fix cases kubectl's help can answer and explain questions score without any backend, in rows of their own")
    func scoredWithoutTheModel() async throws {
        let dataset = try ShippedBenchmark.load()
        let cases = dataset.cases.filter { item in
            switch item.category {
            case .fix:
                return LastCommandFixer.fix(request: item.prompt, context: item.context?.sessionContext() ?? .init()) != nil
            case .explain:
                return ExplainRequest.target(of: item.prompt) != nil
            default:
                return false
            }
        }
        #expect(cases.filter { $0.category == .fix }.count >= 20)
        #expect(cases.filter { $0.category == .explain }.count >= 10)
        let translator = Translator(backendProvider: { throw LLMError(.configuration, "no model in this test") },
                                    modelName: "none", cache: nil)
        let outcomes = try await BenchmarkRunner(oracle: nil).run(cases, translate: BenchmarkRunner.translating(
            with: translator, useCache: false))
        for outcome in outcomes {
            #expect(outcome.error == nil && outcome.semantic, "\(outcome.id): \(outcome.produced ?? outcome.error ?? "")")
        }
        let table = BenchmarkReportRenderer.categoryTable(BenchmarkBreakdown(outcomes)).text()
        #expect(table.contains("fix"))
        #expect(table.contains("explain"))
    }
}
