#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Testing
@testable import LineEditor

/// Exercises the shared editor's history against libedit itself. Serialized: libedit is process-global.
@Suite("LineEditor history", .serialized)
struct LineEditorHistoryTests {
    private let editor = LineEditor.shared

    @Test("addHistory keeps libedit and the Swift copy in step")
    func addHistory() {
        editor.configure(historyLimit: 100)
        editor.replaceHistory([])
        editor.addHistory("kubectl get pods")
        editor.addHistory("kubectl get pods")
        editor.addHistory("   ")
        editor.addHistory("kubectl logs café-pod ")
        editor.addHistory("kubectl get pods")
        let expected = ["kubectl get pods", "kubectl logs café-pod", "kubectl get pods"]
        #expect(editor.historyEntries == expected)
        #expect(EditLineBridge.libeditHistory() == expected)
    }

    @Test("the limit drops the oldest entries in libedit too")
    func limit() {
        editor.configure(historyLimit: 3)
        editor.replaceHistory(["one", "two"])
        for line in ["three", "four", "five"] { editor.addHistory(line) }
        #expect(editor.historyEntries == ["three", "four", "five"])
        #expect(EditLineBridge.libeditHistory() == ["three", "four", "five"])
        editor.configure(historyLimit: 2)
        #expect(editor.historyEntries == ["four", "five"])
        #expect(EditLineBridge.libeditHistory() == ["four", "five"])
    }

    @Test("replaceHistory clears and reloads")
    func replace() {
        editor.configure(historyLimit: 10)
        editor.addHistory("old")
        editor.replaceHistory(["a", "a", "", "b", "c"])
        #expect(editor.historyEntries == ["a", "b", "c"])
        #expect(EditLineBridge.libeditHistory() == ["a", "b", "c"])
        editor.replaceHistory([])
        #expect(editor.historyEntries.isEmpty)
        #expect(EditLineBridge.libeditHistory().isEmpty)
    }

    @Test("limit 0 keeps no history")
    func zeroLimit() {
        editor.configure(historyLimit: 0)
        editor.addHistory("kubectl get pods")
        #expect(editor.historyEntries.isEmpty)
        #expect(EditLineBridge.libeditHistory().isEmpty)
        editor.configure(historyLimit: 1000)
    }

    @Test("the escape timeout is configurable and clamped")
    func escapeTimeout() {
        editor.configure(historyLimit: 1000, escapeTimeoutMilliseconds: 120)
        #expect(editor.escapeTimeoutMilliseconds == 120)
        editor.configure(historyLimit: 1000, escapeTimeoutMilliseconds: -5)
        #expect(editor.escapeTimeoutMilliseconds == 0)
        editor.configure(historyLimit: 1000)
        #expect(editor.escapeTimeoutMilliseconds == 50)
    }

    @Test("the completer can be set and cleared")
    func completer() {
        editor.completer = { request in [request.word + "x"] }
        #expect(editor.completer?(CompletionRequest(line: "a", word: "a", start: 0, end: 1)) == ["ax"])
        editor.completer = nil
        #expect(editor.completer == nil)
    }
}

@Suite("CancelKeyWatcher")
struct CancelKeyWatcherTests {
    @Test("without a terminal the watcher does nothing and stop is idempotent",
          .enabled(if: isatty(STDIN_FILENO) == 0))
    func withoutTerminal() {
        let watcher = CancelKeyWatcher()
        watcher.start { _ in Issue.record("must not fire") }
        watcher.stop()
        watcher.stop()
    }
}
