import Foundation
import Testing
import TestSupport
@testable import Bench

/// The bench report as `k1 bench` prints it and writes it with `--markdown`, for a fixed small report, compared with
/// committed snapshots (`Tests/BenchTests/Snapshots`).
@Suite("Snapshots: the bench report")
struct BenchmarkReportSnapshotTests {
    /// Two models that ran and one that could not start.
    static let report: BenchmarkReport = {
        var report = BenchmarkReportRendererTests.report([
            BenchmarkReportRendererTests.run(),
            BenchmarkReportRendererTests.run(model: "smollm2-135m"),
            BenchmarkReportRendererTests.run(model: "phi3", failure: "model phi3 is not installed: run k1 models install phi3"),
        ])
        report.cpuCores = 16
        report.loadAverage = 0.5
        return report
    }()

    @Test func text() {
        Snapshot.expect(BenchmarkReportRenderer.text(Self.report, misses: true), named: "report", in: .module)
    }

    @Test func markdown() {
        Snapshot.expect(BenchmarkReportRenderer.markdown(Self.report, misses: true), named: "report-markdown", in: .module)
    }
}
