import Foundation
import Support
import Testing
@testable import Translate
import TestSupport

@Suite("AnswerCache")
struct AnswerCacheTests {
    func key(_ request: String, namespace: String = "shop") -> AnswerCacheKey {
        AnswerCacheKey(request: request, contextFields: ["namespace": namespace], model: "m", promptVersion: "p")
    }

    func makeCache(_ directory: URL, clock: TestClock = TestClock(), ttlDays: Int = 30, maxEntries: Int = 100,
                   warnings: WarningLog = WarningLog()) -> AnswerCache {
        AnswerCache(url: directory.appendingPathComponent("llm_cache.json"), ttlDays: ttlDays, maxEntries: maxEntries,
                    now: { clock.now }, warn: { warnings.append($0) })
    }

    @discardableResult
    func put(_ cache: AnswerCache, _ request: String, _ command: String = "kubectl get pods",
             source: AnswerCacheEntry.Source = .model) throws -> AnswerCacheEntry {
        try cache.store(key(request), request: request, command: command, model: "m", promptVersion: "p", source: source)
    }

    @Test func storeThenLookupAcrossInstances() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = makeCache(directory)
        #expect(cache.lookup(key("pods")) == nil)
        try put(cache, "pods", "kubectl get pods")
        #expect(cache.lookup(key("pods"))?.command == "kubectl get pods")
        #expect(cache.lookup(key("pods", namespace: "prod")) == nil)

        let other = makeCache(directory)
        let entry = other.lookup(key("pods"))
        #expect(entry?.command == "kubectl get pods")
        #expect(entry?.source == .model)
        #expect(entry?.model == "m")
        #expect(entry?.promptVersion == "p")
    }

    @Test func hitsAreRecordedAndFlushed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let cache = makeCache(directory, clock: clock)
        try put(cache, "pods")
        clock.advance(seconds: 60)
        #expect(cache.lookup(key("pods"))?.uses == 1)
        #expect(cache.lookup(key("pods"))?.uses == 2)
        // Not on disk until flushed.
        #expect(makeCache(directory, clock: clock).peek(key("pods"))?.uses == 0)
        try cache.flush()
        let entry = makeCache(directory, clock: clock).peek(key("pods"))
        #expect(entry?.uses == 2)
        #expect(entry?.lastUsed == clock.now)
        #expect(cache.stats().hits == 2)
    }

    @Test func pendingHitsSurviveAnotherProcessWriting() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = makeCache(directory)
        let b = makeCache(directory)
        try put(a, "pods")
        _ = a.lookup(key("pods"))
        try put(b, "nodes", "kubectl get nodes")
        try put(a, "svc", "kubectl get svc")
        let fresh = makeCache(directory)
        #expect(fresh.peek(key("pods"))?.uses == 1)
        #expect(fresh.list().count == 3)
    }

    @Test func expiredEntriesAreDropped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let cache = makeCache(directory, clock: clock, ttlDays: 30)
        try put(cache, "old")
        clock.advance(days: 20)
        try put(cache, "new")
        clock.advance(days: 11)
        #expect(cache.lookup(key("old")) == nil)
        #expect(cache.lookup(key("new")) != nil)
        // A fresh process drops it on load, and the next write removes it from the file.
        let fresh = makeCache(directory, clock: clock)
        #expect(fresh.list().map(\.request) == ["new"])
        try put(fresh, "another")
        let text = try String(contentsOf: fresh.url, encoding: .utf8)
        #expect(!text.contains("\"old\""))
    }

    @Test func zeroTTLKeepsAnswersForever() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let cache = makeCache(directory, clock: clock, ttlDays: 0)
        try put(cache, "pods")
        clock.advance(days: 3650)
        #expect(cache.lookup(key("pods")) != nil)
    }

    @Test func leastRecentlyUsedAreEvictedBeyondTheCap() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let cache = makeCache(directory, clock: clock, maxEntries: 3)
        for request in ["a", "b", "c"] {
            try put(cache, request)
            clock.advance(seconds: 1)
        }
        _ = cache.lookup(key("a"))   // a is now the most recently used; b is the least.
        clock.advance(seconds: 1)
        try put(cache, "d")
        #expect(Set(cache.list().map(\.request)) == ["a", "c", "d"])
        #expect(Set(makeCache(directory, clock: clock).list().map(\.request)) == ["a", "c", "d"])
    }

    @Test func corruptFileIsMovedAsideWithOneWarning() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        try Data("{ this is not json".utf8).write(to: url)
        let warnings = WarningLog()
        let cache = makeCache(directory, warnings: warnings)
        #expect(cache.lookup(key("pods")) == nil)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("llm_cache.json.bak.1") == true)
        #expect(!(warnings.all.first?.contains("\n") ?? true))
        #expect(FileManager.default.fileExists(atPath: url.appendingPathExtension("bak.1").path))
        #expect(try String(contentsOf: url.appendingPathExtension("bak.1"), encoding: .utf8) == "{ this is not json")
        try put(cache, "pods")
        #expect(cache.lookup(key("pods")) != nil)
        #expect(warnings.all.count == 1)
    }

    @Test func corruptFileFoundWhileWritingIsAlsoMovedAside() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        try Data([0xFF, 0xFE, 0x00]).write(to: url)
        let warnings = WarningLog()
        let cache = makeCache(directory, warnings: warnings)
        try put(cache, "pods")
        #expect(warnings.all.count == 1)
        #expect(makeCache(directory).lookup(key("pods")) != nil)
    }

    @Test func unreadableEntriesAreSkipped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = makeCache(directory)
        try put(cache, "pods")
        var text = try String(contentsOf: cache.url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"entries\":[", with: "\"entries\":[{\"key\":\"broken\"},")
        try Data(text.utf8).write(to: cache.url)
        let warnings = WarningLog()
        let fresh = makeCache(directory, warnings: warnings)
        #expect(fresh.list().map(\.request) == ["pods"])
        #expect(warnings.all.isEmpty)
    }

    @Test func anotherInstancesWriteIsSeen() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = makeCache(directory)
        let b = makeCache(directory)
        #expect(a.lookup(key("pods")) == nil)
        try put(b, "pods", "kubectl get pods -o wide")
        #expect(a.lookup(key("pods"))?.command == "kubectl get pods -o wide")
    }

    @Test func twoWritersLoseNothing() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = makeCache(directory, clock: TestClock(), maxEntries: 1000)
        let b = makeCache(directory, clock: TestClock(), maxEntries: 1000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (cache, prefix) in [(a, "a"), (b, "b")] {
                group.addTask {
                    for index in 0..<40 {
                        try cache.store(key("\(prefix)-\(index)"), request: "\(prefix)-\(index)", command: "kubectl get pods",
                                        model: "m", promptVersion: "p", source: .model)
                        if index % 5 == 0 { _ = cache.lookup(key("\(prefix)-0")) }
                    }
                }
            }
            try await group.waitForAll()
        }
        try a.flush()
        try b.flush()
        let final = makeCache(directory, maxEntries: 1000)
        #expect(final.list().count == 80)
        #expect(final.peek(key("a-0"))?.uses == 8)
        #expect(final.peek(key("b-0"))?.uses == 8)
    }

    @Test func statsListAndClear() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let cache = makeCache(directory, clock: clock)
        #expect(cache.stats().entries == 0)
        #expect(cache.stats().fileBytes == 0)
        let first = clock.now
        try put(cache, "pods")
        clock.advance(seconds: 10)
        try put(cache, "nodes", "kubectl get nodes", source: .edited)
        clock.advance(seconds: 10)
        _ = cache.lookup(key("pods"))
        let stats = cache.stats()
        #expect(stats.entries == 2)
        #expect(stats.editedEntries == 1)
        #expect(stats.hits == 1)
        #expect(stats.fileBytes > 0)
        #expect(stats.oldest == first)
        #expect(cache.list().first?.request == "pods")
        #expect(try cache.clear() == 2)
        #expect(cache.list().isEmpty)
        #expect(makeCache(directory).list().isEmpty)
    }

    @Test func removeOneEntry() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = makeCache(directory)
        try put(cache, "pods")
        #expect(try cache.remove(key("pods")))
        #expect(try !cache.remove(key("pods")))
        #expect(cache.lookup(key("pods")) == nil)
    }

    @Test func unwritableLocationThrowsOneLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data().write(to: blocker)
        let cache = AnswerCache(url: blocker.appendingPathComponent("llm_cache.json"))
        #expect(cache.lookup(key("pods")) == nil)
        #expect(throws: (any Error).self) { try put(cache, "pods") }
    }
}
