import Testing
@testable import HTTP

@Suite("SSEParser: text/event-stream events")
struct SSEParserTests {
    private func parse(_ lines: [String]) -> [SSEEvent] {
        var parser = SSEParser()
        var events = lines.compactMap { parser.push(line: $0) }
        if let last = parser.finish() { events.append(last) }
        return events
    }

    @Test func dataEventsEndAtBlankLines() {
        let events = parse(["data: {\"a\":1}", "", "data: {\"b\":2}", ""])
        #expect(events == [SSEEvent(data: "{\"a\":1}"), SSEEvent(data: "{\"b\":2}")])
    }

    @Test func joinsMultiLineData() {
        #expect(parse(["data: first", "data: second", ""]) == [SSEEvent(data: "first\nsecond")])
    }

    @Test func skipsCommentsAndUnknownFields() {
        let events = parse([": keep-alive", "id: 7", "retry: 1000", "data: x", "", ":another comment", ""])
        #expect(events == [SSEEvent(data: "x")])
    }

    @Test func stripsOnlyOneSpaceAfterTheColon() {
        #expect(parse(["data:x", ""]) == [SSEEvent(data: "x")])
        #expect(parse(["data:  two", ""]) == [SSEEvent(data: " two")])
    }

    @Test func readsEventTypes() {
        #expect(parse(["event: ping", "data: {}", ""]) == [SSEEvent(type: "ping", data: "{}")])
        #expect(parse(["data: a", "", "data: b", ""]).map(\.type) == ["message", "message"])
    }

    @Test func recognisesDone() {
        let events = parse(["data: {\"x\":1}", "", "data: [DONE]", ""])
        #expect(events.last?.isDone == true)
        #expect(events.first?.isDone == false)
    }

    @Test func readsLlamaServerErrorField() {
        let events = parse(["error: {\"code\":500,\"message\":\"boom\"}", ""])
        #expect(events == [SSEEvent(type: "error", data: "{\"code\":500,\"message\":\"boom\"}")])
    }

    @Test func blankLinesWithoutDataDispatchNothing() {
        #expect(parse(["", "", "event: x", ""]).isEmpty)
    }

    @Test func remembersTheFirstForeignLine() {
        var parser = SSEParser()
        #expect(parser.push(line: "<html><body>Bad gateway</body></html>") == nil)
        #expect(parser.push(line: "data: x") == nil)
        #expect(parser.push(line: "") == SSEEvent(data: "x"))
        #expect(parser.firstForeignLine == "<html><body>Bad gateway</body></html>")
        var clean = SSEParser()
        _ = clean.push(line: ": comment")
        _ = clean.push(line: "id: 1")
        #expect(clean.firstForeignLine == nil)
    }

    @Test func deliversAnUnterminatedLastEvent() {
        #expect(parse(["data: tail"]) == [SSEEvent(data: "tail")])
    }
}
