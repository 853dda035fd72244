import Foundation
import Support
import Testing

@Suite("ChecksumStamp and FileStamp")
struct ChecksumStampTests {
    @Test func stampRoundTrip() {
        let stamp = ChecksumStamp(sha256: String(repeating: "a", count: 64), size: 98_362_432, modified: 1_700_000_000_123_456_789)
        #expect(stamp.text == String(repeating: "a", count: 64) + " 98362432 1700000000123456789\n")
        #expect(ChecksumStamp(parsing: stamp.text) == stamp)
        #expect(ChecksumStamp(parsing: String(repeating: "A", count: 64) + " 1 2")?.sha256 == String(repeating: "a", count: 64))
        #expect(ChecksumStamp(parsing: "nonsense") == nil)
        #expect(ChecksumStamp(parsing: String(repeating: "g", count: 64) + " 1 2") == nil)
    }

    @Test func aStampFollowsTheFilesSizeAndTime() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("k1-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("model.gguf")
        try Data("twelve bytes".utf8).write(to: file)
        let before = try #require(FileStamp.ofRegularFile(file))
        let stamp = ChecksumStamp(sha256: String(repeating: "b", count: 64), file: before)
        #expect(stamp.size == 12)
        #expect(stamp.modified == before.modifiedNanoseconds)
        #expect(before.modifiedNanoseconds > 1_600_000_000 * 1_000_000_000)

        let later = Date(timeIntervalSince1970: Double(before.seconds) + 60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: file.path)
        let after = try #require(FileStamp.ofRegularFile(file))
        #expect(ChecksumStamp(sha256: stamp.sha256, file: after) != stamp)
        #expect(after.seconds == before.seconds + 60)

        #expect(FileStamp.ofRegularFile(directory) == nil)
        #expect(FileStamp.of(directory) != nil)
        #expect(FileStamp.ofRegularFile(directory.appendingPathComponent("missing")) == nil)
    }
}
