import Foundation
import Support
import Synchronization

/// Runs one short-lived kubectl with a time limit and collects its output (standard output and error together, in
/// the order they arrive), through ``ProcessRunner``.
enum SyntaxOracleProcess {
    /// What a run produced.
    struct Result: Sendable {
        var exitStatus: Int32
        var output: String
        var timedOut: Bool
    }

    /// Most output bytes kept.
    static let outputLimit = 64 * 1024

    /// Runs `executable` until it exits or the time limit ends it (SIGTERM, then SIGKILL a second later).
    static func run(executable: String, arguments: [String], environment: [String: String], directory: URL,
                    timeout: Double) async throws(ProcessRunError) -> Result {
        let merged = Mutex(BoundedCapture(limit: ProcessCaptureLimit(bytes: outputLimit)))
        let command = ProcessCommand(
            executable, arguments: arguments, environment: .replacing(environment), workingDirectory: directory,
            outputLimit: .discard, errorLimit: .discard, deadline: .milliseconds(Int64(timeout * 1000)),
            grace: .seconds(1),
            observer: { _, chunk in
                merged.withLock { $0.append(chunk) }
                return .nothing
            })
        let result = try await ProcessRunner.run(command)
        return Result(exitStatus: result.termination.shellStatus,
                      output: String(decoding: merged.withLock { $0.bytes }, as: UTF8.self),
                      timedOut: result.timedOut)
    }
}
