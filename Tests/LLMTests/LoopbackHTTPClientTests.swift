import Foundation
import Testing
@testable import LLM
@testable import HTTP
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPStream` over `LoopbackHTTPClient` against `Fixtures/raw_http_server.py`, which writes answers byte for byte.
@Suite("LoopbackHTTPClient: streaming, framing, errors, timeouts and cancellation over real sockets")
struct LoopbackHTTPClientTests {
    private func endpoint(_ server: FakeServer, host: String = "127.0.0.1") -> ServerEndpoint {
        ServerEndpoint(name: "llama-server", baseURL: URL(string: "http://\(host):\(server.port)")!,
                       unreachableHint: "start llama-server there")
    }

    /// Everything a stream produced until it ended.
    private func collect(_ stream: AsyncThrowingStream<Data, any Error>) async -> (body: Data, chunks: Int, error: LLMError?) {
        var body = Data()
        var chunks = 0
        do {
            for try await chunk in stream {
                body.append(chunk)
                chunks += 1
            }
            return (body, chunks, nil)
        } catch {
            return (body, chunks, error as? LLMError ?? LLMError(.badResponse, "not an LLMError: \(error)"))
        }
    }

    /// A GET for `target` (path and query) under the endpoint's base URL.
    private func get(_ endpoint: ServerEndpoint, _ target: String) -> URLRequest {
        URLRequest(url: URL(string: endpoint.baseURL.absoluteString + "/" + target)!)
    }

    private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    private func silentClosed(_ server: FakeServer) async throws -> Int {
        try await silentStat("silent_closed", server)
    }

    private func silentStat(_ name: String, _ server: FakeServer) async throws -> Int {
        let stats = try await HTTPJSONClient(endpoint: endpoint(server), timeout: 5).get("_stats", as: JSONValue.self)
        if case .int(let count)? = stats[name] { return count }
        return -1
    }

    /// Waits until the server has seen `count` requests on `/silent` (fails after 5 s).
    private func waitForSilentRequests(_ count: Int, _ server: FakeServer) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while try await silentStat("silent_open", server) < count {
            guard ContinuousClock.now < deadline else {
                Issue.record("the request never reached the server")
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func requestsCarryMethodTargetHeadersAndBody() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        var endpoint = endpoint(server)
        endpoint.headers = ["Authorization": "Bearer secret"]
        let body = Data(#"{"prompt":"grüße"}"#.utf8)
        var request = endpoint.request("POST", "echo", json: body)
        request.url = URL(string: "http://127.0.0.1:\(server.port)/echo?a=1&b=x%20y")!
        let answer = try await HTTPStream(endpoint: endpoint, timeouts: .request(5)).data(request)
        let echo = try JSONDecoder().decode(JSONValue.self, from: answer)
        #expect(echo["method"] == .string("POST"))
        #expect(echo["target"] == .string("/echo?a=1&b=x%20y"))
        #expect(echo["body"] == .string(#"{"prompt":"grüße"}"#))
        guard case .array(let pairs)? = echo["headers"] else { Issue.record("no headers"); return }
        let headers = Dictionary(pairs.compactMap { pair -> (String, String)? in
            guard case .array(let items) = pair, items.count == 2, case .string(let name) = items[0],
                  case .string(let value) = items[1] else { return nil }
            return (name.lowercased(), value)
        }, uniquingKeysWith: { first, _ in first })
        #expect(headers["host"] == "127.0.0.1:\(server.port)")
        #expect(headers["content-length"] == String(body.count))
        #expect(headers["content-type"] == "application/json")
        #expect(headers["authorization"] == "Bearer secret")
        #expect(headers["connection"] == "close")
        #expect(headers["accept-encoding"] == "identity")
    }

    @Test func chunkedSSEArrivesAsItIsSent() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(90))
        // The server sends one event, then holds the rest until /release: a client that buffered would stall here.
        var iterator = stream.chunks(endpoint.request("GET", "gated")).makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first.map(text) == "data: {\"i\":1}\n\n")
        #expect(try await stream.data(endpoint.request("GET", "release")) == Data("released".utf8))
        var rest = Data()
        while let chunk = try await iterator.next() { rest.append(chunk) }
        #expect(text(rest) == "data: {\"i\":2}\n\n")
        // A client that buffered would have seen the first event only after the gate opened by itself (60 s).
        #expect(try await silentStat("gate_timed_out", server) == 0)
    }

    @Test func manySSEEventsInOrderThroughLines() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        var lines: [String] = []
        for try await line in HTTPStream(endpoint: endpoint, timeouts: .request(10)).lines(get(endpoint, "sse?n=50&delay=0.002")) {
            lines.append(line)
        }
        #expect(lines == (0..<50).flatMap { ["data: {\"i\":\($0)}", ""] })
    }

    @Test func contentLengthCloseAndChunkExtensionBodies() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(10))
        #expect(text(try await stream.data(endpoint.request("GET", "length"))) == "hello, content-length world")
        #expect(text(try await stream.data(endpoint.request("GET", "close"))) == "until the end")
        #expect(text(try await stream.data(endpoint.request("GET", "extensions"))) == "alpha beta")
        #expect(text(try await stream.data(endpoint.request("GET", "continue"))) == "after")
    }

    @Test func largeBodiesArriveIntact() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(20))
        let expected = Data((0..<1_000_000).map { UInt8($0 % 256) })
        #expect(try await stream.data(get(endpoint, "big?size=1000000")) == expected)
        #expect(try await stream.data(get(endpoint, "big?size=1000000&chunked=1")) == expected)
    }

    @Test func localhostAndIPv6Loopback() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let viaName = endpoint(server, host: "localhost")
        #expect(text(try await HTTPStream(endpoint: viaName, timeouts: .request(5)).data(viaName.request("GET", "length"))) == "hello, content-length world")
        let stats = try await HTTPJSONClient(endpoint: endpoint(server), timeout: 5).get("_stats", as: JSONValue.self)
        if stats["ipv6"] == .bool(true) {
            let viaIPv6 = endpoint(server, host: "[::1]")
            #expect(text(try await HTTPStream(endpoint: viaIPv6, timeouts: .request(5)).data(viaIPv6.request("GET", "length"))) == "hello, content-length world")
        }
    }

    @Test func errorStatusesGiveTheEndpointsErrorLikeURLSession() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(10))
        for path in ["status/404", "status/500", "status/503", "chunked-error", "redirect"] {
            let loopback = await collect(stream.chunks(endpoint.request("POST", path, json: Data("{}".utf8))))
            let session = await collect(stream.sessionChunks(endpoint.request("POST", path, json: Data("{}".utf8))))
            #expect(loopback.error != nil, "\(path)")
            #expect(loopback.error == session.error, "\(path)")
            #expect(loopback.body.isEmpty)
            expectOneLine(loopback.error)
        }
        let notFound = await collect(stream.chunks(endpoint.request("GET", "status/404")))
        #expect(notFound.error == LLMError(.httpStatus, "\(endpoint.label) answered HTTP 404: boom 404", httpStatus: 404))
        let failed = await collect(stream.chunks(endpoint.request("GET", "chunked-error")))
        #expect(failed.error?.message == "\(endpoint.label) answered HTTP 500: boom 500")
        let redirect = await collect(stream.chunks(endpoint.request("GET", "redirect")))
        #expect(redirect.error?.message.contains("redirected to http://203.0.113.7:8080/elsewhere (HTTP 302)") == true)
    }

    @Test func connectionRefusedReadsLikeURLSession() async throws {
        let port = try freePort()
        for host in ["127.0.0.1", "localhost"] {
            let endpoint = ServerEndpoint(name: "llama-server", baseURL: URL(string: "http://\(host):\(port)")!,
                                          unreachableHint: "start llama-server there")
            let stream = HTTPStream(endpoint: endpoint, timeouts: .request(5))
            let loopback = await collect(stream.chunks(endpoint.request("GET", "health")))
            #expect(loopback.error?.code == .serverUnreachable)
            #expect(loopback.error?.message == "cannot reach llama-server at http://\(host):\(port) (connection refused); start llama-server there")
            let session = await collect(stream.sessionChunks(endpoint.request("GET", "health")))
            #expect(loopback.error == session.error)
        }
    }

    @Test func brokenAnswers() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(10))
        let truncated = await collect(stream.chunks(endpoint.request("GET", "truncated")))
        #expect(text(truncated.body) == "data: {\"i\":1}\n\ndata: {\"i\":2}\n\n")
        #expect(truncated.error?.code == .truncatedStream)
        #expect(truncated.error?.message == "\(endpoint.label) closed the connection in the middle of the answer (did it stop or crash?); try again")
        let short = await collect(stream.chunks(endpoint.request("GET", "short")))
        #expect(text(short.body) == "0123456789")
        #expect(short.error?.code == .truncatedStream)
        let withoutAnswer = "\(endpoint.label) closed the connection without answering (did it stop or crash?); start llama-server there"
        for path in ["nothing", "headonly", "garbage"] {
            let broken = await collect(stream.chunks(endpoint.request("GET", path)))
            #expect(broken.body.isEmpty, "\(path)")
            #expect(broken.error?.code == .serverUnreachable, "\(path)")
            #expect(broken.error?.message == withoutAnswer, "\(path)")
        }
    }

    @Test func idleAndTotalTimeouts() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        var start = ContinuousClock.now
        let idle = await collect(HTTPStream(endpoint: endpoint, timeouts: .idle(0.5)).chunks(endpoint.request("GET", "silent")))
        #expect(idle.error?.code == .timeout)
        #expect(idle.error?.message.contains("within 0.5 s") == true)
        #expect(seconds(since: start) >= 0.45 && seconds(since: start) < 15)   // without the idle limit the silent server holds it forever

        // Events every 50 ms keep the idle limit away; the total limit still ends the request.
        start = ContinuousClock.now
        let total = await collect(HTTPStream(endpoint: endpoint, timeouts: HTTPStream.Timeouts(total: 0.6, idle: 0.4))
            .chunks(get(endpoint, "sse?n=200&delay=0.05")))
        #expect(total.error?.code == .timeout)
        #expect(total.error?.message.contains("within 0.6 s") == true)
        #expect(total.chunks > 2)   // and fewer than the 200 of the whole stream: it ended with a timeout
    }

    @Test func cancellingWhileTheServerIsSilentStopsAtOnceAndCloses() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let before = try await silentClosed(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(60))
        let task = Task { await collect(stream.chunks(endpoint.request("POST", "silent", json: Data("{}".utf8)))) }
        try await waitForSilentRequests(1, server)
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.value
        #expect(seconds(since: start) < 10)   // against a 60 s silence or a 50 s stream
        #expect(result.body.isEmpty)
        #expect(result.error == nil || result.error?.code == .cancelled)
        // The server sees the connection close.
        let deadline = ContinuousClock.now + .seconds(5)
        while try await silentClosed(server) <= before, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await silentClosed(server) == before + 1)
    }

    @Test func droppingAStreamClosesItsConnection() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let before = try await silentClosed(server)
        var iterator = Optional(HTTPStream(endpoint: endpoint, timeouts: .request(60))
            .chunks(endpoint.request("GET", "silent")).makeAsyncIterator())
        try await waitForSilentRequests(1, server)   // the request reaches the server, which stays silent
        withExtendedLifetime(iterator) {}
        iterator = nil   // the stream is dropped without being read
        let deadline = ContinuousClock.now + .seconds(5)
        while try await silentClosed(server) <= before, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await silentClosed(server) == before + 1)
    }

    @Test func cancellingMidStreamStopsAtOnce() async throws {
        let server = try await FakeServer.start("raw_http_server")
        defer { server.stop() }
        let endpoint = endpoint(server)
        let stream = HTTPStream(endpoint: endpoint, timeouts: .request(60))
        let (firstChunk, signal) = AsyncStream<Void>.makeStream()
        let task = Task { () -> Int in
            var count = 0
            do {
                for try await _ in stream.chunks(get(endpoint, "sse?n=1000&delay=0.05")) {
                    count += 1
                    signal.yield()
                }
            } catch {}
            return count
        }
        for await _ in firstChunk { break }
        let start = ContinuousClock.now
        task.cancel()
        let count = await task.value
        #expect(seconds(since: start) < 10)   // against a 60 s silence or a 50 s stream
        #expect(count < 100)
    }
}
