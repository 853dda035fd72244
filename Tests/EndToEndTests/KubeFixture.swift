import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fake Kubernetes API server (`Fixtures/fake_kube_api.py` serving `Fixtures/cluster.json`) plus a private,
/// throw-away world to run kubectl and k1 in: a kubeconfig pointing at the server (cluster `fake`, context
/// `fake-ctx`, namespace `default`, a user with no credentials), its own `HOME` and XDG directories, and a log of
/// every request the server answered. The server stops in `stop()` or `deinit`.
final class KubeFixture {
    /// The temporary directory that holds everything below.
    let root: URL
    /// `HOME` for kubectl and k1 (kubectl's discovery cache lands in `HOME/.kube/cache`).
    let home: URL
    /// The kubeconfig file (`KUBECONFIG`).
    let kubeconfig: URL
    /// The server's request log, one `METHOD /path?query` a line.
    let requestLog: URL
    /// The port the server listens on, on 127.0.0.1.
    let port: Int
    private let server: ChildProcess
    /// The write end of the server's standard input: the server exits when it closes, even if this process dies.
    private var serverLifeline: Int32

    /// The directory holding the fixture files, copied into the test bundle.
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// Starts the server and writes the kubeconfig into a new temporary directory.
    /// - Parameter serverArguments: extra arguments for the server (`--dry-run-delay 30`).
    init(serverArguments: [String] = []) throws {
        guard let python = HostTools.python3 else { throw E2EError.processFailed("python3 is not installed") }
        let files = FileManager.default
        root = files.temporaryDirectory.appendingPathComponent("k1-e2e-\(UUID().uuidString)")
        home = root.appendingPathComponent("home")
        kubeconfig = root.appendingPathComponent("kubeconfig")
        requestLog = root.appendingPathComponent("requests.log")
        for directory in ["home", "xdg/config", "xdg/state", "xdg/cache", "xdg/data"] {
            try files.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        _ = files.createFile(atPath: requestLog.path, contents: nil)

        let lifeline = try ChildProcess.pipe()
        let announcement: (read: Int32, write: Int32)
        do { announcement = try ChildProcess.pipe() } catch {
            close(lifeline.read)
            close(lifeline.write)
            throw error
        }
        defer { close(lifeline.read); close(announcement.read) }
        let stderrURL = root.appendingPathComponent("server.stderr")
        do {
            server = try ChildProcess(python, ["-u", Self.fixtures.appendingPathComponent("fake_kube_api.py").path,
                                               "--data", Self.fixtures.appendingPathComponent("cluster.json").path,
                                               "--log", requestLog.path, "--watch-stdin"] + serverArguments,
                                      stdin: .descriptor(lifeline.read), stdout: .descriptor(announcement.write),
                                      stderr: .file(stderrURL))
            close(announcement.write)
        } catch {
            close(lifeline.write)
            close(announcement.write)
            throw error
        }
        serverLifeline = lifeline.write

        var announced: [UInt8] = []
        var byte: UInt8 = 0
        while announced.last != UInt8(ascii: "\n"), read(announcement.read, &byte, 1) == 1 { announced.append(byte) }
        let line = String(decoding: announced, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            close(serverLifeline)
            server.send(SIGKILL)
            server.wait()
            let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
            throw E2EError.processFailed("fake API server did not announce its port: \(line)\n\(stderr)")
        }
        self.port = port
        try Self.kubeconfigText(port: port).write(to: kubeconfig, atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// Stops the server (idempotent).
    func stop() {
        guard serverLifeline >= 0 else { return }
        close(serverLifeline)
        serverLifeline = -1
        server.send(SIGTERM)
        server.wait()
    }

    /// The environment to run kubectl or k1 in: only the isolated `HOME`, XDG directories and kubeconfig,
    /// a `PATH` that finds kubectl and the usual tools, and a UTF-8 locale.
    var environment: [String: String] {
        let kubectlDirectory = HostTools.kubectl.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let path = ([kubectlDirectory].compactMap { $0 } + ["/usr/local/bin", "/usr/bin", "/bin"]).joined(separator: ":")
        let xdg = root.appendingPathComponent("xdg")
        return [
            "HOME": home.path,
            "XDG_CONFIG_HOME": xdg.appendingPathComponent("config").path,
            "XDG_STATE_HOME": xdg.appendingPathComponent("state").path,
            "XDG_CACHE_HOME": xdg.appendingPathComponent("cache").path,
            "XDG_DATA_HOME": xdg.appendingPathComponent("data").path,
            "KUBECONFIG": kubeconfig.path,
            "PATH": path,
            "LANG": "C.UTF-8",
        ]
    }

    /// The requests the server has answered so far, oldest first (`GET /api/v1/namespaces/shop/pods?limit=500`).
    func requests() -> [String] {
        let text = (try? String(contentsOf: requestLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Whether any request so far asked for `path` (the part before `?`), with any method and query.
    func requested(_ path: String) -> Bool {
        requests().contains { $0.split(separator: " ").dropFirst().first?.split(separator: "?").first.map(String.init) == path }
    }

    /// Runs the real kubectl with `arguments` in this fixture's environment.
    func kubectl(_ arguments: [String]) throws -> ProcessOutput {
        guard let kubectl = HostTools.kubectl else { throw E2EError.processFailed("kubectl is not installed") }
        return try ProcessRunner.run(kubectl, arguments, environment: environment)
    }

    /// A kubeconfig with cluster `fake` at the server, context `fake-ctx` (namespace `default`) and an anonymous user.
    static func kubeconfigText(port: Int) -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: http://127.0.0.1:\(port)
        contexts:
        - name: fake-ctx
          context:
            cluster: fake
            namespace: default
            user: anonymous
        current-context: fake-ctx
        users:
        - name: anonymous
          user: {}
        preferences: {}

        """
    }
}
