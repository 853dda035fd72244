import Foundation
import Testing
@testable import HTTP

@Suite("LineSplitter: NDJSON/SSE lines across chunk boundaries")
struct LineSplitterTests {
    @Test func splitsCompleteLines() {
        var splitter = LineSplitter()
        #expect(splitter.push(Data("a\nb\n".utf8)) == ["a", "b"])
        #expect(splitter.finish() == nil)
    }

    @Test func joinsLinesCutAcrossChunks() {
        var splitter = LineSplitter()
        #expect(splitter.push(Data("{\"a\":".utf8)).isEmpty)
        #expect(splitter.push(Data("1}\n{\"b\"".utf8)) == ["{\"a\":1}"])
        #expect(splitter.push(Data(":2}\n".utf8)) == ["{\"b\":2}"])
        #expect(splitter.pendingByteCount == 0)
    }

    @Test func keepsMultiByteCharactersCutAcrossChunks() {
        let bytes = Array("grüße 🌍\n".utf8)
        var splitter = LineSplitter()
        var lines: [String] = []
        for byte in bytes { lines += splitter.push(Data([byte])) }   // one byte per chunk
        #expect(lines == ["grüße 🌍"])
    }

    @Test func dropsCarriageReturns() {
        var splitter = LineSplitter()
        #expect(splitter.push(Data("data: x\r\n\r\n".utf8)) == ["data: x", ""])
        #expect(splitter.push(Data("a\r".utf8)).isEmpty)
        #expect(splitter.push(Data("\n".utf8)) == ["a"])
    }

    @Test func returnsTheLastLineWithoutNewline() {
        var splitter = LineSplitter()
        #expect(splitter.push(Data("one\ntwo".utf8)) == ["one"])
        #expect(splitter.finish() == "two")
        #expect(splitter.finish() == nil)
    }

    @Test func keepsEmptyLines() {
        var splitter = LineSplitter()
        #expect(splitter.push(Data("\n\nx\n".utf8)) == ["", "", "x"])
    }

    @Test func everyChunkingGivesTheSameLines() {
        let text = "{\"message\":{\"content\":\"The\"},\"done\":false}\n{\"message\":{\"content\":\" ünï\"},\"done\":false}\n{\"done\":true}\n"
        let bytes = Array(text.utf8)
        for size in 1...12 {
            var splitter = LineSplitter()
            var lines: [String] = []
            var index = 0
            while index < bytes.count {
                lines += splitter.push(Data(bytes[index..<min(index + size, bytes.count)]))
                index += size
            }
            #expect(lines == text.split(separator: "\n").map(String.init), "chunk size \(size)")
        }
    }
}
