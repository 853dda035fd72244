import Foundation
import KubectlKit
import LineEditor
import Session
import Support
import Translate

/// The `k1 shell` REPL: reads lines with libedit, runs them, tracks context, persists history, records sessions,
/// and turns `?` requests into a pre-filled, editable command.
public final class ShellSession: @unchecked Sendable {
    let executor: LineExecutor
    let editor: any LineReading
    let history: HistoryStore
    let recorder: SessionRecorder?
    let requests: RequestHandling?
    let style = TerminalStyle(fd: 1)
    let historyWarning = OnceWarning()

    /// A suggestion waiting on the edit line for the user's Enter.
    struct Pending {
        let request: String
        let suggestion: Suggestion
    }

    /// Creates a session.
    /// - Parameters:
    ///   - context: the starting context (kubeconfig's current context and namespace).
    ///   - config: settings in force.
    ///   - history: where history persists.
    ///   - recorder: writes a session file when `--record` was given.
    ///   - requests: turns `?` lines into commands (nil: requests print why they are unavailable).
    ///   - runner: runs commands.
    ///   - editor: reads lines (the terminal's libedit editor unless told otherwise).
    public init(context: SessionContext, config: K1Config, history: HistoryStore, recorder: SessionRecorder?,
                requests: RequestHandling?, runner: any CommandRunning = CommandRunner(),
                editor: any LineReading = LineEditor.shared) {
        self.executor = LineExecutor(context: context, config: config, runner: runner)
        self.editor = editor
        self.history = history
        self.recorder = recorder
        self.requests = requests
    }

    /// Runs until `:quit`, Ctrl-D or end of input. Returns the status of the last command (0 after `:quit`).
    public func run() async -> Int32 {
        InterruptGuard.install()
        editor.configure(historyLimit: executor.config.historySize, escapeTimeoutMilliseconds: 50)
        let loaded = history.load()
        if let warning = loaded.warning { printError("k1: \(warning)") }
        editor.replaceHistory(loaded.entries)
        executor.historyProvider = { [editor] in editor.historyEntries }
        let kubectl = executor.config.kubectl
        let names = KubectlNameSource(kubectl: kubectl, context: { [executor] in executor.context.kubeContext })
        if editor.isInteractive {
            // Warm the cache so the first Tab on a namespace or pod name answers at once (never blocks start-up).
            names.prefetch(resource: "namespaces", namespace: nil)
            names.prefetch(resource: "pods", namespace: executor.context.effectiveNamespace)
        }
        let completer = ShellCompleter(source: names, sessionNamespace: { [executor] in executor.context.namespace })
        editor.completer = { request in completer.candidates(for: request) }
        if let requests {
            // Runs on this thread, inside readLine, while nothing else changes the context.
            let pause = SpeculativeAnswer.reportPause(typingPauseMilliseconds: executor.config.typingPauseMilliseconds,
                                                      readAhead: executor.config.readAhead)
            editor.typingObserver = TypingObserver(pauseMilliseconds: pause) {
                [executor] line in requests.typing(line, context: executor.context)
            }
        }

        var pending: Pending?
        var lastStatus: Int32 = 0
        var reoffer: EditLineSnapshot?
        while true {
            let prompt = PromptRenderer.render(executor.context, style: style)
            fflush(nil)
            let input = editor.readLine(prompt: prompt, prefill: reoffer?.text ?? pending?.suggestion.command,
                                        cursor: reoffer?.cursor)
            reoffer = nil
            _ = InterruptGuard.takeInterrupt()
            switch input {
            case .explain(let snapshot):
                // Alt-e: explain the line above it and offer it again as it was; a waiting suggestion stays waiting.
                executor.explain(snapshot.text)
                reoffer = snapshot
                continue
            case .endOfInput:
                recorder?.close()
                return lastStatus
            case .cancelled:
                requests?.cancelTyping()
                if let waiting = pending {
                    recorder?.record(input: "?" + waiting.request, answer: waiting.suggestion.command, skipped: "cancelled")
                }
                pending = nil
                continue
            case .line(let text):
                let waiting = pending
                pending = nil
                if let waiting, executor.explainMeta(text, suggestion: waiting.suggestion.command) {
                    pending = waiting
                    continue
                }
                if let waiting {
                    requests?.cancelTyping()
                    // The user confirmed (possibly edited) a suggestion: run exactly what is on the line.
                    let result = await runLine(text, addToHistory: true)
                    recorder?.record(input: "?" + waiting.request, ran: result.ran, exitStatus: result.status?.code,
                                     answer: waiting.suggestion.command)
                    let edited = text.trimmingCharacters(in: .whitespaces)
                    if edited != waiting.suggestion.command, !edited.isEmpty, result.status?.succeeded == true {
                        requests?.learn(request: waiting.request, context: waiting.suggestion.context, command: edited)
                    }
                    lastStatus = result.code
                    continue
                }
                let classified = ShellInput.classify(text)
                if case .request(let request) = classified {
                    remember(text)
                    pending = await suggest(request)
                    if pending == nil { recorder?.record(input: text, skipped: "no suggestion") }
                    if pending != nil, !editor.isInteractive {
                        // Nothing the model writes runs without an Enter on a terminal.
                        print(pending!.suggestion.command)
                        recorder?.record(input: text, answer: pending!.suggestion.command, skipped: "not a terminal")
                        pending = nil
                    }
                    continue
                }
                // Work begun while a request was typed is stale once another kind of line is entered.
                requests?.cancelTyping()
                var isQuit = false
                if case .meta(let name, _) = classified { isQuit = MetaCommand.named(name) == .quit }
                let result = await runLine(text, addToHistory: !isQuit, classified: classified)
                if case .empty = classified { continue }
                if result.quit {
                    recorder?.close()
                    return 0
                }
                recorder?.record(input: text, ran: result.ran, exitStatus: result.status?.code)
                lastStatus = result.code
            }
        }
    }

    private func runLine(_ text: String, addToHistory: Bool, classified: ShellInput? = nil) async -> LineExecutor.Result {
        let input = classified ?? ShellInput.classify(text)
        if addToHistory, input != .empty { remember(text) }
        return await executor.execute(input)
    }

    private func remember(_ line: String) {
        // A line starting with a space, or holding a secret value, is never stored.
        guard !HistoryExclusion.excludes(line) else { return }
        editor.addHistory(line)
        do { try history.append([line]) } catch {
            historyWarning.report("k1: history not saved: \(error)")
        }
    }

    private func suggest(_ request: String) async -> Pending? {
        guard !request.isEmpty else {
            print(RequestHelp.text)
            return nil
        }
        if let command = ExplainRequest.target(of: request) {
            // A question about a command is answered from kubectl's help, not by the model.
            executor.explain(command)
            return nil
        }
        guard let requests else {
            printError("k1: no model backend is configured; run 'k1 doctor' to see why")
            return nil
        }
        guard let suggestion = await requests.suggest(request: request, context: executor.context) else { return nil }
        return Pending(request: request, suggestion: suggestion)
    }
}

/// What `?` alone prints.
public enum RequestHelp {
    /// Usage of natural-language requests.
    public static let text = """
    Ask in words after '?', e.g. ?show pods that are not running, ?scale it to 5, ?delete the failing ones.
    A local model writes one kubectl command and puts it on the edit line: Enter runs it, Ctrl-C or Esc discards it.
    The session context (namespace, selected object, last listing) is included, so "it" and "the failing ones" work.
    """
}
