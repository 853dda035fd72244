import Foundation

/// The host programs the end-to-end tests drive, looked up on `PATH` once.
enum HostTools {
    /// tmux, which gives k1 a real pseudo-terminal.
    static let tmux = find("tmux")
    /// The real kubectl client.
    static let kubectl = find("kubectl")
    /// python3, which runs the fake API server.
    static let python3 = find("python3")

    /// The first executable named `name` on `PATH`, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
