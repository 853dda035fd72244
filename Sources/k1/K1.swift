import ArgumentParser

/// `k1`: a line-oriented REPL shell for Kubernetes with local natural-language translation.
@main
struct K1: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k1",
        abstract: "A line-oriented REPL shell for Kubernetes.",
        discussion: """
        Plain lines run kubectl; lines starting with '?' are translated by a local model into one kubectl \
        command that you edit or confirm with Enter.
        """,
        version: K1Version.current,
        subcommands: [
            ShellCommand.self, AskCommand.self, ReplayCommand.self, ModelsCommand.self, ServerCommand.self,
            DoctorCommand.self, ConfigCommand.self, CacheCommand.self, SetupCommand.self, BenchCommand.self,
            ExplainCommand.self,
        ],
        defaultSubcommand: ShellCommand.self
    )
}

/// The version printed by `k1 --version`.
enum K1Version {
    static let current = "0.1.0"
}
