import ArgumentParser

/// `k1 ask` (not built yet).
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 ask is not built yet") }
}
