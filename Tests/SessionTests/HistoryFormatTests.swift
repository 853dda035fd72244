import Foundation
import Testing
@testable import Session

@Suite struct HistoryFormatTests {
    @Test func escapesBackslashesAndLineBreaks() {
        #expect(HistoryFormat.escape(#"a\b"#) == #"a\\b"#)
        #expect(HistoryFormat.escape("one\ntwo") == #"one\ntwo"#)
        #expect(HistoryFormat.escape("cr\r") == #"cr\r"#)
        #expect(HistoryFormat.escape(#"literal \n"#) == #"literal \\n"#)
    }

    @Test(arguments: [
        "get pods", #"echo a\b"#, "line one\nline two", #"\n is not a newline"#, "trailing \\", "\\\\", "crlf\r\n",
        "ünïcode ✓ 🚀", "  spaced  ", "tab\there", #"\"#,
    ])
    func escapeRoundTrips(_ entry: String) {
        let escaped = HistoryFormat.escape(entry)
        #expect(!escaped.unicodeScalars.contains("\n"))
        #expect(!escaped.unicodeScalars.contains("\r"))
        #expect(HistoryFormat.unescape(escaped) == entry)
    }

    @Test func unknownEscapesAreKeptAsWritten() {
        #expect(HistoryFormat.unescape(#"grep \d+"#) == #"grep \d+"#)
        #expect(HistoryFormat.unescape("end\\") == "end\\")
    }

    @Test func encodeDecodeRoundTrips() throws {
        let entries = ["get pods", "logs web-0\n--tail 5", #"a\b"#, "?why"]
        let text = HistoryFormat.encode(entries)
        #expect(text == "#k1-history v1\nget pods\nlogs web-0\\n--tail 5\na\\\\b\n?why\n")
        #expect(try HistoryFormat.decode(Data(text.utf8)) == entries)
    }

    @Test func decodeToleratesCRLFAndBlankLines() throws {
        let text = "#k1-history v1\r\nget pods\r\n\r\ndescribe pod web-0\r\n"
        #expect(try HistoryFormat.decode(Data(text.utf8)) == ["get pods", "describe pod web-0"])
    }

    @Test func emptyFileIsEmptyHistory() throws {
        #expect(try HistoryFormat.decode(Data()) == [])
        #expect(try HistoryFormat.decode(Data("#k1-history v1\n".utf8)) == [])
    }

    @Test func decodeRejectsCorruptFiles() {
        #expect(throws: HistoryFormat.Corruption.notUTF8) { try HistoryFormat.decode(Data([0x23, 0xFF, 0xFE, 0x0A])) }
        #expect(throws: HistoryFormat.Corruption.binary) { try HistoryFormat.decode(Data("#k1-history v1\nget\u{0}pods\n".utf8)) }
        #expect(throws: HistoryFormat.Corruption.badHeader("get pods")) { try HistoryFormat.decode(Data("get pods\n".utf8)) }
        #expect(throws: HistoryFormat.Corruption.badHeader("#k1-history v2")) {
            try HistoryFormat.decode(Data("#k1-history v2\nget pods\n".utf8))
        }
    }

    @Test func mergeSkipsEmptyAndConsecutiveDuplicates() {
        let merged = HistoryFormat.merge(["get pods"], ["get pods", "", "   ", "logs web-0", "logs web-0", "get pods"], limit: 100)
        #expect(merged == ["get pods", "logs web-0", "get pods"])
    }

    @Test func mergeKeepsTheNewest() {
        #expect(HistoryFormat.merge(["a", "b", "c"], ["d", "e"], limit: 3) == ["c", "d", "e"])
        #expect(HistoryFormat.merge(["a"], ["b"], limit: 0) == [])
    }

    @Test func mergeDropsNULCharacters() {
        #expect(HistoryFormat.merge([], ["get\u{0} pods", "\u{0}"], limit: 10) == ["get pods"])
    }
}
