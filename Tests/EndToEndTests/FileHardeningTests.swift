import Foundation
import Testing

/// k1's files on disk: private modes fixed at start with one notice, leftovers of killed processes removed, an
/// unreadable cache left alone with a one-line error, bad server URLs caught with a one-line error, and session-file
/// answers that are not one kubectl command never run.
@Suite("k1 files and untrusted input", .serialized,
       .enabled(if: Prerequisites.k1, "needs kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(2)))
struct FileHardeningTests {
    func mode(_ path: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// A process id that is certainly dead: a child that has exited and been waited for.
    func deadPID() throws -> Int32 {
        let child = try ChildProcess("/bin/true", [])
        child.wait()
        return child.pid
    }

    @Test("0644 files and 0755 dirs of an older k1 become 0600/0700 at start, with one notice, once")
    func modesFixedOnStart() throws {
        let fixture = try KubeFixture()
        let cache = fixture.root.appendingPathComponent("xdg/cache/k1")
        let state = fixture.root.appendingPathComponent("xdg/state/k1")
        for directory in [cache, state] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            chmod(directory.path, 0o755)
        }
        let cacheFile = cache.appendingPathComponent("llm_cache.json")
        try Data(#"{"version":1,"entries":[]}"#.utf8).write(to: cacheFile)
        let history = state.appendingPathComponent("history")
        try Data("#k1-history v1\nget pods\n".utf8).write(to: history)
        chmod(cacheFile.path, 0o644)
        chmod(history.path, 0o644)

        let first = try K1Binary.run(["cache", "stats"], in: fixture)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.components(separatedBy: "private").count - 1 == 1, "one notice:\n\(first.stderr)")
        #expect(try mode(cache) == 0o700 && mode(state) == 0o700)
        #expect(try mode(cacheFile) == 0o600 && mode(history) == 0o600)
        let second = try K1Binary.run(["cache", "stats"], in: fixture)
        #expect(!second.stderr.contains("private"), "no notice once fixed:\n\(second.stderr)")
    }

    @Test("temp files and oracle sandboxes of killed k1 processes are removed at start; a live writer's stay")
    func staleLeftoversRemoved() throws {
        let fixture = try KubeFixture()
        let cache = fixture.root.appendingPathComponent("xdg/cache/k1")
        let state = fixture.root.appendingPathComponent("xdg/state/k1")
        try FileManager.default.createDirectory(at: cache.appendingPathComponent("sandboxes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let dead = try deadPID()
        let deadCache = cache.appendingPathComponent(".llm_cache.json.\(dead).12345.tmp")
        let deadHistory = state.appendingPathComponent(".history.\(dead).777.tmp")
        let liveHistory = state.appendingPathComponent(".history.\(getpid()).778.tmp")
        let deadSandbox = cache.appendingPathComponent("sandboxes/\(dead)-4F1C")
        for file in [deadCache, deadHistory, liveHistory] { try Data(repeating: 65, count: 70_000).write(to: file) }
        try FileManager.default.createDirectory(at: deadSandbox.appendingPathComponent("bin"), withIntermediateDirectories: true)

        let result = try K1Binary.run(["cache", "stats"], in: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: deadCache.path))
        #expect(!FileManager.default.fileExists(atPath: deadHistory.path))
        #expect(!FileManager.default.fileExists(atPath: deadSandbox.path))
        #expect(FileManager.default.fileExists(atPath: liveHistory.path), "a running writer's file stays")
    }

    @Test("k1 cache stats on an unreadable cache path is a one-line error with exit 1, and the path is left alone")
    func cacheStatsOnDirectory() throws {
        let fixture = try KubeFixture()
        let path = fixture.root.appendingPathComponent("xdg/cache/k1/llm_cache.json")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        chmod(path.deletingLastPathComponent().path, 0o700)   // as k1 makes it: no notice about modes
        chmod(path.path, 0o700)
        let result = try K1Binary.run(["cache", "stats"], in: fixture)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("answers:"), "\(result.stdout)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("cannot read"), "\(result.stderr)")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test("a server URL with port 99999 is a one-line error naming the setting, from the file, K1_URL and --url")
    func badPort() throws {
        let fixture = try KubeFixture()
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "provider: openai\nurl: http://127.0.0.1:99999\nmodel: m\n".write(to: config, atomically: true, encoding: .utf8)
        chmod(config.deletingLastPathComponent().path, 0o700)   // as k1 makes them: no notice about modes
        chmod(config.path, 0o600)
        let fromFile = try K1Binary.run(["ask", "list pods"], in: fixture)
        #expect(fromFile.status != 0)
        #expect(fromFile.stderr.contains("99999") && fromFile.stderr.contains("65535") && fromFile.stderr.contains("url"),
                "\(fromFile.stderr)")
        #expect(!fromFile.stderr.contains("NSURLErrorDomain"))
        #expect(fromFile.stderr.split(separator: "\n").count == 1, "\(fromFile.stderr)")

        try "provider: openai\nmodel: m\n".write(to: config, atomically: true, encoding: .utf8)
        let fromEnvironment = try ProcessRunner.run(K1Binary.path, ["ask", "list pods"],
                                                    environment: fixture.environment.merging(["K1_URL": "http://localhost:99999"]) { $1 })
        #expect(fromEnvironment.status != 0 && fromEnvironment.stderr.contains("K1_URL"), "\(fromEnvironment.stderr)")
        let fromFlag = try K1Binary.run(["ask", "--url", "http://localhost:0", "list pods"], in: fixture)
        #expect(fromFlag.status != 0 && fromFlag.stderr.contains("--url"), "\(fromFlag.stderr)")
    }

    @Test("replay --yes never runs an answer that is not one kubectl command; --dry-run rejects bad quoting and asks nothing")
    func replayAnswers() throws {
        let fixture = try KubeFixture()
        let stolen = fixture.root.appendingPathComponent("stolen")
        let marker = fixture.root.appendingPathComponent("pwned")
        let file = fixture.root.appendingPathComponent("shared.k1")
        try """
        ?show the pods
        #> answer: kubectl get pods -n shop | tee \(stolen.path)
        ?show them again
        #> answer: kubectl get pods -n shop $(touch \(marker.path))
        ?and once more
        #> answer: !touch \(marker.path)
        ?stop
        #> answer: :quit
        get nodes

        """.write(to: file, atomically: true, encoding: .utf8)
        let requests = fixture.requests().count
        let result = try K1Binary.run(["replay", "--yes", "--keep-going", file.path], in: fixture)
        #expect(!FileManager.default.fileExists(atPath: stolen.path), "\(result.stdout)\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "[unknown").count - 1 == 4, "\(result.stdout)")
        #expect(fixture.requested("/api/v1/nodes"), "the plain line after them still ran")
        #expect(!fixture.requests().dropFirst(requests).contains { $0.contains("/namespaces/shop/pods") })

        // A dry run: bad quoting fails like a real run; a `?` line without an answer is reported, never asked.
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        let model = try HostileModelServer(directory: fixture.root)
        try "provider: openai\nurl: http://127.0.0.1:\(model.port)\nmodel: m\n".write(to: config, atomically: true, encoding: .utf8)
        let dry = fixture.root.appendingPathComponent("dry.k1")
        try "?list pods\nget pods -l 'app=web\n".write(to: dry, atomically: true, encoding: .utf8)
        let dryRun = try K1Binary.run(["replay", "--dry-run", "--keep-going", dry.path], in: fixture)
        #expect(dryRun.stdout.contains("would ask: ?list pods"), "\(dryRun.stdout)")
        #expect(!dryRun.stdout.contains("would run: kubectl get pods -l"), "\(dryRun.stdout)")
        #expect(dryRun.status != 0, "\(dryRun.stdout)\(dryRun.stderr)")
        #expect(model.completions == 0, "the dry run asked the model")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("xdg/cache/k1/llm_cache.json").path))
    }
}

extension FileHardeningTests {
    @Test("k1 cache list prints a hand-edited answer's escape sequences as visible text")
    func cacheListEscapes() throws {
        let fixture = try KubeFixture()
        let cache = fixture.root.appendingPathComponent("xdg/cache/k1")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        chmod(cache.path, 0o700)
        let entry = #"{"key":"0123456789abcdef0123456789abcdef","request":"list pods\u001b]0;pwned\u0007","command":"kubectl get pods\u001b[2J","created":"2026-11-25T04:02:57.123Z","lastUsed":"2026-11-25T04:02:57.123Z","model":"m","promptVersion":"p","source":"model","uses":0}"#
        let file = cache.appendingPathComponent("llm_cache.json")
        try Data("{\"version\":1,\"entries\":[\n\(entry)\n]}\n".utf8).write(to: file)
        chmod(file.path, 0o600)
        let result = try K1Binary.run(["cache", "list"], in: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("list pods^[]0;pwned^G") && result.stdout.contains("kubectl get pods^[[2J"),
                "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw control bytes printed")
    }
}
