import ArgumentParser

/// `k1 config` (not built yet).
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 config is not built yet") }
}
