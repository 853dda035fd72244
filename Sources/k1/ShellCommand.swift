import ArgumentParser

/// `k1 shell` (not built yet).
struct ShellCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shell", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 shell is not built yet") }
}
