import Foundation
import Testing
@testable import Translate
import Support

@Suite("AnswerCacheFile codec")
struct AnswerCacheFileTests {
    static let date = Date(timeIntervalSince1970: 1_764_043_377.123)

    func entry(_ request: String, command: String = "kubectl get pods", source: AnswerCacheEntry.Source = .model) -> AnswerCacheEntry {
        AnswerCacheEntry(key: StableHash.hex(request), request: request, command: command, created: Self.date,
                         lastUsed: Self.date.addingTimeInterval(90), uses: 3, model: "qwen2.5-coder-1.5b",
                         promptVersion: "k1-prompt-3", source: source)
    }

    @Test func roundTripsAwkwardText() throws {
        let entries = [
            entry("pods with label \"app=web\"", command: "kubectl get pods -l 'app in (a,b)' -o jsonpath='{.items[*].metadata.name}'"),
            entry("back\\slash\ttab\nnewline \u{01} control", command: "kubectl logs web-0 | grep \"err\""),
            entry("ünïcödé 🚀 名前", source: .edited),
            entry(""),
        ]
        let data = AnswerCacheFile.encode(entries)
        let decoded = try #require(AnswerCacheFile.decode(data))
        #expect(decoded.sorted { $0.key < $1.key } == entries.sorted { $0.key < $1.key })
        // The output is valid JSON for any other reader.
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
    }

    @Test func datesAreUTCWithMilliseconds() {
        #expect(AnswerCacheFile.formatDate(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(AnswerCacheFile.formatDate(Self.date) == "2025-11-25T04:02:57.123Z")
        #expect(AnswerCacheFile.formatDate(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        for seconds in [0.0, 1.5, 951_782_400, 1_764_043_377.123, 4_102_444_800.999, -86_400.25] {
            let date = Date(timeIntervalSince1970: seconds)
            let parsed = AnswerCacheFile.parseDate(AnswerCacheFile.formatDate(date))
            #expect(parsed.map { abs($0.timeIntervalSince(date)) < 0.001 } == true, "\(seconds)")
        }
        #expect(AnswerCacheFile.parseDate("2025-11-25T04:02:57Z") == Date(timeIntervalSince1970: 1_764_043_377))
        #expect(AnswerCacheFile.parseDate("yesterday") == nil)
    }

    @Test func readsFilesOtherToolsWrote() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .prettyPrinted
        encoder.dateEncodingStrategy = .iso8601
        struct Foreign: Encodable {
            var version = 1
            var comment = ["written", "by hand"]
            var entries: [AnswerCacheEntry]
        }
        let original = entry("pods")
        let data = try encoder.encode(Foreign(entries: [original]))
        let decoded = try #require(AnswerCacheFile.decode(data))
        #expect(decoded.count == 1)
        #expect(decoded.first?.command == original.command)
        #expect(decoded.first.map { abs($0.created.timeIntervalSince(original.created)) < 1 } == true)
    }

    @Test func skipsBadEntriesButRejectsBadFiles() {
        let good = String(decoding: AnswerCacheFile.encode([entry("pods")]), as: UTF8.self)
        let withBad = good.replacingOccurrences(of: "\"entries\":[", with: "\"entries\":[{\"key\":1,\"nested\":{\"a\":[true,null]}},\"text\",")
        #expect(AnswerCacheFile.decode(Data(withBad.utf8))?.count == 1)
        for bad in ["{", "[]", "{\"version\":1}", "{\"entries\":[}", "{\"entries\":[]} trailing", "\u{FF}\u{FE}", "nul"] {
            #expect(AnswerCacheFile.decode(Data(bad.utf8)) == nil, "\(bad)")
        }
        #expect(AnswerCacheFile.decode(Data())?.isEmpty == true)
    }
}
