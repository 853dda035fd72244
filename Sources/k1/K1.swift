import ArgumentParser

@main
struct K1: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "k1", abstract: "A line-oriented REPL shell for Kubernetes.")
    func run() async throws {}
}
