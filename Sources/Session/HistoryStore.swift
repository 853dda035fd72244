import Foundation
import Support

/// The persisted REPL history (`~/.local/state/k1/history`, format in `HistoryFormat`).
///
/// Safe for several k1 processes at once: `append(_:)` re-reads the file under an advisory lock
/// (`history.lock`), merges its new entries into what is on disk and replaces the file atomically,
/// so concurrent sessions never lose each other's lines. A corrupt file (not UTF-8, binary, wrong
/// header) keeps every line that can be read; the original is moved to a numbered backup (`history.bak.1`, …).
/// A file without the header is moved to a backup and history starts clean. Corruption is reported, never thrown.
public struct HistoryStore: Sendable {
    /// The history file.
    public let url: URL
    /// Most entries kept; the oldest go first.
    public let limit: Int

    /// A store for `url` keeping at most `limit` entries (`history.size`).
    public init(url: URL = XDGPaths().historyFile, limit: Int = K1Config().historySize) {
        self.url = url
        self.limit = limit
    }

    /// Reads the history, oldest first (at most `limit` entries). A missing file is an empty history;
    /// a damaged one keeps its readable lines, a corrupt one is moved to `.bak.N`, both reported in `warning`; an unreadable one is left alone and reported.
    public func load() -> HistoryLoadResult {
        guard let lock = try? FileLock(lockURL) else { return read().result }
        return lock.withLock { read().result }
    }

    /// Appends `entries` (skipping empty ones and consecutive duplicates), keeps the newest `limit`
    /// and writes the file atomically, all under the lock.
    /// - Returns: a warning when the file on disk was corrupt and had to be moved to a numbered `.bak.N` first.
    /// - Throws: `FileError` when the file cannot be read (it is then left untouched) or written.
    @discardableResult
    public func append(_ entries: [String]) throws(FileError) -> String? {
        let lock = try FileLock(lockURL)
        let outcome: Result<String?, FileError> = lock.withLock {
            let current = read()
            if let error = current.unreadable { return .failure(error) }
            let merged = HistoryFormat.merge(current.result.entries, entries, limit: limit)
            if merged == current.result.entries && current.exists { return .success(current.result.warning) }
            do throws(FileError) {
                try AtomicFile.write(HistoryFormat.encode(merged), to: url)
            } catch {
                return .failure(error)
            }
            return .success(current.result.warning)
        }
        return try outcome.get()
    }

    /// The lock file beside the history file.
    var lockURL: URL { url.appendingPathExtension("lock") }

    /// What one read found. Call with the lock held.
    private struct Read {
        var result: HistoryLoadResult
        /// Whether a usable file is on disk (false: missing or just quarantined).
        var exists: Bool
        /// Set when the file exists but could not be read.
        var unreadable: FileError?
    }

    private func read() -> Read {
        let data: Data?
        do throws(FileError) { data = try FileBytes.readIfPresent(url) } catch {
            return Read(result: HistoryLoadResult(entries: [], warning: "cannot read history (\(error)); starting without it"),
                        exists: true, unreadable: error)
        }
        guard let data else { return Read(result: HistoryLoadResult(entries: []), exists: false) }
        if let newer = HistoryFormat.newerHeader(data) {
            let reason = "was written by a newer k1 ('\(newer)'); this k1 leaves it alone and saves no history"
            return Read(result: HistoryLoadResult(entries: [], warning: "history file \(url.path) \(reason)"),
                        exists: true, unreadable: FileError(path: url.path, reason: reason))
        }
        do throws(HistoryFormat.Corruption) {
            let entries = try HistoryFormat.decode(data)
            return Read(result: HistoryLoadResult(entries: Array(entries.suffix(max(0, limit)))), exists: true)
        } catch {
            if let salvaged = HistoryFormat.salvage(data) {
                // Keep what parses: the damaged original goes to a numbered backup, the good lines stay.
                let kept = Array(salvaged.entries.suffix(max(0, limit)))
                guard let moved = AtomicFile.quarantine(url) else {
                    return Read(result: HistoryLoadResult(entries: kept, warning: "history file \(url.path) \(error); kept \(kept.count) entries (the file could not be moved aside, so it is not rewritten)"),
                                exists: true, unreadable: FileError(path: url.path, reason: "damaged and could not be moved aside"))
                }
                try? AtomicFile.write(HistoryFormat.encode(kept), to: url)
                let warning = "history file \(url.path) had \(salvaged.dropped) unreadable line\(salvaged.dropped == 1 ? "" : "s"); kept \(kept.count) entries and moved the original to \(moved.lastPathComponent)"
                return Read(result: HistoryLoadResult(entries: kept, warning: warning), exists: true)
            }
            let moved = AtomicFile.quarantine(url)
            let warning = if let moved {
                "history file \(url.path) \(error); moved it to \(moved.lastPathComponent) and started a new history"
            } else {
                "history file \(url.path) \(error) and could not be moved aside; starting a new history"
            }
            return Read(result: HistoryLoadResult(entries: [], warning: warning), exists: false)
        }
    }
}
