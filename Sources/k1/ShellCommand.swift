import ArgumentParser
import Foundation
import Session
import Shell
import Support
import Translate

/// `k1 shell`: the REPL.
struct ShellCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the k1 REPL (the default command).",
        discussion: "Plain lines run kubectl, !cmd runs a shell command, ?words asks the local model, :help lists the rest."
    )

    @Option(name: .long, help: ArgumentHelp("Record the session to a session file.", valueName: "file"))
    var record: String?

    @Option(name: [.short, .long], help: "Start with this session namespace.")
    var namespace: String?

    @Option(name: .long, help: "Start with this session kube context.")
    var context: String?

    @OptionGroup var backend: ModelOptions

    func run() async throws {
        let config = Environment.loadConfig(overrides: backend, strict: false)
        var session = Environment.startingContext()
        session.namespace = namespace
        session.kubeContext = context
        var recorder: SessionRecorder?
        if let record {
            do { recorder = try SessionRecorder(url: URL(fileURLWithPath: record)) } catch {
                printError("k1: cannot record to \(record): \(error)")
                throw ExitCode(1)
            }
        }
        let warmUp = config.warmUp && isatty(STDIN_FILENO) != 0 && Environment.modelIsLocal(config: config)
        // A server started in the background (the warm-up, or an answer begun while a request is typed) must not
        // write over the edit line; the `?` status line says what is going on.
        let quiet = warmUp || (config.answerWhileTyping && isatty(STDIN_FILENO) != 0)
        let translator = Environment.makeTranslator(config: config, quiet: quiet)
        if warmUp {
            // Load the model and read the prompt's fixed part while the user types kubectl commands, so that the first
            // `?` is answered in about a second instead of tens. Failures stay silent: the first `?` reports them.
            Task.detached(priority: .utility) { try? await translator.warmUp() }
        }
        let shell = ShellSession(
            context: session, config: config,
            history: HistoryStore(url: Environment.paths.historyFile, limit: config.historySize),
            recorder: recorder,
            requests: TranslationRequestHandler(translator: translator, dryRun: DryRunPreview(config: config),
                                                answerWhileTyping: config.answerWhileTyping,
                                                typingPauseMilliseconds: config.typingPauseMilliseconds,
                                                readAhead: config.readAhead)
        )
        let status = await shell.run()
        if status != 0 { throw ExitCode(status) }
    }
}
