import Foundation
import KubectlKit
import Session
import Support

/// Runs classified lines (kubectl, `!shell`, `:meta`) against a session context and updates that context.
/// Shared by the interactive shell and `k1 replay`, so both behave the same.
public final class LineExecutor: @unchecked Sendable {
    /// What the session knows; updated after every command.
    public var context: SessionContext
    /// The configuration in force.
    public let config: K1Config
    let runner: any CommandRunning
    let out: TerminalStyle
    let err: TerminalStyle
    /// History lines for `:history` (most recent last), supplied by the shell.
    public var historyProvider: () -> [String] = { [] }
    /// The last kubectl line run, as run (for `:explain` with no argument).
    public var lastCommandLine: String?

    /// The result of executing one line.
    public struct Result: Sendable, Equatable {
        /// What actually ran (nil for meta commands and errors).
        public var ran: String?
        /// How it ended (nil when nothing ran).
        public var status: ExitStatus?
        /// True when the line asked to leave the shell.
        public var quit: Bool = false
        /// True when the line was rejected before running (unknown command, bad quoting…).
        public var rejected: Bool = false

        /// The status code to report: the child's, 2 for a rejected line, else 0.
        public var code: Int32 { status?.code ?? (rejected ? 2 : 0) }
    }

    /// Creates an executor.
    public init(context: SessionContext, config: K1Config, runner: any CommandRunning = CommandRunner(),
                out: TerminalStyle = TerminalStyle(fd: 1), err: TerminalStyle = TerminalStyle(fd: 2)) {
        self.context = context
        self.config = config
        self.runner = runner
        self.out = out
        self.err = err
    }

    /// The plan a kubectl line would run with (for `--dry-run` displays).
    public func plan(for input: ShellInput) -> CommandPlan? {
        guard case let .kubectl(line, words, usesShell) = input else { return nil }
        return CommandPlan.make(line: line, words: words, usesShell: usesShell, context: context, kubectl: config.kubectl)
    }

    /// Executes one classified line.
    public func execute(_ input: ShellInput) async -> Result {
        switch input {
        case .empty:
            return Result()
        case .request:
            return Result(rejected: true)   // handled by the caller (needs the model)
        case let .meta(name, arguments):
            return meta(name, arguments)
        case let .shell(script):
            guard !script.isEmpty else {
                printError("k1: '!' needs a command, e.g. !ls -l")
                return Result(rejected: true)
            }
            let outcome = await runner.runShell(script)
            report(outcome.status)
            return Result(ran: script, status: outcome.status)
        case let .kubectl(line, words, usesShell):
            let plan = CommandPlan.make(line: line, words: words, usesShell: usesShell, context: context,
                                        kubectl: config.kubectl)
            let outcome: RunOutcome
            if let argv = plan.argv {
                outcome = await runner.run(argv: argv, capture: plan.captureOutput, captureError: plan.captureError)
            } else {
                outcome = await runner.runShell(plan.display)
            }
            report(outcome.status)
            lastCommandLine = plan.display
            FailureTracker.apply(line: plan.display, exitStatus: outcome.status.code, errorOutput: outcome.capturedError,
                                 to: &context)
            if let command = plan.command {
                ContextTracker.apply(command, line: plan.display, exitStatus: outcome.status.code,
                                     output: outcome.captured, to: &context)
            }
            return Result(ran: plan.display, status: outcome.status)
        case let .notKubectl(first):
            printError("k1: '\(first)' is not a kubectl command; run shell commands as !\(first) …, or ask in words with ?…")
            return Result(rejected: true)
        case let .malformed(reason):
            printError("k1: \(reason)")
            return Result(rejected: true)
        }
    }

    /// Prints a non-zero status after a command's output.
    func report(_ status: ExitStatus) {
        switch status {
        case .exited(0):
            return
        case .exited(let code):
            printError(err.apply(.red, "[exit \(code)]"))
        case .signaled(let signal):
            printError(err.apply(.red, signal == SIGINT ? "[interrupted]" : "[killed by signal \(signal)]"))
        case .failedToStart(let why):
            printError("k1: \(why)")
        }
    }

    private func meta(_ name: String, _ arguments: [String]) -> Result {
        guard let command = MetaCommand.named(name) else {
            let shown = name.isEmpty ? ":" : ":" + name
            printError("k1: unknown command \(shown); valid: \(MetaCommand.typedNames.joined(separator: " "))")
            return Result(rejected: true)
        }
        switch command {
        case .help:
            print(Self.helpText)
        case .quit:
            return Result(quit: true)
        case .clear:
            print(TerminalControl.clearScreen, terminator: "")
            fflush(nil)
        case .ns:
            if let value = arguments.first {
                context.namespace = value == "-" ? nil : value
            }
            print(context.effectiveNamespace ?? "default")
        case .ctx:
            if let value = arguments.first {
                context.kubeContext = value == "-" ? nil : value
                let known = KubeconfigReader.read().contexts
                if value != "-" && !known.isEmpty && !known.contains(value) {
                    printError("k1: warning: context '\(value)' is not in your kubeconfig")
                }
            }
            print(context.effectiveContext ?? "(none)")
        case .context:
            for line in ContextTracker.summary(context) { print(TerminalText.escaped(line)) }
        case .explain:
            guard let line = arguments.isEmpty ? lastCommandLine : ShellWords.join(arguments) else {
                printError("k1: nothing to explain yet; give a command, e.g. :explain rollout undo deploy/web")
                return Result(rejected: true)
            }
            explain(line)
        case .history:
            let count = arguments.first.flatMap(Int.init) ?? 20
            let entries = historyProvider()
            let start = max(0, entries.count - count)
            for (index, entry) in entries.enumerated().dropFirst(start) {
                print(String(format: "%5d  ", index + 1) + TerminalText.escaped(entry))
            }
        }
        return Result()
    }

    /// `:help` text.
    public static let helpText = """
    k1 — kubectl with a memory and a local model.
      get pods -n shop        kubectl lines run as typed ('kubectl' is optional); pipes go through /bin/sh
      !cmd                    run a shell command
      ?restart the failing ones
                              ask in words: a local model writes one kubectl command, pre-filled for you
                              to edit; Enter runs it, Ctrl-C or Esc discards it
    \(MetaCommand.allCases.map { "  " + $0.usage }.joined(separator: "\n"))
    Tab completes verbs, resource types, flags and live object names. History: Up/Down.
    Alt-e (Esc e) explains the line being edited from kubectl's help and gives it back as it was.
    """
}
