import Foundation

/// One micro-benchmark: an operation that must be fast, timed in isolation.
public struct BenchmarkMicro: Sendable {
    /// Short name (`normaliser`).
    public var name: String
    /// What exactly runs (`CommandNormaliser.normalise, 8 commands in turn`).
    public var detail: String
    /// The operation; each call is one iteration.
    public var operation: @Sendable () async -> Void

    /// Creates a micro-benchmark.
    public init(name: String, detail: String, operation: @escaping @Sendable () async -> Void) {
        self.name = name
        self.detail = detail
        self.operation = operation
    }

    /// Times the operation: a warm-up, then `samples` samples of a batch of iterations sized to take about
    /// `sampleMilliseconds` each; the result is the time per iteration of each sample.
    public func measure(samples: Int = 101, sampleMilliseconds: Double = 2) async -> BenchmarkMicroResult {
        let clock = ContinuousClock()
        // Warm up: first calls load resources and fill caches.
        for _ in 0..<3 { await operation() }
        var batch = 1
        // Calibrate: double the batch until one takes long enough (and warm caches on the way).
        while true {
            let start = clock.now
            for _ in 0..<batch { await operation() }
            let elapsed = Self.nanoseconds(clock.now - start)
            if elapsed >= sampleMilliseconds * 1_000_000 || batch >= 1 << 20 { break }
            batch *= 2
        }
        var perIteration: [Double] = []
        perIteration.reserveCapacity(samples)
        for _ in 0..<max(1, samples) {
            let start = clock.now
            for _ in 0..<batch { await operation() }
            perIteration.append(Self.nanoseconds(clock.now - start) / Double(batch))
        }
        return BenchmarkMicroResult(name: name, detail: detail, iterations: batch * perIteration.count,
                                    samples: perIteration.count,
                                    medianNanoseconds: BenchmarkStatistics.median(perIteration) ?? 0,
                                    p95Nanoseconds: BenchmarkStatistics.percentile(perIteration, 95) ?? 0,
                                    minNanoseconds: perIteration.min() ?? 0)
    }

    static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }
}

/// The timing of one micro-benchmark.
public struct BenchmarkMicroResult: Sendable, Equatable, Codable {
    /// The benchmark's name.
    public var name: String
    /// What ran.
    public var detail: String
    /// Iterations timed in all.
    public var iterations: Int
    /// Samples taken.
    public var samples: Int
    /// Median time per iteration, in nanoseconds.
    public var medianNanoseconds: Double
    /// 95th-percentile time per iteration over samples, in nanoseconds.
    public var p95Nanoseconds: Double
    /// Fastest sample's time per iteration, in nanoseconds.
    public var minNanoseconds: Double

    /// Creates a result.
    public init(name: String, detail: String, iterations: Int, samples: Int, medianNanoseconds: Double,
                p95Nanoseconds: Double, minNanoseconds: Double) {
        self.name = name
        self.detail = detail
        self.iterations = iterations
        self.samples = samples
        self.medianNanoseconds = medianNanoseconds
        self.p95Nanoseconds = p95Nanoseconds
        self.minNanoseconds = minNanoseconds
    }

    /// The results as a table: name, median, p95, min, iterations, detail.
    public static func table(_ results: [BenchmarkMicroResult]) -> BenchmarkTable {
        BenchmarkTable(headers: ["micro-benchmark", "median", "p95", "min", "iterations", "what"],
                       rows: results.map { result in
                           [result.name, BenchmarkFormat.nanoseconds(result.medianNanoseconds),
                            BenchmarkFormat.nanoseconds(result.p95Nanoseconds),
                            BenchmarkFormat.nanoseconds(result.minNanoseconds), String(result.iterations), result.detail]
                       },
                       leftAligned: [0, 5])
    }
}
