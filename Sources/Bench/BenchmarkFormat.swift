import Foundation

/// How the benchmark writes numbers. Pure.
public enum BenchmarkFormat {
    /// `87.4%`; `-` when unknown.
    public static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f%%", value)
    }

    /// `87%`, rounded to a whole percent; `-` when unknown.
    public static func wholePercent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.0f%%", value)
    }

    /// `420ms`, or `12.3s` from 10 s on; `-` when unknown.
    public static func milliseconds(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value >= 10_000 { return String(format: "%.1fs", value / 1000) }
        return String(format: "%.0fms", value)
    }

    /// A mean count with one decimal (`812.5`); `-` when unknown.
    public static func count(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f", value)
    }

    /// `87/100 (87%)`.
    public static func fraction(_ part: Int, of whole: Int) -> String {
        "\(part)/\(whole) (\(wholePercent(BenchmarkStatistics.percent(part, of: whole))))"
    }

    /// A micro-benchmark time per operation: `85ns`, `12.4µs`, `3.21ms`.
    public static func nanoseconds(_ value: Double) -> String {
        if value < 1_000 { return String(format: "%.0fns", value) }
        if value < 1_000_000 { return String(format: "%.1fµs", value / 1_000) }
        return String(format: "%.2fms", value / 1_000_000)
    }
}
