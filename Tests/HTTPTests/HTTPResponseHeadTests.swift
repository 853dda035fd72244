import Foundation
import Testing
@testable import HTTP

@Suite("HTTPResponseHead: status line, fields, body framing, incremental parsing")
struct HTTPResponseHeadTests {
    private static let answer = Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello".utf8)

    @Test func parsesTheStatusLineAndFields() throws {
        let head = try HTTPResponseHead.parse(Array("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nX-Multi: a\r\nx-multi:  b \r\nX-Folded: one\r\n  two\r\n".utf8))
        #expect(head.version == "HTTP/1.1")
        #expect(head.status == 503)
        #expect(head.reason == "Service Unavailable")
        #expect(head.value(for: "content-type") == "application/json")
        #expect(head.values(for: "X-MULTI") == ["a", "b"])
        #expect(head.value(for: "X-Folded") == "one two")
        #expect(head.value(for: "Location") == nil)
        #expect(!head.isSuccess)
    }

    @Test func toleratesBareLineFeedsAndAMissingReason() throws {
        let head = try HTTPResponseHead.parse(Array("HTTP/1.0 204\nServer: x\n".utf8))
        #expect(head.status == 204)
        #expect(head.reason == "")
        #expect(head.value(for: "Server") == "x")
    }

    @Test(arguments: ["HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 abc OK", "hello", "",
                      "HTTP/1.1 200 OK\r\nno colon here", "HTTP/1.1 200 OK\r\n folded first", "HTTP/1.1 200 OK\r\nBad Name: x"])
    func malformedHeadsThrow(_ text: String) {
        #expect(throws: HTTPParseError.self) { _ = try HTTPResponseHead.parse(Array(text.utf8)) }
    }

    @Test func theParserReturnsTheHeadAndTheBodyStart() throws {
        var parser = HTTPResponseHeadParser()
        let parsed = try #require(try parser.push(Self.answer))
        #expect(parsed.head.status == 200)
        #expect(parsed.head.value(for: "Transfer-Encoding") == "chunked")
        #expect(parsed.rest == Array("5\r\nhello".utf8))
    }

    @Test func anySplitGivesTheSameHead() throws {
        let answer = Self.answer
        var expected: (HTTPResponseHead, [UInt8])?
        do {
            var parser = HTTPResponseHeadParser()
            expected = try parser.push(answer).map { ($0.head, $0.rest) }
        }
        for split in 0...answer.count {
            var parser = HTTPResponseHeadParser()
            var result = try parser.push(answer[..<split])
            if result == nil { result = try parser.push(answer[split...]) }
            else {
                // Complete after the first part: the rest is what followed in that part plus the second part.
                result = (result!.head, result!.rest + Array(answer[split...]))
            }
            #expect(result?.head == expected?.0, "split at \(split)")
            #expect(result?.rest == expected?.1, "split at \(split)")
        }
    }

    @Test func waitsForTheEmptyLine() throws {
        var parser = HTTPResponseHeadParser()
        #expect(try parser.push(Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n".utf8)) == nil)
        #expect(try parser.push(Array("\r".utf8)) == nil)
        let parsed = try #require(try parser.push(Array("\nok".utf8)))
        #expect(parsed.rest == Array("ok".utf8))
    }

    @Test func interimAnswersAreSkipped() throws {
        var parser = HTTPResponseHeadParser()
        let bytes = Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n".utf8)
        let parsed = try #require(try parser.push(bytes))
        #expect(parsed.head.status == 201)
        #expect(parsed.rest.isEmpty)
    }

    @Test func emptyLinesBeforeTheStatusLineAreTolerated() throws {
        var parser = HTTPResponseHeadParser()
        let parsed = try #require(try parser.push(Array("\r\n\r\nHTTP/1.1 200 OK\r\n\r\n".utf8)))
        #expect(parsed.head.status == 200)
    }

    @Test func anEndlessHeadThrows() {
        var parser = HTTPResponseHeadParser()
        let line = Array("HTTP/1.1 200 OK\r\nX-Long: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: HTTPResponseHeadParser.headLimit)
        #expect(throws: HTTPParseError.self) { _ = try parser.push(line) }
    }

    private func head(_ fields: [(String, String)], status: Int = 200) -> HTTPResponseHead {
        HTTPResponseHead(status: status, fields: fields.map { HTTPResponseHead.Field(name: $0.0, value: $0.1) })
    }

    @Test func bodyFraming() throws {
        #expect(try head([("Transfer-Encoding", "chunked")]).bodyFraming(requestMethod: "POST") == .chunked)
        #expect(try head([("Transfer-Encoding", "gzip, Chunked")]).bodyFraming(requestMethod: "GET") == .chunked)
        #expect(try head([("Transfer-Encoding", "chunked, gzip")]).bodyFraming(requestMethod: "GET") == .untilClose)
        #expect(try head([("Transfer-Encoding", "chunked"), ("Content-Length", "12")]).bodyFraming(requestMethod: "GET") == .chunked)
        #expect(try head([("Content-Length", "12")]).bodyFraming(requestMethod: "GET") == .length(12))
        #expect(try head([("Content-Length", "12, 12"), ("content-length", "12")]).bodyFraming(requestMethod: "GET") == .length(12))
        #expect(try head([]).bodyFraming(requestMethod: "GET") == .untilClose)
        #expect(try head([("Content-Length", "12")]).bodyFraming(requestMethod: "HEAD") == .length(0))
        #expect(try head([("Transfer-Encoding", "chunked")], status: 204).bodyFraming(requestMethod: "GET") == .length(0))
        #expect(try head([], status: 304).bodyFraming(requestMethod: "GET") == .length(0))
        for bad in ["12, 13", "-1", "12a", "", "99999999999999999999"] {
            #expect(throws: HTTPParseError.self, "\(bad)") { _ = try head([("Content-Length", bad)]).bodyFraming(requestMethod: "GET") }
        }
    }

    @Test func bodyDecoderFramings() throws {
        var length = HTTPBodyDecoder(framing: .length(5))
        #expect(try length.push(Array("abc".utf8)) == Data("abc".utf8))
        #expect(!length.isComplete && !length.endsAtClose)
        #expect(try length.push(Array("defgh".utf8)) == Data("de".utf8))
        #expect(length.isComplete && length.endsAtClose)

        var close = HTTPBodyDecoder(framing: .untilClose)
        #expect(try close.push(Array("abc".utf8)) == Data("abc".utf8))
        #expect(!close.isComplete && close.endsAtClose)

        var empty = HTTPBodyDecoder(framing: .length(0))
        #expect(empty.isComplete)
        #expect(try empty.push(Array("x".utf8)).isEmpty)

        var chunked = HTTPBodyDecoder(framing: .chunked)
        #expect(try chunked.push(Array("2\r\nok\r\n".utf8)) == Data("ok".utf8))
        #expect(!chunked.endsAtClose)
        _ = try chunked.push(Array("0\r\n\r\n".utf8))
        #expect(chunked.isComplete)
    }
}
