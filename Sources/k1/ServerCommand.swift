import ArgumentParser

/// `k1 server` (not built yet).
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "server", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 server is not built yet") }
}
