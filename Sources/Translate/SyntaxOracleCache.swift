import Foundation
import Support
import Synchronization

/// The syntax oracle's memory: verdicts by kubectl version and argument list, in one JSON file per kubectl version
/// (`~/.cache/k1/oracle/syntax-<version>.json` by default). Reads are served from memory; ``save()`` merges what
/// another process wrote meanwhile and replaces the file atomically.
public final class SyntaxOracleCache: Sendable {
    /// Bumped when the classification rules change, so verdicts of older rules are not reused.
    public static let rulesVersion = "2"

    /// The cache file.
    public let url: URL
    /// The kubectl version the verdicts belong to.
    public let kubectlVersion: String

    private struct File: Codable {
        var kubectlVersion: String
        var rulesVersion: String
        var verdicts: [String: SyntaxOracleVerdict]
    }

    private struct State: Sendable {
        var verdicts: [String: SyntaxOracleVerdict] = [:]
        var dirty = false
    }

    private let state = Mutex(State())

    /// Opens (or starts) the cache for `kubectlVersion` in `directory`.
    public init(directory: URL, kubectlVersion: String) {
        self.kubectlVersion = kubectlVersion
        self.url = directory.appendingPathComponent("syntax-\(Self.fileSafe(kubectlVersion)).json")
        let loaded = Self.read(url, kubectlVersion: kubectlVersion)
        state.withLock { $0.verdicts = loaded }
    }

    /// The default directory, `cache/oracle/`.
    public static func defaultDirectory(paths: XDGPaths = XDGPaths()) -> URL {
        paths.cache.appendingPathComponent("oracle", isDirectory: true)
    }

    /// The key of an argument list: the words as a JSON array, so no two lists share one.
    public static func key(_ arguments: [String]) -> String {
        let data = (try? JSONEncoder().encode(arguments)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The cached verdict for `arguments`, if any.
    public func verdict(for arguments: [String]) -> SyntaxOracleVerdict? {
        state.withLock { $0.verdicts[Self.key(arguments)] }
    }

    /// Remembers a verdict (in memory until ``save()``).
    public func store(_ verdict: SyntaxOracleVerdict, for arguments: [String]) {
        state.withLock {
            $0.verdicts[Self.key(arguments)] = verdict
            $0.dirty = true
        }
    }

    /// How many verdicts are known.
    public var count: Int { state.withLock { $0.verdicts.count } }

    /// Writes new verdicts, merged with the file's current content; does nothing when nothing changed.
    public func save() throws(FileError) {
        let snapshot: [String: SyntaxOracleVerdict]? = state.withLock { state in
            guard state.dirty else { return nil }
            return state.verdicts
        }
        guard let snapshot else { return }
        var merged = Self.read(url, kubectlVersion: kubectlVersion)
        merged.merge(snapshot) { _, ours in ours }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let file = File(kubectlVersion: kubectlVersion, rulesVersion: Self.rulesVersion, verdicts: merged)
        guard let data = try? encoder.encode(file) else { return }
        try AtomicFile.write(data, to: url)
        state.withLock {
            $0.verdicts.merge(merged) { ours, _ in ours }
            $0.dirty = false
        }
    }

    /// The verdicts in a cache file, empty when it is missing, unreadable, or of another version or rule set.
    private static func read(_ url: URL, kubectlVersion: String) -> [String: SyntaxOracleVerdict] {
        guard let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data),
              file.kubectlVersion == kubectlVersion, file.rulesVersion == rulesVersion else { return [:] }
        return file.verdicts
    }

    /// `v1.32.4-dispatcher` stays; anything but letters, digits, `.`, `-` and `_` becomes `_`.
    static func fileSafe(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_") ? c : "_"
        }
        let name = String(mapped.prefix(80))
        return name.isEmpty ? "unknown" : name
    }
}
