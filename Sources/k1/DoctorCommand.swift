import ArgumentParser

/// `k1 doctor` (not built yet).
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Not built yet.")
    func run() async throws { throw ValidationError("k1 doctor is not built yet") }
}
