import Foundation
import Testing
@testable import Support

@Suite("Atomic writes, quarantine and file locks")
struct FileTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("k1-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    @Test("An atomic write creates parents, replaces content and leaves no temp files")
    func atomicWrite() throws {
        let file = dir.appendingPathComponent("a/b/c.txt")
        try AtomicFile.write("one", to: file)
        try AtomicFile.write("two", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["c.txt"])
    }

    @Test("A write into an unwritable place is a FileError naming the path")
    func unwritable() {
        let file = URL(fileURLWithPath: "/proc/k1-cannot/x.txt")
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: file) }
    }

    @Test("Quarantine moves a file to a numbered backup and never replaces an older one")
    func quarantine() throws {
        let file = dir.appendingPathComponent("h")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        #expect(AtomicFile.quarantine(file)?.lastPathComponent == "h.bak.1")
        try "newer".write(to: file, atomically: false, encoding: .utf8)
        let backup = AtomicFile.quarantine(file)
        #expect(backup?.lastPathComponent == "h.bak.2")
        #expect(try String(contentsOf: dir.appendingPathComponent("h.bak.1"), encoding: .utf8) == "old")
        #expect(try String(contentsOf: dir.appendingPathComponent("h.bak.2"), encoding: .utf8) == "newer")
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("A held lock makes tryLock from another open fail until released")
    func lockExcludes() throws {
        let url = dir.appendingPathComponent("x.lock")
        let a = try FileLock(url)
        let b = try FileLock(url)
        #expect(a.tryLock())
        #expect(!b.tryLock())
        a.unlock()
        #expect(b.tryLock())
        b.unlock()
    }

    @Test("Concurrent read-modify-write under the lock loses no update")
    func lockSerialises() async throws {
        let file = dir.appendingPathComponent("counter")
        try AtomicFile.write("0", to: file)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<25 {
                        _ = try? FileLock.around(file) {
                            let n = Int((try? String(contentsOf: file, encoding: .utf8)) ?? "0") ?? 0
                            try AtomicFile.write(String(n + 1), to: file)
                        }
                    }
                }
            }
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "100")
    }
}

@Suite("StaleTempFiles")
struct StaleTempFilesTests {
    @Test("an AtomicFile temporary name gives its writer's pid; other names give none")
    func names() {
        #expect(StaleTempFiles.writerPID(ofTempFile: ".llm_cache.json.4242.123456.tmp") == 4242)
        #expect(StaleTempFiles.writerPID(ofTempFile: ".history.77.9.tmp") == 77)
        #expect(StaleTempFiles.writerPID(ofTempFile: "history") == nil)
        #expect(StaleTempFiles.writerPID(ofTempFile: ".history.tmp") == nil)
        #expect(StaleTempFiles.ownerPID(ofScratch: "4242-9F1C") == 4242)
        #expect(StaleTempFiles.ownerPID(ofScratch: "bin") == nil)
    }

    @Test("old prefixed directories go, recent ones and other names stay")
    func oldDirectories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("k1-stale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["k1-oracle-old", "k1-oracle-new", "other-old"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let old = Date(timeIntervalSinceNow: -7200)
        for name in ["k1-oracle-old", "other-old"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root.appendingPathComponent(name).path)
        }
        #expect(StaleTempFiles.removeOld(prefix: "k1-oracle-", in: root, olderThan: 3600) == 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("k1-oracle-old").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("k1-oracle-new").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("other-old").path))
    }
}
