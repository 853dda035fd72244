import ArgumentParser
import Foundation
import KubectlKit
import Session
import Shell
import Support
import Translate

/// `k1 explain "kubectl …"`: what a command does, from kubectl's own help: its description, each argument and flag,
/// the flags left out that matter, where it would run and its risk label. No model, nothing run.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a kubectl command from kubectl's own help (nothing runs).",
        discussion: """
        Example: k1 explain "kubectl drain worker-3 --ignore-daemonsets --delete-emptydir-data". The namespace and \
        context are those the command would use in k1 shell with -n/--context (default: kubeconfig's).
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "The command line, quoted or as words ('kubectl' is optional).")
    var command: [String] = []

    @Option(name: [.short, .long], help: "The session namespace k1 would add.")
    var namespace: String?

    @Option(name: .long, help: "The session kube context k1 would add.")
    var context: String?

    func run() throws {
        let line = command.count == 1 ? command[0] : ShellWords.join(command)
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            printError("k1: give a command, e.g. k1 explain \"kubectl rollout undo deploy/web\"")
            throw ExitCode.validationFailure
        }
        var session = Environment.startingContext()
        if let namespace, !namespace.isEmpty { session.namespace = namespace }
        if let context, !context.isEmpty { session.kubeContext = context }
        do {
            let explanation = try CommandExplainer.explain(line, context: session)
            for text in ExplanationRenderer.render(explanation, style: TerminalStyle(fd: 1)) { print(text) }
        } catch {
            printError("k1: \(error)")
            throw ExitCode.validationFailure
        }
    }
}
