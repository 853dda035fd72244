import Foundation
import Testing
@testable import HTTP
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("LoopbackHTTPRequest: which requests go through the socket client, and their bytes")
struct LoopbackHTTPRequestTests {
    @Test(arguments: ["127.0.0.1", "127.1.2.3", "127.255.255.255", "localhost", "LocalHost", "::1", "[::1]"])
    func loopbackHosts(_ host: String) {
        #expect(LoopbackHTTPRequest.isLoopback(host: host))
    }

    @Test(arguments: ["128.0.0.1", "127.0.0", "127.0.0.256", "127.0.0.1.5", "127..0.1", "10.0.0.1", "0.0.0.0",
                      "example.com", "localhost.example.com", "::2", "", "127.0.0.01a"])
    func otherHosts(_ host: String) {
        #expect(!LoopbackHTTPRequest.isLoopback(host: host))
    }

    private func request(_ url: String, method: String = "GET", body: Data? = nil,
                         headers: [String: String] = [:]) -> URLRequest {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return request
    }

    @Test func onlyPlainHTTPToThisMachine() {
        #expect(LoopbackHTTPClient.handles(request("http://127.0.0.1:8080/completion")))
        #expect(LoopbackHTTPClient.handles(request("http://localhost:11434/api/chat")))
        #expect(LoopbackHTTPClient.handles(request("http://[::1]:8080/health")))
        #expect(LoopbackHTTPClient.handles(request("HTTP://127.0.0.1/")))
        #expect(!LoopbackHTTPClient.handles(request("https://127.0.0.1:8080/completion")))
        #expect(!LoopbackHTTPClient.handles(request("http://192.168.1.10:8080/completion")))
        #expect(!LoopbackHTTPClient.handles(request("http://api.example.com/v1/chat/completions")))
        #expect(!LoopbackHTTPClient.handles(request("http://user:secret@127.0.0.1:8080/")))
    }

    @Test func aPostWithHeadersAndBody() throws {
        let body = Data(#"{"prompt":"hi"}"#.utf8)
        let built = try #require(LoopbackHTTPRequest(request("http://127.0.0.1:8080/v1/completion?a=1&b=x%20y", method: "POST", body: body,
                                                             headers: ["Content-Type": "application/json", "Authorization": "Bearer k"])))
        #expect(built.host == "127.0.0.1")
        #expect(built.port == 8080)
        #expect(built.method == "POST")
        let text = String(decoding: built.bytes, as: UTF8.self)
        #expect(text == "POST /v1/completion?a=1&b=x%20y HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\n"
            + "Authorization: Bearer k\r\n"
            + "Content-Type: application/json\r\n"
            + "Accept: */*\r\n"
            + "Accept-Encoding: identity\r\n"
            + "Content-Length: 15\r\n"
            + "Connection: close\r\n\r\n"
            + #"{"prompt":"hi"}"#)
    }

    @Test func aGetHasNoContentLengthAndAPostAlwaysHasOne() throws {
        let get = try #require(LoopbackHTTPRequest(request("http://localhost/health")))
        let getText = String(decoding: get.bytes, as: UTF8.self)
        #expect(getText.hasPrefix("GET /health HTTP/1.1\r\nHost: localhost\r\n"))
        #expect(!getText.contains("Content-Length"))
        #expect(get.port == 80)
        let post = try #require(LoopbackHTTPRequest(request("http://127.0.0.1:1/x", method: "POST")))
        #expect(String(decoding: post.bytes, as: UTF8.self).contains("\r\nContent-Length: 0\r\n"))
    }

    @Test func emptyPathAndIPv6Host() throws {
        let built = try #require(LoopbackHTTPRequest(request("http://[::1]:8080")))
        #expect(built.host == "::1")
        #expect(String(decoding: built.bytes, as: UTF8.self).hasPrefix("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n"))
    }

    @Test func managedAndBrokenFieldsAreNotSent() throws {
        let built = try #require(LoopbackHTTPRequest(request("http://127.0.0.1:8080/", headers: [
            "Connection": "keep-alive", "Accept-Encoding": "gzip", "Host": "evil.example", "Accept": "text/event-stream",
            "X-Injected": "a\r\nX-Evil: 1",
        ])))
        let text = String(decoding: built.bytes, as: UTF8.self)
        #expect(!text.contains("keep-alive"))
        #expect(!text.contains("gzip"))
        #expect(!text.contains("evil"))
        #expect(!text.contains("X-Evil"))
        #expect(!text.contains("X-Injected"))
        #expect(text.contains("\r\nAccept: text/event-stream\r\n"))
        #expect(!text.contains("*/*"))
        #expect(text.hasSuffix("Accept-Encoding: identity\r\nConnection: close\r\n\r\n"))
    }

    @Test func millisecondsRoundUp() {
        #expect(LoopbackSocket.milliseconds(roundingUp: .microseconds(1)) == 1)
        #expect(LoopbackSocket.milliseconds(roundingUp: .milliseconds(1500)) == 1500)
        #expect(LoopbackSocket.milliseconds(roundingUp: .seconds(1) + .nanoseconds(1)) == 1001)
        #expect(LoopbackSocket.milliseconds(roundingUp: .seconds(10_000_000)) == Int32.max)
    }
}

@Suite("LoopbackHTTPTransfer: failures read like URLSession's")
struct LoopbackFailureMappingTests {
    let endpoint = ServerEndpoint(name: "llama-server", baseURL: URL(string: "http://127.0.0.1:8080")!,
                                  unreachableHint: "start llama-server there")

    private func map(_ failure: LoopbackFailure, delivered: Bool = false) -> LLMError {
        LoopbackHTTPTransfer.llmError(for: failure, deliveredBody: delivered, endpoint: endpoint, timeouts: .request(30))
    }

    @Test func eachFailure() {
        #expect(map(.refused) == endpoint.error(forTransport: URLError(.cannotConnectToHost), receivedBody: false, timeout: 30))
        #expect(map(.refused).message == "cannot reach llama-server at http://127.0.0.1:8080 (connection refused); start llama-server there")
        #expect(map(.cancelled) == ServerEndpoint.cancelled)
        #expect(map(.timedOut(0.5)) == endpoint.timeoutError(seconds: 0.5))
        #expect(map(.unknownHost("localhost: Name or service not known")).message.contains("(unknown host)"))
        #expect(map(.connectFailed("connect: Network is unreachable")).message
            == "cannot reach llama-server at http://127.0.0.1:8080: connect: Network is unreachable; start llama-server there")
        #expect(map(.connectionLost("closed"), delivered: true).code == .truncatedStream)
        #expect(map(.connectionLost("closed")).message
            == "llama-server at http://127.0.0.1:8080 closed the connection without answering (did it stop or crash?); start llama-server there")
        #expect(map(.malformed("bad chunk size"), delivered: true).code == .truncatedStream)
        #expect(map(.malformed("bad status line")).code == .serverUnreachable)
        for failure in [LoopbackFailure.refused, .unknownHost("x\ny"), .connectFailed("a"), .connectionLost("b"), .malformed("c")] {
            expectOneLine(map(failure))
        }
    }
}
