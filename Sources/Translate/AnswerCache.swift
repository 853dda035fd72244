import Foundation
import Support
import Synchronization

/// k1's answer cache: request → kubectl command, in one JSON file (`~/.cache/k1/llm_cache.json` by default).
///
/// - Keys (``AnswerCacheKey``) cover the normalised request, the context the prompt showed, the model and the prompt
///   version.
/// - Entries older than the TTL are dropped; beyond `maxEntries` the least recently used go first.
/// - Lookups are served from memory; the file is decoded again only when another process replaced it (its inode,
///   size or mtime changed). A hit's usage (`lastUsed`, `uses`) is kept in memory and written by the next write or
///   ``flush()``, so a hit costs no disk write.
/// - Every write takes an inter-process lock, re-reads the file, merges and replaces it atomically, so two k1
///   processes never lose each other's entries.
/// - A file that is not a cache file is moved to a numbered backup (`llm_cache.json.bak.1`, `.bak.2`, …) with a
///   one-line warning; the cache starts empty. A file cut off mid-way keeps its complete entries.
/// - A file that exists but cannot be read, or that a newer k1 wrote, is never replaced: one warning, and answers are
///   not saved.
public final class AnswerCache: Sendable {
    /// The cache file.
    public let url: URL
    /// How long an answer stays valid, counted from when it was stored; nil keeps answers forever.
    public let timeToLive: TimeInterval?
    /// Most entries kept.
    public let maxEntries: Int

    private let now: @Sendable () -> Date
    private let warn: @Sendable (String) -> Void
    private let state = Mutex(State())

    private struct Usage: Sendable {
        var count = 0
        var last = Date.distantPast
    }

    private struct State: Sendable {
        var entries: [String: AnswerCacheEntry] = [:]
        var stamp: FileStamp?
        var loaded = false
        var pending: [String: Usage] = [:]
        /// Why the file must not be written (it cannot be read, or a newer k1 wrote it); nil when it may.
        var blocked: String?
        /// Set when the file exists but cannot be read.
        var unreadable: String?
        /// Warnings already given, so each is given once.
        var warned: Set<String> = []
    }

    /// Creates a cache on `url`.
    /// - Parameters:
    ///   - ttlDays: days an answer stays valid; 0 keeps answers forever.
    ///   - maxEntries: most entries kept (at least 1).
    ///   - now: the clock (tests inject one).
    ///   - warn: where the one-line warning about an unreadable file goes (standard error by default).
    public init(url: URL = XDGPaths().answerCacheFile, ttlDays: Int = 30, maxEntries: Int = 5000,
                now: @escaping @Sendable () -> Date = { Date() },
                warn: @escaping @Sendable (String) -> Void = { printError($0) }) {
        self.url = url
        self.timeToLive = ttlDays > 0 ? TimeInterval(ttlDays) * 86_400 : nil
        self.maxEntries = max(1, maxEntries)
        self.now = now
        self.warn = warn
    }

    /// Creates the cache `config` describes (`cache.ttl_days`, `cache.max_entries`) at `url`.
    public convenience init(config: K1Config, url: URL = XDGPaths().answerCacheFile) {
        self.init(url: url, ttlDays: config.cacheTTLDays, maxEntries: config.cacheMaxEntries)
    }

    // MARK: - Reading

    /// The live entry for `key`, recording the use (in memory until the next write or ``flush()``).
    public func lookup(_ key: AnswerCacheKey) -> AnswerCacheEntry? {
        state.withLock { state -> AnswerCacheEntry? in
            refresh(&state)
            guard var entry = state.entries[key.value] else { return nil }
            let time = currentTime()
            if isExpired(entry, at: time) {
                state.entries[key.value] = nil
                return nil
            }
            entry.uses += 1
            entry.lastUsed = time
            state.entries[key.value] = entry
            state.pending[key.value, default: Usage()].count += 1
            state.pending[key.value]?.last = time
            return entry
        }
    }

    /// The live entry for `key` without recording a use.
    public func peek(_ key: AnswerCacheKey) -> AnswerCacheEntry? {
        state.withLock { state -> AnswerCacheEntry? in
            refresh(&state)
            guard let entry = state.entries[key.value], !isExpired(entry, at: currentTime()) else { return nil }
            return entry
        }
    }

    /// Every live entry, most recently used first.
    public func list() -> [AnswerCacheEntry] {
        state.withLock { state -> [AnswerCacheEntry] in
            refresh(&state)
            let time = currentTime()
            return state.entries.values.filter { !isExpired($0, at: time) }.sorted(by: Self.recentFirst)
        }
    }

    /// Why the cache file cannot be read (it exists but is a directory, or has no read permission), or nil.
    public var readProblem: String? {
        state.withLock { state -> String? in
            refresh(&state)
            return state.unreadable
        }
    }

    /// Counts, hits, file size and age range.
    public func stats() -> AnswerCacheStats {
        let entries = list()
        let bytes = FileStamp.of(url).map { Int($0.size) } ?? 0
        return AnswerCacheStats(
            url: url,
            entries: entries.count,
            editedEntries: entries.filter { $0.source == .edited }.count,
            hits: entries.reduce(0) { $0 + $1.uses },
            fileBytes: bytes,
            oldest: entries.map(\.created).min(),
            newest: entries.map(\.created).max()
        )
    }

    // MARK: - Writing

    /// Stores (or replaces) the answer for `key` and writes the file. Does nothing when the file must not be written
    /// (it cannot be read, or a newer k1 wrote it; that was said once in a warning).
    /// - Returns: the stored entry.
    /// - Throws: `FileError` when the file cannot be written; the cache in memory is unchanged then.
    @discardableResult
    public func store(_ key: AnswerCacheKey, request: String, command: String, model: String, promptVersion: String,
                      source: AnswerCacheEntry.Source) throws -> AnswerCacheEntry {
        let time = currentTime()
        var stored = AnswerCacheEntry(key: key.value, request: request, command: command, created: time, lastUsed: time,
                                      model: model, promptVersion: promptVersion, source: source)
        try write(strict: false) { entries in
            if let old = entries[key.value] { stored.uses = old.uses }
            entries[key.value] = stored
        }
        return stored
    }

    /// Removes the answer for `key`.
    /// - Returns: whether there was one.
    @discardableResult
    public func remove(_ key: AnswerCacheKey) throws -> Bool {
        var removed = false
        try write { entries in removed = entries.removeValue(forKey: key.value) != nil }
        return removed
    }

    /// Removes every entry.
    /// - Returns: how many live entries there were.
    @discardableResult
    public func clear() throws -> Int {
        var count = 0
        let time = currentTime()
        try write { entries in
            count = entries.values.filter { !isExpired($0, at: time) }.count
            entries.removeAll()
        }
        return count
    }

    /// Writes the usage recorded by lookups since the last write. Cheap when there is none.
    public func flush() throws {
        let hasPending = state.withLock { !$0.pending.isEmpty }
        if hasPending { try write(strict: false) { _ in } }
    }

    // MARK: - Internals

    /// The clock's time to the millisecond, the precision the file keeps.
    private func currentTime() -> Date {
        Date(timeIntervalSince1970: (now().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    private func isExpired(_ entry: AnswerCacheEntry, at time: Date) -> Bool {
        guard let timeToLive else { return false }
        return time.timeIntervalSince(entry.created) > timeToLive
    }

    private static func recentFirst(_ a: AnswerCacheEntry, _ b: AnswerCacheEntry) -> Bool {
        a.lastUsed != b.lastUsed ? a.lastUsed > b.lastUsed : a.created > b.created
    }

    private enum DiskRead {
        case missing
        case entries([AnswerCacheEntry], FileStamp?)
        /// Cut off after the entries began: the complete entries before the damage.
        case damaged([AnswerCacheEntry], FileStamp?)
        /// Written by a newer k1: readable, never to be rewritten.
        case newer([AnswerCacheEntry], String, FileStamp?)
        /// There, but not readable (permissions, a directory): never to be replaced.
        case unreadable(String)
        case corrupt(FileStamp?)
    }

    /// Reads and decodes the file, stamping it from the same open descriptor.
    private func readDisk() -> DiskRead {
        let data: Data?
        do throws(FileError) { data = try FileBytes.readIfPresent(url) } catch {
            return .unreadable(error.reason)
        }
        guard let data else { return .missing }
        let stamp = FileStamp.of(url)
        guard let decoded = AnswerCacheFile.decodeLeniently(data) else { return .corrupt(stamp) }
        if let newer = decoded.newerFormat { return .newer(decoded.entries, newer, stamp) }
        if decoded.damaged { return .damaged(decoded.entries, stamp) }
        return .entries(decoded.entries, stamp)
    }

    /// Gives `message` once per cache object.
    private func warnOnce(_ message: String, _ state: inout State) {
        guard state.warned.insert(message).inserted else { return }
        warn(message)
    }

    /// Notes a file that must not be written and says why, once.
    private func block(_ read: DiskRead, _ state: inout State) {
        switch read {
        case .unreadable(let reason):
            state.unreadable = reason
            state.blocked = "cannot be read (\(reason))"
            warnOnce("warning: cannot read the answer cache \(url.path) (\(reason)); k1 leaves it alone and saves no answers", &state)
        case .newer(_, let what, _):
            state.unreadable = nil
            state.blocked = "was written by a newer k1 (\(what))"
            warnOnce("warning: the answer cache \(url.path) was written by a newer k1 (\(what)); this k1 reads it but will not rewrite it", &state)
        default:
            state.unreadable = nil
            state.blocked = nil
        }
    }

    /// Under the lock: moves a damaged file to a numbered backup and writes back the entries it still held.
    private func salvage(_ entries: [AnswerCacheEntry], _ state: inout State) {
        guard let backup = AtomicFile.quarantine(url) else {
            warnOnce("warning: the answer cache \(url.path) is damaged and could not be moved; delete it to start afresh", &state)
            return
        }
        try? AtomicFile.write(AnswerCacheFile.encode(entries), to: url)
        warnOnce("warning: the answer cache \(url.path) was damaged; kept its \(entries.count) complete answers and moved the damaged file to \(backup.lastPathComponent)", &state)
    }

    /// Loads the file into memory when it changed since it was last read.
    private func refresh(_ state: inout State) {
        let stamp = FileStamp.of(url)
        if state.loaded && stamp == state.stamp { return }
        var loaded: [AnswerCacheEntry]
        var loadedStamp: FileStamp?
        let read = readDisk()
        block(read, &state)
        switch read {
        case .missing:
            loaded = []
        case .unreadable:
            loaded = []
            loadedStamp = stamp
        case .entries(let entries, let fileStamp), .newer(let entries, _, let fileStamp):
            loaded = entries
            loadedStamp = fileStamp
        case .damaged(let entries, let damagedStamp):
            let recovered = try? FileLock.around(url) { () -> ([AnswerCacheEntry], FileStamp?) in
                if case .damaged(let again, let againStamp) = readDisk(), againStamp == damagedStamp {
                    salvage(again, &state)
                    return (again, FileStamp.of(url))
                }
                return (entries, nil)
            }
            loaded = recovered?.0 ?? entries
            loadedStamp = recovered?.1
        case .corrupt(let corruptStamp):
            // Only quarantine under the lock, and only the file that was found corrupt (not a fresh replacement).
            let recovered = try? FileLock.around(url) { () -> ([AnswerCacheEntry], FileStamp?) in
                switch readDisk() {
                case .missing: return ([], nil)
                case .entries(let entries, let fileStamp): return (entries, fileStamp)
                case .corrupt(let again):
                    if again == corruptStamp || corruptStamp == nil { quarantine() }
                    return ([], FileStamp.of(url))
                case .damaged(let entries, _), .newer(let entries, _, _): return (entries, nil)
                case .unreadable: return ([], nil)
                }
            }
            loaded = recovered?.0 ?? []
            loadedStamp = recovered?.1
        }
        let time = currentTime()
        state.entries = [:]
        for entry in loaded where !isExpired(entry, at: time) { state.entries[entry.key] = entry }
        apply(state.pending, to: &state.entries)
        state.stamp = loadedStamp
        state.loaded = true
    }

    /// Moves an unreadable file aside and says so in one line.
    private func quarantine() {
        if let backup = AtomicFile.quarantine(url) {
            warn("warning: the answer cache \(url.path) was unreadable; moved it to \(backup.lastPathComponent) and started empty")
        } else {
            warn("warning: the answer cache \(url.path) is unreadable and could not be moved; delete it to start afresh")
        }
    }

    private func apply(_ pending: [String: Usage], to entries: inout [String: AnswerCacheEntry]) {
        for (key, usage) in pending {
            guard var entry = entries[key] else { continue }
            entry.uses += usage.count
            entry.lastUsed = max(entry.lastUsed, usage.last)
            entries[key] = entry
        }
    }

    /// Under the file lock: re-reads the file, applies pending usage and `change`, drops expired entries, evicts the
    /// least recently used beyond the cap, writes atomically and adopts the result in memory.
    /// With `strict` false a file that must not be written is left alone silently (its warning was given); with
    /// `strict` true that throws.
    private func write(strict: Bool = true, _ change: (inout [String: AnswerCacheEntry]) -> Void) throws {
        try state.withLock { state in
            refresh(&state)
            if let blocked = state.blocked {
                if strict { throw FileError(path: url.path, reason: "\(blocked); k1 leaves it as it is") }
                return
            }
            try FileLock.around(url) {
                // Always the file as it is now: a stamp (inode, size, mtime) can repeat when another process
                // replaced the file within one clock tick with the same size and a reused inode, so memory is
                // never trusted to be current here.
                var entries: [String: AnswerCacheEntry] = [:]
                let read = readDisk()
                switch read {
                case .missing: break
                case .entries(let list, _): for entry in list { entries[entry.key] = entry }
                case .damaged(let list, _):
                    salvage(list, &state)
                    for entry in list { entries[entry.key] = entry }
                case .newer, .unreadable:
                    block(read, &state)
                    if strict, let blocked = state.blocked {
                        throw FileError(path: url.path, reason: "\(blocked); k1 leaves it as it is")
                    }
                    return
                case .corrupt: quarantine()
                }
                apply(state.pending, to: &entries)
                change(&entries)
                let time = currentTime()
                entries = entries.filter { !isExpired($0.value, at: time) }
                if entries.count > maxEntries {
                    let evicted = entries.values.sorted(by: Self.recentFirst).dropFirst(maxEntries)
                    for entry in evicted { entries[entry.key] = nil }
                }
                try AtomicFile.write(AnswerCacheFile.encode(Array(entries.values)), to: url)
                state.entries = entries
                state.stamp = FileStamp.of(url)
                state.loaded = true
                state.pending = [:]
            }
        }
    }
}
