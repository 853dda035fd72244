import Foundation

/// The host programs the end-to-end tests drive, looked up on `PATH` once.
enum HostTools {
    /// tmux, which gives k1 a real pseudo-terminal.
    static let tmux = find("tmux")
    /// The real kubectl client.
    static let kubectl = find("kubectl")
    /// python3, which runs the fake API server: the interpreter itself (`sys.executable`), not a version-manager
    /// shim, so it also runs in the minimal environment given to k1.
    static let python3: String? = find("python3").flatMap { shim in
        guard let result = try? ProcessRunner.run(shim, ["-c", "import sys; print(sys.executable)"]),
              result.status == 0 else { return nil }
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The first executable named `name` on `PATH`, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
