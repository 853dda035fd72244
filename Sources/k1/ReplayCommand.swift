import ArgumentParser

/// `k1 replay` (not built yet).
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 replay is not built yet") }
}
