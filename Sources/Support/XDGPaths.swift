import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where k1 keeps its files, following the XDG base-directory convention.
///
/// - config: `$XDG_CONFIG_HOME/k1` (default `~/.config/k1`) — `config.yaml`
/// - state:  `$XDG_STATE_HOME/k1`  (default `~/.local/state/k1`) — history, managed-server record
/// - cache:  `$XDG_CACHE_HOME/k1`  (default `~/.cache/k1`) — answer cache, build caches
/// - data:   `$XDG_DATA_HOME/k1`   (default `~/.local/share/k1`) — models, llama-server runtime
public struct XDGPaths: Sendable, Equatable {
    /// `~/.config/k1` or its XDG equivalent.
    public let config: URL
    /// `~/.local/state/k1` or its XDG equivalent.
    public let state: URL
    /// `~/.cache/k1` or its XDG equivalent.
    public let cache: URL
    /// `~/.local/share/k1` or its XDG equivalent.
    public let data: URL

    /// Resolves the directories from an environment (defaults to the process environment).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory(),
                       isDirectory: true)
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("k1", isDirectory: true)
        state = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("k1", isDirectory: true)
        cache = base("XDG_CACHE_HOME", ".cache").appendingPathComponent("k1", isDirectory: true)
        data = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("k1", isDirectory: true)
    }

    /// The configuration file, `config/config.yaml`.
    public var configFile: URL { config.appendingPathComponent("config.yaml") }
    /// The persisted REPL history, `state/history`.
    public var historyFile: URL { state.appendingPathComponent("history") }
    /// The answer cache, `cache/llm_cache.json`.
    public var answerCacheFile: URL { cache.appendingPathComponent("llm_cache.json") }

    /// Creates `directory` (and missing parents) with mode 0700, whatever the umask. Directories that already exist
    /// are left as they are.
    public static func ensureDirectory(_ directory: URL) throws {
        let path = directory.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for created in missing.reversed() {
            if mkdir(created, 0o700) != 0 && errno != EEXIST {
                throw FileError(path: created, reason: String(cString: strerror(errno)))
            }
            _ = chmod(created, 0o700)
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileError(path: path, reason: "not a directory")
        }
    }
}
