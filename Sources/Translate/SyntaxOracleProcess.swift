import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs one short-lived process with a time limit and collects its output (standard output and error together).
enum SyntaxOracleProcess {
    /// What a run produced.
    struct Result: Sendable {
        var exitStatus: Int32
        var output: String
        var timedOut: Bool
    }

    /// Most output bytes kept.
    static let outputLimit = 64 * 1024

    /// Runs `executable` off the caller's thread.
    static func run(executable: String, arguments: [String], environment: [String: String], directory: URL,
                    timeout: Double) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try runBlocking(executable: executable, arguments: arguments,
                                                                   environment: environment, directory: directory,
                                                                   timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs `executable` and blocks until it exits or the time limit kills it (SIGTERM, then SIGKILL a second later).
    static func runBlocking(executable: String, arguments: [String], environment: [String: String], directory: URL,
                            timeout: Double) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let pid = process.processIdentifier

        let flags = Flags()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            guard !flags.finished.load(ordering: .acquiring) else { return }
            flags.timedOut.store(true, ordering: .releasing)
            kill(pid, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
                if !flags.finished.load(ordering: .acquiring) { kill(pid, SIGKILL) }
            }
        }
        var data = Data()
        let handle = pipe.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if data.count < outputLimit { data.append(chunk.prefix(outputLimit - data.count)) }
        }
        process.waitUntilExit()
        flags.finished.store(true, ordering: .releasing)
        return Result(exitStatus: process.terminationStatus,
                      output: String(decoding: data, as: UTF8.self),
                      timedOut: flags.timedOut.load(ordering: .acquiring))
    }

    /// State shared with the timer.
    private final class Flags: Sendable {
        let timedOut = Atomic<Bool>(false)
        let finished = Atomic<Bool>(false)
    }
}
