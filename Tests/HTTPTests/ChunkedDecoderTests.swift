import Foundation
import Testing
@testable import HTTP

@Suite("ChunkedDecoder: chunked transfer coding, whatever the read boundaries")
struct ChunkedDecoderTests {
    private static let body = Array("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)

    private func decode(_ pieces: [[UInt8]]) throws -> (Data, Bool) {
        var decoder = ChunkedDecoder()
        var output = Data()
        for piece in pieces { output.append(try decoder.push(piece)) }
        return (output, decoder.isComplete)
    }

    @Test func decodesAWholeBody() throws {
        let (output, complete) = try decode([Self.body])
        #expect(String(decoding: output, as: UTF8.self) == "hello world")
        #expect(complete)
    }

    @Test func anySplitGivesTheSameBytes() throws {
        let body = Self.body
        for first in 0...body.count {
            for second in first...body.count {
                let (output, complete) = try decode([Array(body[..<first]), Array(body[first..<second]), Array(body[second...])])
                #expect(String(decoding: output, as: UTF8.self) == "hello world", "split at \(first), \(second)")
                #expect(complete)
            }
        }
        let (bytewise, complete) = try decode(body.map { [$0] })
        #expect(String(decoding: bytewise, as: UTF8.self) == "hello world")
        #expect(complete)
    }

    @Test func dataArrivesBeforeItsChunkEnds() throws {
        var decoder = ChunkedDecoder()
        #expect(try decoder.push(Array("a\r\n0123".utf8)) == Data("0123".utf8))
        #expect(try decoder.push(Array("456789\r\n".utf8)) == Data("456789".utf8))
        #expect(!decoder.isComplete)
    }

    @Test func extensionsAreIgnored() throws {
        let body = Array("5;name=value\r\nhello\r\n6 ; quoted=\"a;b\"\r\n world\r\n0;last\r\n\r\n".utf8)
        let (output, complete) = try decode([body])
        #expect(String(decoding: output, as: UTF8.self) == "hello world")
        #expect(complete)
    }

    @Test func trailersAreReadAndDropped() throws {
        var decoder = ChunkedDecoder()
        let output = try decoder.push(Array("3\r\nabc\r\n0\r\nX-Checksum: 1\r\nX-Other: 2\r\n".utf8))
        #expect(output == Data("abc".utf8))
        #expect(!decoder.isComplete)   // the empty line ending the trailers is still missing
        #expect(try decoder.push(Array("\r\n".utf8)).isEmpty)
        #expect(decoder.isComplete)
    }

    @Test func hexDigitsAndBareLineFeeds() throws {
        let payload = String(repeating: "x", count: 0x1A) + String(repeating: "y", count: 0xff)
        let body = "1A\n" + String(repeating: "x", count: 0x1A) + "\nff\r\n" + String(repeating: "y", count: 0xff) + "\r\n0\n\n"
        let (output, complete) = try decode([Array(body.utf8)])
        #expect(String(decoding: output, as: UTF8.self) == payload)
        #expect(complete)
    }

    @Test func bytesAfterTheLastChunkAreIgnored() throws {
        let (output, complete) = try decode([Array("2\r\nok\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n".utf8)])
        #expect(output == Data("ok".utf8))
        #expect(complete)
    }

    @Test func aBodyWithoutTheLastChunkIsIncomplete() throws {
        let (output, complete) = try decode([Array("5\r\nhello\r\n".utf8)])
        #expect(output == Data("hello".utf8))
        #expect(!complete)
    }

    @Test(arguments: ["xyz\r\n", "\r\n", "-5\r\n", "0x5\r\n", "+5\r\n", " 5\r\n", "1234567890abcdef0\r\n", ";ext\r\n"])
    func badSizesThrow(_ line: String) {
        var decoder = ChunkedDecoder()
        #expect(throws: HTTPParseError.self) { _ = try decoder.push(Array(line.utf8)) }
    }

    @Test func dataLongerThanItsSizeThrows() {
        var decoder = ChunkedDecoder()
        #expect(throws: HTTPParseError.self) { _ = try decoder.push(Array("3\r\nhello\r\n".utf8)) }
    }

    @Test func anEndlessSizeLineThrows() {
        var decoder = ChunkedDecoder()
        let line = [UInt8](repeating: UInt8(ascii: "1"), count: 10) + [UInt8](repeating: UInt8(ascii: " "), count: ChunkedDecoder.lineLimit)
        #expect(throws: HTTPParseError.self) { _ = try decoder.push(line) }
    }

    @Test func chunkSizeParsing() throws {
        #expect(try ChunkedDecoder.chunkSize(Array("0".utf8)) == 0)
        #expect(try ChunkedDecoder.chunkSize(Array("7fffffff".utf8)) == 0x7fffffff)
        #expect(try ChunkedDecoder.chunkSize(Array("10 \t;a=b".utf8)) == 16)
    }
}
