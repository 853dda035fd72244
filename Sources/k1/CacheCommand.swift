import ArgumentParser

/// `k1 cache` (not built yet).
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cache", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 cache is not built yet") }
}
