import Foundation
import Support

/// A temporary set of XDG directories (config, state, cache, data) and an environment pointing at them.
public struct TemporaryXDG: Sendable {
    /// The directory holding the four XDG folders.
    public let root: URL
    /// This process's environment with the XDG variables pointing under `root`.
    public let environment: [String: String]
    /// The paths k1 derives from `environment`.
    public let paths: XDGPaths

    /// Creates the directories.
    /// - Parameter unsetting: variables removed from the environment (overrides the test must not inherit).
    public init(unsetting: [String] = []) throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("k1-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        for (variable, folder) in [("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")] {
            environment[variable] = root.appendingPathComponent(folder).path
        }
        for variable in unsetting { environment.removeValue(forKey: variable) }
        self.environment = environment
        paths = XDGPaths(environment: environment)
    }

    /// Removes the directories.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
