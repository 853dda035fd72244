import Foundation
import Testing
@testable import Translate
import TestSupport

/// Two real k1 processes writing one cache file: the test binary runs itself again as the writers.
@Suite("AnswerCache across processes", .serialized)
struct AnswerCacheProcessTests {
    static let writerVariable = "K1_TRANSLATE_TESTS_CACHE_WRITER"
    static let environment = ProcessInfo.processInfo.environment
    static let testBinary = CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    static var isWriter: Bool { environment[writerVariable] != nil }
    static var canReexecute: Bool {
        guard let binary = testBinary else { return false }
        return binary.path.hasSuffix(".xctest") && FileManager.default.isExecutableFile(atPath: binary.path)
    }

    static func key(_ request: String) -> AnswerCacheKey {
        AnswerCacheKey(request: request, contextFields: [:], model: "m", promptVersion: "p")
    }

    static func write(_ cache: AnswerCache, prefix: String, count: Int) throws {
        for index in 0..<count {
            try cache.store(key("\(prefix)-\(index)"), request: "\(prefix)-\(index)", command: "kubectl get pods",
                            model: "m", promptVersion: "p", source: .model)
            _ = cache.lookup(key("\(prefix)-0"))
        }
        try cache.flush()
    }

    /// The writer side: does nothing unless started by ``twoProcessesLoseNothing()``.
    @Test(.enabled(if: isWriter, "runs only as a writer process started by twoProcessesLoseNothing"))
    func writerChild() throws {
        let spec = try #require(Self.environment[Self.writerVariable])
        let parts = spec.split(separator: "|").map(String.init)
        try Self.write(AnswerCache(url: URL(fileURLWithPath: parts[0])), prefix: parts[1], count: Int(parts[2]) ?? 0)
    }

    @Test(.enabled(if: !isWriter && canReexecute, "needs to re-run the test binary"))
    func twoProcessesLoseNothing() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        let count = 25
        var children: [Process] = []
        for prefix in ["p1", "p2"] {
            let process = Process()
            process.executableURL = Self.testBinary
            process.arguments = ["--testing-library", "swift-testing", "--filter", "AnswerCacheProcessTests/writerChild"]
            var environment = Self.environment
            environment[Self.writerVariable] = "\(url.path)|\(prefix)|\(count)"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            children.append(process)
        }
        // This process writes at the same time.
        try Self.write(AnswerCache(url: url), prefix: "parent", count: count)
        for child in children {
            while child.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(child.terminationStatus == 0)
        }
        let final = AnswerCache(url: url)
        #expect(final.list().count == 3 * count)
        for prefix in ["p1", "p2", "parent"] {
            #expect(final.peek(Self.key("\(prefix)-0"))?.uses == count, "\(prefix)")
        }
    }
}
