import Foundation
import Subprocess
import Support
#if canImport(System)
import System
#else
import SystemPackage
#endif

extension CommandRunner {
    /// Most bytes of each stream kept by ``capture(argv:)``.
    public static let previewCaptureLimit = 256 << 10

    /// Runs argv with no terminal: standard input empty, standard output and error captured (up to
    /// ``previewCaptureLimit`` bytes each). Cancelling the calling task terminates the child.
    public func capture(argv: [String]) async -> CapturedRun {
        guard let program = argv.first else { return CapturedRun(status: .failedToStart(.emptyCommand)) }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        do {
            let result = try await Subprocess.run(executable, arguments: Arguments(Array(argv.dropFirst())),
                                                  input: .none, output: .string(limit: Self.previewCaptureLimit),
                                                  error: .string(limit: Self.previewCaptureLimit))
            return CapturedRun(status: Self.status(result.terminationStatus), output: result.standardOutput,
                               error: result.standardError)
        } catch {
            return CapturedRun(status: .failedToStart(Self.startError(error, program: program)))
        }
    }
}
