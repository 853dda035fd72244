import Foundation
import KubectlKit
import LineEditor
import Session
import Support

extension TranslationRequestHandler {
    /// Runs the dry-run preview of a write suggestion with a status line; Ctrl-C or Esc cancel it. Nil when there is
    /// no preview (turned off, or a read-only command).
    func previewWrite(_ command: String, context: SessionContext) async -> PreviewResult? {
        guard let dryRun else { return nil }
        let status = StatusLine(enabled: style.enabled, label: "dry run on the server")
        let watcher = CancelKeyWatcher()
        let task = Task { await dryRun.preview(command, context: context) }
        if interactive { watcher.start { _ in task.cancel() } }
        status.start()
        let result = await task.value
        watcher.stop()
        status.stop()
        if task.isCancelled { return PreviewResult(.cancelled, milliseconds: result?.milliseconds ?? 0) }
        return result
    }

    /// The dry run's line under the preview line: grey, or yellow for a warning.
    static func dryRunLine(_ result: PreviewResult, style: TerminalStyle) -> String {
        style.apply(result.isWarning ? .yellow : .gray, "  " + result.line)
    }
}
