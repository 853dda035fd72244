import Foundation
import Synchronization
import Testing
@testable import Runtime

struct InstallerProgressBarTests {
    @Test func rendersABarWithSizesRateAndTimeLeft() {
        let bar = ProgressBar(label: "qwen2.5-coder-1.5b", total: 1_117_320_768)
        let line = bar.render(completed: 558_660_384, bytesPerSecond: 50_000_000, width: 100)
        #expect(line.hasPrefix("qwen2.5-coder-1.5b ["))
        #expect(line.contains(" 50%"))
        #expect(line.contains("559 MB / 1.12 GB"))
        #expect(line.contains("50.0 MB/s"))
        #expect(line.contains("0:11 left"))
        #expect(line.count <= 100)
        let filled = line.filter { $0 == "█" }.count, empty = line.filter { $0 == "░" }.count
        #expect(filled == empty)
    }

    @Test func barEdgesAndNarrowTerminals() {
        let bar = ProgressBar(label: "m", total: 100)
        #expect(bar.render(completed: 0, width: 80).contains("  0%"))
        #expect(bar.render(completed: 100, width: 80).contains("100%"))
        #expect(!bar.render(completed: 100, width: 80).contains("░"))
        #expect(bar.render(completed: 250, width: 80).contains("100%"))   // clamped
        #expect(bar.render(completed: 50, width: 20).count <= 20)
        #expect(!bar.render(completed: 50, width: 20).contains("["))
        let unknown = ProgressBar(label: "m", total: 0)
        #expect(unknown.render(completed: 2_000_000, width: 80).contains("2.0 MB"))
        let items = ProgressBar(label: "download", total: 22, unit: .items("wheels"))
        #expect(items.render(completed: 8, width: 80).contains("8/22 wheels"))
        #expect(items.plainLine(completed: 8) == "download: 8 of 22 wheels")
    }

    @Test func plainLinesEveryTenPercent() {
        let bar = ProgressBar(label: "smollm2-135m", total: 1000)
        #expect(bar.plainLine(completed: 400) == "smollm2-135m: 40% (400 B of 1 kB)")
        #expect(bar.plainStep(99) == 0)
        #expect(bar.plainStep(100) == 1)
        #expect(bar.plainStep(1000) == 10)
    }

    @Test func formatsBytesAndDurations() {
        #expect(ProgressBar.formatBytes(512) == "512 B")
        #expect(ProgressBar.formatBytes(98_362_432) == "98.4 MB")
        #expect(ProgressBar.formatBytes(253_113_024) == "253 MB")
        #expect(ProgressBar.formatBytes(1_117_320_768) == "1.12 GB")
        #expect(ProgressBar.formatDuration(65) == "1:05")
        #expect(ProgressBar.formatDuration(3725) == "1:02:05")
        #expect(ProgressBar.formatDuration(.infinity) == "?")
    }

    @Test func printerWritesPlainLinesOncePerStep() {
        let output = Mutex<[String]>([])
        let printer = ProgressBarPrinter(ProgressBar(label: "x", total: 100), mode: .lines) { text in output.withLock { $0.append(text) } }
        for value in stride(from: 0, through: 100, by: 5) { printer.update(Int64(value)) }
        printer.finish(100)
        let lines = output.withLock { $0 }
        #expect(lines.count == 11)
        #expect(lines.last == "x: 100% (100 B of 100 B)\n")
    }

    @Test func printerRedrawsInPlaceOnATerminal() {
        let output = Mutex<[String]>([])
        let printer = ProgressBarPrinter(ProgressBar(label: "x", total: 100), mode: .terminal) { text in output.withLock { $0.append(text) } }
        printer.update(10)
        printer.update(20)   // throttled: within 0.1 s of the last draw
        printer.message("note")
        printer.finish(100)
        let lines = output.withLock { $0 }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\r") && lines[0].hasSuffix("\u{1B}[K"))
        #expect(lines[1] == "\r\u{1B}[Knote\n")
        #expect(lines[2].hasSuffix("\u{1B}[K\n") && lines[2].contains("100%"))
        let silent = ProgressBarPrinter(ProgressBar(label: "x", total: 1), mode: .silent) { _ in Issue.record("silent printer wrote") }
        silent.update(1)
        silent.finish(1)
    }
}
