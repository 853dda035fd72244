import Foundation
import Testing
@testable import HTTP

@Suite("ServerErrorBody: both error body shapes")
struct ServerErrorBodyTests {
    @Test func readsLlamaServerNestedShape() {
        let body = ServerErrorBody.parse(Data(#"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#.utf8))
        #expect(body == ServerErrorBody(message: "Loading model", code: 503, type: "unavailable_error"))
    }

    @Test func readsOllamaFlatShape() {
        let body = ServerErrorBody.parse(Data(#"{"error":"model 'x' not found"}"#.utf8))
        #expect(body == ServerErrorBody(message: "model 'x' not found"))
    }

    @Test func readsVLLMTopLevelShape() {
        let body = ServerErrorBody.parse(Data(#"{"object":"error","message":"bad stop","type":"BadRequestError","code":400}"#.utf8))
        #expect(body == ServerErrorBody(message: "bad stop", code: 400, type: "BadRequestError"))
    }

    @Test func ignoresOrdinaryLines() {
        #expect(ServerErrorBody.parse(line: #"{"message":{"content":"The"},"done":false}"#) == nil)
        #expect(ServerErrorBody.parse(line: #"{"message":{"content":"say \"error\" twice"},"done":false}"#) == nil)
        #expect(ServerErrorBody.parse(line: "not json") == nil)
        #expect(ServerErrorBody.parse(Data()) == nil)
    }

    @Test func findsErrorLinesInStreams() {
        #expect(ServerErrorBody.parse(line: #"{"error":"an error was encountered while running the model"}"#)?.message
                == "an error was encountered while running the model")
        #expect(ServerErrorBody.parse(line: #"{"error":{"code":500,"message":"oom","type":"server_error"}}"#)?.code == 500)
    }

    @Test func summarisesUnknownBodies() {
        #expect(ServerErrorBody.message(in: Data("<html>\n<body>Bad gateway</body>".utf8)) == "<html>")
        let long = String(repeating: "x", count: 500)
        #expect(ServerErrorBody.summary(of: Data(long.utf8)).count == 161)
    }
}
