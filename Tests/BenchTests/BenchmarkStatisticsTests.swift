import Testing
@testable import Translate
@testable import Bench

@Suite("BenchmarkStatistics")
struct BenchmarkStatisticsTests {
    @Test func percentilesInterpolateBetweenRanks() {
        let samples: [Double] = [40, 10, 30, 20]
        #expect(BenchmarkStatistics.percentile(samples, 0) == 10)
        #expect(BenchmarkStatistics.percentile(samples, 100) == 40)
        #expect(BenchmarkStatistics.percentile(samples, 50) == 25)
        #expect(BenchmarkStatistics.median([3, 1, 2]) == 2)
        let p95 = BenchmarkStatistics.percentile(Array(1...20).map(Double.init), 95)!
        #expect(abs(p95 - 19.05) < 1e-9)
    }

    @Test func emptyAndSingleSamples() {
        #expect(BenchmarkStatistics.percentile([], 50) == nil)
        #expect(BenchmarkStatistics.mean([]) == nil)
        #expect(BenchmarkStatistics.percentile([7], 95) == 7)
        #expect(BenchmarkStatistics.percent(1, of: 0) == nil)
        #expect(BenchmarkStatistics.percent(87, of: 100) == 87)
    }

    @Test func percentileClampsItsArgument() {
        #expect(BenchmarkStatistics.percentile([1, 2], -5) == 1)
        #expect(BenchmarkStatistics.percentile([1, 2], 150) == 2)
    }
}
