import Foundation
import Testing
@testable import Translate
@testable import Bench
import TestSupport

/// The cache file is never lost or downgraded: an unreadable file is left alone, a damaged one keeps its complete
/// entries, backups are numbered, a newer k1's file is never rewritten, and the file is private.
@Suite("AnswerCache: unreadable, damaged and newer files")
struct AnswerCacheHardeningTests {
    func key(_ request: String) -> AnswerCacheKey {
        AnswerCacheKey(request: request, contextFields: ["namespace": "shop"], model: "m", promptVersion: "p")
    }

    func makeCache(_ directory: URL, warnings: WarningLog) -> AnswerCache {
        AnswerCache(url: directory.appendingPathComponent("llm_cache.json"), warn: { warnings.append($0) })
    }

    func put(_ cache: AnswerCache, _ request: String, _ command: String = "kubectl get pods") throws {
        try cache.store(key(request), request: request, command: command, model: "m", promptVersion: "p", source: .model)
    }

    @Test("a cache path k1 cannot read is left untouched: one warning, no answer saved, stats report it")
    func unreadableIsLeftAlone() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        // A directory in its place: unreadable as a file even for root (permissions are not, for root).
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: url.appendingPathComponent("inside"))
        let warnings = WarningLog()
        let cache = makeCache(directory, warnings: warnings)
        #expect(cache.lookup(key("pods")) == nil)
        try put(cache, "pods")
        try put(cache, "nodes")
        try cache.flush()
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("cannot read the answer cache") == true)
        #expect(cache.readProblem != nil)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try String(contentsOf: url.appendingPathComponent("inside"), encoding: .utf8) == "keep")
        #expect(throws: (any Error).self) { try cache.clear() }
    }

    @Test("a file without read permission is not replaced by the next store", .enabled(if: getuid() != 0))
    func noPermission() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        let first = makeCache(directory, warnings: WarningLog())
        try put(first, "pods")
        let before = try Data(contentsOf: url)
        chmod(url.path, 0o200)
        defer { chmod(url.path, 0o600) }
        let warnings = WarningLog()
        let cache = makeCache(directory, warnings: warnings)
        try put(cache, "nodes")
        chmod(url.path, 0o600)
        #expect(try Data(contentsOf: url) == before)
        #expect(warnings.all.count == 1)
    }

    @Test("a file cut off mid-way keeps every complete entry; the damaged file goes to .bak.1")
    func truncatedKeepsCompleteEntries() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        let writer = makeCache(directory, warnings: WarningLog())
        for request in ["a", "b", "c"] { try put(writer, request, "kubectl get " + request) }
        let full = try Data(contentsOf: url)
        let text = String(decoding: full, as: UTF8.self)
        // Cut inside the last entry.
        let cut = text.range(of: "\"key\"", options: .backwards)!.upperBound
        let truncated = Data(text[..<cut].utf8)
        try truncated.write(to: url)
        let warnings = WarningLog()
        let cache = makeCache(directory, warnings: warnings)
        #expect(cache.list().count == 2)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("kept its 2 complete answers") == true)
        #expect(try Data(contentsOf: url.appendingPathExtension("bak.1")) == truncated)
        #expect(makeCache(directory, warnings: WarningLog()).list().count == 2, "the salvaged entries were written back")
    }

    @Test("each quarantine gets its own number; older backups stay")
    func numberedBackups() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        try Data("garbage one".utf8).write(to: url)
        _ = makeCache(directory, warnings: WarningLog()).list()
        try Data("garbage two".utf8).write(to: url)
        _ = makeCache(directory, warnings: WarningLog()).list()
        #expect(try String(contentsOf: url.appendingPathExtension("bak.1"), encoding: .utf8) == "garbage one")
        #expect(try String(contentsOf: url.appendingPathExtension("bak.2"), encoding: .utf8) == "garbage two")
    }

    @Test("a newer k1's file (version 2, or unknown fields) is read but never rewritten", arguments: [
        #"{"version":2,"entries":[]}"#,
        #"{"version":1,"entries":[{"key":"x","request":"r","command":"kubectl get pods","created":"2026-11-25T04:02:57.123Z","lastUsed":"2026-11-25T04:02:57.123Z","model":"m","promptVersion":"p","source":"model","uses":0,"confidence":0.9}]}"#,
    ])
    func newerFormatIsNotRewritten(text: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        try Data(text.utf8).write(to: url)
        let warnings = WarningLog()
        let cache = makeCache(directory, warnings: warnings)
        try put(cache, "pods")
        try put(cache, "nodes")
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("newer k1") == true)
        #expect(throws: (any Error).self) { try cache.clear() }
    }

    @Test("the cache file is 0600 in a 0700 directory whatever the umask")
    func privateModes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = umask(0o002)
        defer { umask(old) }
        let nested = directory.appendingPathComponent("xdg/cache/k1")
        let cache = AnswerCache(url: nested.appendingPathComponent("llm_cache.json"))
        try put(cache, "pods")
        #expect(try mode(nested.appendingPathComponent("llm_cache.json")) == 0o600)
        #expect(try mode(nested.appendingPathComponent("llm_cache.json.lock")) == 0o600)
        #expect(try mode(nested) == 0o700)
    }

    func mode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
