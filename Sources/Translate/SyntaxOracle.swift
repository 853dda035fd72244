import Foundation
import KubectlKit
import Support

/// Decides whether a kubectl command line is valid kubectl syntax by running the real kubectl on it, in a sandbox
/// whose only cluster is a closed loopback port (``SyntaxOracleSandbox``): kubectl rejects bad flags, unknown commands
/// and usage errors before it tries to connect, so a connection error means the syntax passed
/// (``SyntaxOracleClassifier``). Each run takes a few tens of milliseconds; verdicts are cached by kubectl version and
/// argument list (``SyntaxOracleCache``).
///
/// It never touches a real cluster: the kubeconfig, `HOME` and working directory are temporary, flags that would
/// point elsewhere are redirected, and every run has a time limit (a command that serves, like `proxy`, is ended
/// and counts as valid).
public final class SyntaxOracle: Sendable {
    /// The kubectl binary run, as an absolute path.
    public let kubectlPath: String
    /// Its client version (`v1.32.4`), part of every cache key.
    public let kubectlVersion: String
    /// Seconds one run may take.
    public let timeout: Double
    /// The verdict cache; nil when caching is off.
    public let cache: SyntaxOracleCache?

    /// Finds kubectl and reads its version.
    /// - Parameters:
    ///   - kubectl: a name looked up in `PATH`, or a path.
    ///   - timeout: seconds one run may take.
    ///   - cacheDirectory: where verdicts are kept (``SyntaxOracleCache/defaultDirectory(paths:)`` by default); nil
    ///     for none.
    ///   - environment: where `PATH` is read.
    /// - Returns: nil when kubectl cannot be found or does not report its version.
    public init?(kubectl: String = "kubectl", timeout: Double = 4,
                 cacheDirectory: URL? = SyntaxOracleCache.defaultDirectory(),
                 environment: [String: String] = ProcessInfo.processInfo.environment) async {
        guard let path = ExecutableLocator.locate(kubectl, environment: environment),
              let version = await Self.clientVersion(kubectlPath: path) else { return nil }
        self.kubectlPath = path
        self.kubectlVersion = version
        self.timeout = timeout
        self.cache = cacheDirectory.map { SyntaxOracleCache(directory: $0, kubectlVersion: version) }
    }

    /// The verdict on a command line (`kubectl …`).
    ///
    /// Lines that are not kubectl commands, or that hold shell syntax or unbalanced quotes, are invalid without
    /// running anything.
    public func verdict(for line: String) async -> SyntaxOracleVerdict {
        switch Self.arguments(of: line) {
        case .success(let arguments): return await verdict(arguments: arguments)
        case .failure(let verdict): return verdict
        }
    }

    /// The verdict on kubectl's arguments (without `kubectl`).
    public func verdict(arguments: [String]) async -> SyntaxOracleVerdict {
        if let cached = cache?.verdict(for: arguments) { return cached }
        let verdict = await run(arguments)
        if verdict.reason != .unavailable { cache?.store(verdict, for: arguments) }
        return verdict
    }

    /// Verdicts on many lines, in order, at most `concurrency` kubectl processes at a time.
    public func verdicts(for lines: [String], concurrency: Int = 4) async -> [SyntaxOracleVerdict] {
        var results = [SyntaxOracleVerdict?](repeating: nil, count: lines.count)
        await withTaskGroup(of: (Int, SyntaxOracleVerdict).self) { group in
            var next = 0
            func addNext() {
                guard next < lines.count else { return }
                let index = next
                let line = lines[index]
                group.addTask { (index, await self.verdict(for: line)) }
                next += 1
            }
            for _ in 0..<max(1, concurrency) { addNext() }
            for await (index, verdict) in group {
                results[index] = verdict
                addNext()
            }
        }
        return results.map { $0 ?? SyntaxOracleVerdict(valid: false, reason: .unavailable) }
    }

    /// Writes new verdicts to the cache file (no-op without a cache).
    public func saveCache() throws {
        try cache?.save()
    }

    // MARK: - Pieces

    /// kubectl's arguments in a command line, or the verdict (as the failure) when the line is not one kubectl
    /// command. Pure.
    public static func arguments(of line: String) -> Result<[String], SyntaxOracleVerdict> {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if ShellWords.hasShellSyntax(trimmed) {
            return .failure(SyntaxOracleVerdict(valid: false, reason: .shellSyntax, message: "shell syntax in the line"))
        }
        guard let words = try? ShellWords.split(trimmed) else {
            return .failure(SyntaxOracleVerdict(valid: false, reason: .shellSyntax, message: "unbalanced quotes"))
        }
        guard let first = words.first, first == "kubectl" || first.hasSuffix("/kubectl") else {
            return .failure(SyntaxOracleVerdict(valid: false, reason: .notKubectl,
                                                 message: "not a kubectl command: \(words.first ?? "(empty)")"))
        }
        guard words.count > 1 else {
            return .failure(SyntaxOracleVerdict(valid: false, reason: .usageError, message: "kubectl with no command"))
        }
        return .success(Array(words.dropFirst()))
    }

    /// Runs kubectl in a fresh sandbox.
    private func run(_ arguments: [String]) async -> SyntaxOracleVerdict {
        let sandbox: (directory: URL, kubeconfig: URL)
        do { sandbox = try SyntaxOracleSandbox.make() } catch {
            return SyntaxOracleVerdict(valid: false, reason: .unavailable, message: "cannot create a sandbox: \(error)")
        }
        defer { SyntaxOracleSandbox.remove(sandbox.directory) }
        let confined = SyntaxOracleSandbox.confine(arguments, kubeconfigPath: sandbox.kubeconfig.path)
        do {
            let result = try await SyntaxOracleProcess.run(
                executable: kubectlPath, arguments: confined,
                environment: SyntaxOracleSandbox.environment(directory: sandbox.directory, kubeconfig: sandbox.kubeconfig),
                directory: sandbox.directory, timeout: timeout)
            return SyntaxOracleClassifier.classify(exitStatus: result.exitStatus, output: result.output,
                                                   timedOut: result.timedOut)
        } catch {
            return SyntaxOracleVerdict(valid: false, reason: .unavailable, message: "cannot run \(kubectlPath): \(error)")
        }
    }

    /// The client's `gitVersion` from `kubectl version --client -o json`.
    static func clientVersion(kubectlPath: String) async -> String? {
        guard let sandbox = try? SyntaxOracleSandbox.make() else { return nil }
        defer { SyntaxOracleSandbox.remove(sandbox.directory) }
        guard let result = try? await SyntaxOracleProcess.run(
                executable: kubectlPath, arguments: ["version", "--client", "-o", "json"],
                environment: SyntaxOracleSandbox.environment(directory: sandbox.directory, kubeconfig: sandbox.kubeconfig),
                directory: sandbox.directory, timeout: 10),
              result.exitStatus == 0, !result.timedOut else { return nil }
        struct Version: Decodable {
            struct Client: Decodable { var gitVersion: String }
            var clientVersion: Client
        }
        let json = result.output.drop { $0 != "{" }
        return (try? JSONDecoder().decode(Version.self, from: Data(json.utf8)))?.clientVersion.gitVersion
    }
}


extension SyntaxOracle: CommandOracle {
    /// The oracle as a check for the ``Translator``: one ``ValidationIssue`` when kubectl rejects the command's syntax.
    public func check(_ command: String) async -> [ValidationIssue] {
        let verdict = await verdict(for: command)
        guard !verdict.valid, verdict.reason == .usageError else { return [] }
        return [ValidationIssue(.rejectedByOracle, "kubectl rejects it: \(verdict.message)")]
    }
}
