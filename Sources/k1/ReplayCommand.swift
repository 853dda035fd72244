import ArgumentParser
import Foundation
import Session
import Shell
import Support

/// `k1 replay FILE`: runs a session file non-interactively.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run a session file (see README: Session files).",
        discussion: """
        Plain lines run; ?requests use the answer recorded in the file (or the model with --fresh) and run only \
        with --yes, or after a y on a terminal. Stops at the first failing line unless --keep-going.
        """
    )

    @Argument(help: "The session file.")
    var file: String

    @Flag(name: .long, help: "Print what would run; run nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Continue after a failing line.")
    var keepGoing = false

    @Flag(name: .long, help: "Ask the model again for ?lines even when the file records an answer.")
    var fresh = false

    @Flag(name: .long, help: "Run translated ?lines without asking.")
    var yes = false

    @Option(name: [.short, .long], help: "Start with this session namespace.")
    var namespace: String?

    @OptionGroup var backend: ModelOptions

    func run() async throws {
        let sessionFile: SessionFile
        do { sessionFile = try SessionFile.read(URL(fileURLWithPath: file)) } catch {
            printError("k1 replay: \(error)")
            throw ExitCode(2)
        }
        let config = Environment.loadConfig(overrides: backend, strict: false)
        var context = Environment.startingContext()
        context.namespace = namespace
        let executor = LineExecutor(context: context, config: config)
        let interactive = isatty(0) == 1 && isatty(1) == 1
        var confirm: (@Sendable (String) -> Bool)?
        if interactive {
            confirm = { (command: String) -> Bool in Environment.confirm("run " + command + "?") }
        }
        let runner = ReplayRunner(
            file: sessionFile, executor: executor,
            options: ReplayOptions(dryRun: dryRun, keepGoing: keepGoing, fresh: fresh, yes: yes),
            translate: Environment.replayTranslator(config: config),
            confirm: confirm
        )
        let summary = await runner.run()
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
