import Foundation

/// Renders progress as text: a bar line for terminals and short plain lines for logs. Pure; see `ProgressBarPrinter`.
public struct ProgressBar: Sendable, Equatable {
    /// What is counted.
    public enum Unit: Sendable, Equatable {
        /// Bytes, shown as `581 MB / 1.12 GB` with a rate.
        case bytes
        /// Items (files, wheels), shown as `8/22`.
        case items(String)
    }

    /// What is being done, e.g. `qwen2.5-coder-1.5b`.
    public var label: String
    /// The total to reach; 0 when unknown.
    public var total: Int64
    /// What is counted.
    public var unit: Unit

    /// Creates a bar.
    public init(label: String, total: Int64, unit: Unit = .bytes) {
        self.label = label
        self.total = total
        self.unit = unit
    }

    /// Fraction done in 0...1 (0 when the total is unknown).
    public func fraction(_ completed: Int64) -> Double {
        guard total > 0 else { return 0 }
        return min(1, max(0, Double(completed) / Double(total)))
    }

    /// One terminal line, at most `width` columns:
    /// `label [██████░░░░░░]  52%  581 MB / 1.12 GB  48.2 MB/s  0:11 left`.
    public func render(completed: Int64, bytesPerSecond: Double? = nil, width: Int = 80) -> String {
        let percent = Int((fraction(completed) * 100).rounded(.down))
        var details = total > 0 ? String(format: "%3d%%", percent) : ""
        switch unit {
        case .bytes:
            details += "  " + ProgressBar.formatBytes(completed)
            if total > 0 { details += " / " + ProgressBar.formatBytes(total) }
            if let rate = bytesPerSecond, rate > 0 {
                details += "  " + ProgressBar.formatBytes(Int64(rate)) + "/s"
                if total > completed {
                    details += "  " + ProgressBar.formatDuration(Double(total - completed) / rate) + " left"
                }
            }
        case .items(let noun):
            details += "  \(completed)/\(total) \(noun)"
        }
        let label = self.label.count > 28 ? String(self.label.prefix(27)) + "…" : self.label
        // A width that does not depend on the changing numbers, so the bar does not jitter while redrawn.
        let reserved = unit == .bytes ? max(details.count, 46) : details.count
        let barWidth = min(30, width - label.count - reserved - 4)
        guard barWidth >= 5 else { return String((label + " " + details).prefix(width)) }
        let filled = Int((fraction(completed) * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        return "\(label) [\(bar)] \(details)"
    }

    /// A plain line for non-terminal output: `label: 40% (447 MB of 1.12 GB)`.
    public func plainLine(completed: Int64) -> String {
        let percent = Int((fraction(completed) * 100).rounded(.down))
        switch unit {
        case .bytes:
            if total > 0 {
                return "\(label): \(percent)% (\(ProgressBar.formatBytes(completed)) of \(ProgressBar.formatBytes(total)))"
            }
            return "\(label): \(ProgressBar.formatBytes(completed))"
        case .items(let noun):
            return "\(label): \(completed) of \(total) \(noun)"
        }
    }

    /// Which plain-line step (0...10, one per 10 %) `completed` falls in; a plain line is printed when it changes.
    public func plainStep(_ completed: Int64) -> Int {
        Int((fraction(completed) * 10).rounded(.down))
    }

    /// Decimal sizes: `512 B`, `98.4 MB`, `1.12 GB`.
    public static func formatBytes(_ bytes: Int64) -> String {
        let value = Double(bytes)
        switch bytes {
        case ..<1000: return "\(bytes) B"
        case ..<1_000_000: return String(format: "%.0f kB", value / 1e3)
        case ..<1_000_000_000: return value < 1e8 ? String(format: "%.1f MB", value / 1e6) : String(format: "%.0f MB", value / 1e6)
        default: return String(format: "%.2f GB", value / 1e9)
        }
    }

    /// `m:ss` (or `h:mm:ss`) for a number of seconds.
    public static func formatDuration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
