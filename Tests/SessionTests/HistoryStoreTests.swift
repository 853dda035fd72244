import Foundation
import Support
import Testing
@testable import Session
import TestSupport

@Suite struct HistoryStoreTests {
    @Test func missingFileIsEmptyHistory() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.file("history"), limit: 10)
        #expect(store.load() == HistoryLoadResult(entries: []))
    }

    @Test func appendThenLoad() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("state/k1/history")
        let store = HistoryStore(url: url, limit: 10)
        try store.append(["get pods", "logs web-0\n--tail=5", #"exec web-0 -- sh -c 'echo \$HOME'"#])
        try store.append(["?why is web-1 crashing"])
        #expect(store.load() == HistoryLoadResult(entries: [
            "get pods", "logs web-0\n--tail=5", #"exec web-0 -- sh -c 'echo \$HOME'"#, "?why is web-1 crashing",
        ]))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("#k1-history v1\nget pods\nlogs web-0\\n--tail=5\n"))
    }

    @Test func appendSkipsEmptyLinesAndConsecutiveDuplicatesAcrossCalls() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.file("history"), limit: 10)
        try store.append(["get pods", "get pods", ""])
        try store.append(["get pods", "get nodes"])
        try store.append(["get pods"])
        #expect(store.load().entries == ["get pods", "get nodes", "get pods"])
    }

    @Test func limitKeepsTheNewest() throws {
        let directory = try TemporaryDirectory()
        let store = HistoryStore(url: directory.file("history"), limit: 3)
        try store.append(["one", "two"])
        try store.append(["three", "four", "five"])
        #expect(store.load().entries == ["three", "four", "five"])
        // A smaller limit applies on load too.
        #expect(HistoryStore(url: directory.file("history"), limit: 2).load().entries == ["four", "five"])
    }

    @Test(arguments: [
        ("not UTF-8", [0x23, 0x6B, 0x31, 0xC3, 0x28, 0x0A] as [UInt8], "is not UTF-8 text"),
        ("bad header", Array("get pods\nget nodes\n".utf8), "does not start with '#k1-history v1'"),
    ])
    func corruptFileIsMovedAsideAndHistoryStartsClean(_ name: String, _ bytes: [UInt8], _ reason: String) throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(bytes, to: "history")
        let store = HistoryStore(url: url, limit: 10)
        let result = store.load()
        #expect(result.entries == [])
        let warning = try #require(result.warning)
        #expect(warning.contains(reason))
        #expect(warning.contains("history.bak.1"))
        #expect(!warning.contains("\n"))
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try Data(contentsOf: directory.file("history.bak.1")) == Data(bytes))
        // The next load is clean and silent; appending starts a new file.
        #expect(store.load() == HistoryLoadResult(entries: []))
        try store.append(["get pods"])
        #expect(store.load() == HistoryLoadResult(entries: ["get pods"]))
    }

    @Test func appendOverCorruptFileQuarantinesItAndWarns() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write([0xFF, 0xFF, 0x0A], to: "history")
        let store = HistoryStore(url: url, limit: 10)
        let warning = try store.append(["get pods"])
        #expect(warning?.contains("history.bak.1") == true)
        #expect(store.load() == HistoryLoadResult(entries: ["get pods"]))
        #expect(FileManager.default.fileExists(atPath: directory.file("history.bak.1").path))
    }

    @Test("one Latin-1 byte or a binary line costs only its own line; the original goes to a numbered backup")
    func damagedLinesAreDroppedAlone() throws {
        let directory = try TemporaryDirectory()
        let bytes = Array("#k1-history v1\nget pods\n".utf8) + Array("get caf".utf8) + [0xE9] + [0x0A]
            + [0x00, 0x01, 0x0A] + Array("get nodes\n".utf8)
        let url = try directory.write(bytes, to: "history")
        let store = HistoryStore(url: url, limit: 10)
        let result = store.load()
        #expect(result.entries == ["get pods", "get nodes"])
        let warning = try #require(result.warning)
        #expect(warning.contains("2 unreadable lines") && warning.contains("history.bak.1"))
        #expect(try Data(contentsOf: directory.file("history.bak.1")) == Data(bytes))
        // The file now holds the good lines; the next load is silent.
        #expect(store.load() == HistoryLoadResult(entries: ["get pods", "get nodes"]))
        // A second damage gets the next backup number; the first backup stays.
        try Data(Array("#k1-history v1\nx\n".utf8) + [0xFF, 0x0A]).write(to: url)
        #expect(store.load().warning?.contains("history.bak.2") == true)
        #expect(try Data(contentsOf: directory.file("history.bak.1")) == Data(bytes))
    }

    @Test func unreadableHistoryIsReportedAndLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("history")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let store = HistoryStore(url: url, limit: 10)
        let result = store.load()
        #expect(result.entries == [])
        #expect(result.warning?.contains("is a directory") == true)
        #expect(throws: FileError.self) { try store.append(["get pods"]) }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func twoConcurrentWritersLoseNothing() async throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("history")
        let perWriter = 60
        await withTaskGroup(of: Void.self) { group in
            for writer in ["a", "b"] {
                group.addTask {
                    // Each writer has its own store, as two k1 processes would.
                    let store = HistoryStore(url: url, limit: 10_000)
                    for index in 0..<perWriter {
                        do {
                            try store.append(["get pods # \(writer)\(index)", "logs \(writer)\(index)\nsecond line"])
                        } catch {
                            Issue.record("append failed: \(error)")
                        }
                    }
                }
            }
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("#k1-history v1\n"))
        let entries = try HistoryFormat.decode(Data(text.utf8))
        #expect(entries.count == 2 * 2 * perWriter)
        for writer in ["a", "b"] {
            let own = entries.filter { $0.hasPrefix("get pods # \(writer)") || $0.hasPrefix("logs \(writer)") }
            let expected = (0..<perWriter).flatMap { ["get pods # \(writer)\($0)", "logs \(writer)\($0)\nsecond line"] }
            #expect(own == expected, "writer \(writer)'s entries are all there, in order")
        }
        #expect(HistoryStore(url: url, limit: 10_000).load().warning == nil)
    }
}

@Suite("HistoryStore: a newer k1's file")
struct HistoryNewerFormatTests {
    @Test("a history file from a newer k1 is read by nobody here and never rewritten or moved")
    func newerIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let bytes = Array("#k1-history v2\n{\"line\":\"get pods\"}\n".utf8)
        let url = try directory.write(bytes, to: "history")
        let store = HistoryStore(url: url, limit: 10)
        let result = store.load()
        #expect(result.warning?.contains("newer k1") == true)
        #expect(throws: FileError.self) { try store.append(["get nodes"]) }
        #expect(try Data(contentsOf: url) == Data(bytes))
        #expect(!FileManager.default.fileExists(atPath: directory.file("history.bak.1").path))
    }
}
