/// Small statistics over samples. Pure.
public enum BenchmarkStatistics {
    /// The `p`-th percentile (0...100) by linear interpolation between the closest ranks (the "R-7" definition
    /// spreadsheets use); nil for no samples.
    public static func percentile(_ samples: [Double], _ p: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let clamped = min(max(p, 0), 100)
        let rank = clamped / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * weight
    }

    /// The median (50th percentile); nil for no samples.
    public static func median(_ samples: [Double]) -> Double? {
        percentile(samples, 50)
    }

    /// The arithmetic mean; nil for no samples.
    public static func mean(_ samples: [Double]) -> Double? {
        samples.isEmpty ? nil : samples.reduce(0, +) / Double(samples.count)
    }

    /// `part / whole` in percent; nil when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole) * 100
    }
}
