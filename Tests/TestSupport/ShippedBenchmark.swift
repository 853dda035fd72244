import Foundation

/// The benchmark dataset k1 ships, `examples/benchmark/kubectl_benchmark.jsonl`.
public enum ShippedBenchmark {
    /// The dataset's file in this checkout.
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/benchmark/kubectl_benchmark.jsonl")
}
