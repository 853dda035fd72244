import Foundation

/// The built `k1` executable under test.
enum K1Binary {
    /// `$K1_BIN` when set, else `<package root>/.build/debug/k1` (what `swift build` produces).
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["K1_BIN"], !explicit.isEmpty {
            return explicit
        }
        return packageRoot.appendingPathComponent(".build/debug/k1").path
    }()

    /// Whether the binary exists and can be run.
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The package root, three levels above this file (`Tests/EndToEndTests/K1Binary.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

extension K1Binary {
    /// Runs `k1 arguments` without a terminal in `fixture`'s environment, with `input` piped to it.
    static func run(_ arguments: [String], in fixture: KubeFixture, input: String? = nil,
                    timeout: Duration = .seconds(30)) throws -> ProcessOutput {
        try ProcessRunner.run(path, arguments, environment: fixture.environment, input: input, timeout: timeout)
    }
}
