import Foundation
import Testing
@testable import Support

@Suite("ServerURL")
struct ServerURLTests {
    @Test("usable base URLs pass", arguments: [
        "", "http://127.0.0.1:8080", "https://gpu-box:8000/v1", "http://localhost", "http://[::1]:11434",
        "http://user@host:1/", "https://host:65535",
    ])
    func valid(url: String) {
        #expect(ServerURL.problem(url) == nil)
    }

    @Test("bad ports, schemes and hosts get a one-line reason", arguments: [
        ("http://127.0.0.1:99999", "port 99999"), ("http://127.0.0.1:0", "port 0"), ("http://host:80a", "not a number"),
        ("127.0.0.1:8080", "not a URL"), ("ftp://host", "http:// or https://"), ("http://:8080", "no host"),
        ("http://[::1:8080", "unclosed"),
    ])
    func invalid(url: String, fragment: String) throws {
        let problem = try #require(ServerURL.problem(url))
        #expect(problem.contains(fragment), "\(problem)")
        #expect(!problem.contains("\n"))
    }

    @Test("the config file's url and K1_URL are checked with the key and line")
    func configChecks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("k1-url-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.yaml")
        try "provider: openai\nurl: http://127.0.0.1:99999\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ConfigLoader.load(file: file, environment: [:])
            Issue.record("port 99999 was accepted")
        } catch {
            #expect(error.description.contains("url") && error.description.contains(":2") && error.description.contains("99999"),
                    "\(error.description)")
        }
        try "provider: openai\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: file, environment: ["K1_URL": "http://h:70000"]) }
    }
}
