import Foundation
import Support
import HTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The managed server's files in `state/`: the record (`server.json`), its lock (`server.json.lock`),
/// the last-use marker (`server.used`, whose modification time is the last use) and the log (`server.log`).
public struct ManagedServerStore: Sendable {
    /// k1's directories.
    public let paths: XDGPaths

    /// Creates a store over `paths.state`.
    public init(paths: XDGPaths) { self.paths = paths }

    /// `state/server.json`.
    public var recordURL: URL { paths.state.appendingPathComponent("server.json") }
    /// `state/server.json.lock`, held around check-and-start.
    public var lockURL: URL { recordURL.appendingPathExtension("lock") }
    /// `state/server.used`, touched on every use.
    public var usedURL: URL { paths.state.appendingPathComponent("server.used") }
    /// `state/server.log`, the server's output (rewritten at each start).
    public var logURL: URL { paths.state.appendingPathComponent("server.log") }

    /// Reads the record. A file that is not a valid record is moved to a numbered `server.json.bak.N` and nil returned,
    /// so k1 starts clean.
    public func load() -> ManagedServerRecord? {
        guard let data = FileManager.default.contents(atPath: recordURL.path) else { return nil }
        if let record = ManagedServerRecord.decode(data) { return record }
        AtomicFile.quarantine(recordURL)
        return nil
    }

    /// Writes the record atomically.
    public func save(_ record: ManagedServerRecord) throws(LLMError) {
        do { try AtomicFile.write(record.encoded(), to: recordURL) } catch {
            throw LLMError(.notWritable(path: error.path), "cannot write \(error.path) (\(error.reason)): check that \(paths.state.path) is writable")
        }
    }

    /// Deletes the record.
    public func remove() {
        unlink(recordURL.path)
    }

    /// Marks the server as used now (touches `server.used`; no JSON rewrite).
    public func touchUsed() {
        if utimensat(AT_FDCWD, usedURL.path, nil, 0) == 0 { return }
        try? XDGPaths.ensureDirectory(paths.state)
        let fd = open(usedURL.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            _ = fchmod(fd, 0o600)
            futimens(fd, nil)
            close(fd)
        }
    }

    /// The later of the record's `lastUsed` and the modification time of `server.used`.
    public func lastUsed(_ record: ManagedServerRecord) -> Date {
        guard let used = FileStamp.of(usedURL) else { return record.lastUsed }
        let touched = Date(timeIntervalSince1970: Double(used.seconds) + Double(used.nanoseconds) / 1e9)
        return max(record.lastUsed, touched)
    }

    /// The last `count` non-empty lines of `server.log` (reads at most its last 64 KiB).
    public func logTail(_ count: Int) -> [String] {
        guard let handle = try? FileHandle(forReadingFrom: logURL) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let window: UInt64 = max(64 * 1024, UInt64(count) * 512)
        try? handle.seek(toOffset: size > window ? size - window : 0)
        let data = (try? handle.readToEnd()) ?? Data()
        return ManagedServerStore.tail(String(decoding: data, as: UTF8.self), lines: count)
    }

    /// The last `count` non-empty lines of `text`, right-trimmed.
    public static func tail(_ text: String, lines count: Int) -> [String] {
        guard count > 0 else { return [] }
        let lines = text.split(whereSeparator: \.isNewline)
            .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .filter { !$0.isEmpty }
        return Array(lines.suffix(count))
    }
}
