import ArgumentParser

/// `k1 models` (not built yet).
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 models is not built yet") }
}
