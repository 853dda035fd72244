import Foundation
import Support
import Testing
@testable import Translate
@testable import Bench
import TestSupport

@Suite("SyntaxOracle")
struct SyntaxOracleTests {
    /// Whether a kubectl binary is on `PATH`.
    static let kubectlAvailable = ExecutableLocator.locate("kubectl", environment: ProcessInfo.processInfo.environment) != nil

    @Test func sandboxRedirectsKubeconfigAndServerFlags() {
        let confined = SyntaxOracleSandbox.confine(
            ["get", "pods", "--kubeconfig", "/root/.kube/config", "--server=https://prod:6443", "-s", "https://x",
             "--kubeconfig=/etc/k", "-shttps://y", "--", "--kubeconfig", "kept"],
            kubeconfigPath: "/tmp/sandbox/kubeconfig")
        #expect(confined == ["get", "pods", "--kubeconfig", "/tmp/sandbox/kubeconfig", "--server=http://127.0.0.1:1",
                             "-s", "http://127.0.0.1:1", "--kubeconfig=/tmp/sandbox/kubeconfig", "-shttp://127.0.0.1:1",
                             "--", "--kubeconfig", "kept"])
        #expect(SyntaxOracleSandbox.confine(["get", "pods", "-n", "shop"], kubeconfigPath: "k") == ["get", "pods", "-n", "shop"])
    }

    @Test func sandboxEnvironmentKeepsNothingOfTheCaller() throws {
        let (directory, kubeconfig) = try SyntaxOracleSandbox.make()
        defer { SyntaxOracleSandbox.remove(directory) }
        let environment = SyntaxOracleSandbox.environment(directory: directory, kubeconfig: kubeconfig)
        #expect(environment["HOME"] == directory.path)
        #expect(environment["KUBECONFIG"] == kubeconfig.path)
        #expect(environment["PATH"] == directory.appendingPathComponent("bin").path)
        #expect(try String(contentsOf: kubeconfig, encoding: .utf8).contains("server: \"http://127.0.0.1:1\""))
    }

    @Test func linesThatAreNotOneKubectlCommandNeedNoKubectl() throws {
        func failure(_ line: String) -> SyntaxOracleVerdict? {
            if case .failure(let verdict) = SyntaxOracle.arguments(of: line) { return verdict }
            return nil
        }
        #expect(failure("kubectl get pods | grep web")?.reason == .shellSyntax)
        #expect(failure("kubectl get pods -l 'app=web")?.reason == .shellSyntax)
        #expect(failure("helm list")?.reason == .notKubectl)
        #expect(failure("")?.reason == .notKubectl)
        #expect(failure("kubectl")?.reason == .usageError)
        #expect(try SyntaxOracle.arguments(of: "kubectl get pods -l 'app in (a,b)'").get() == ["get", "pods", "-l", "app in (a,b)"])
    }

    @Test func cacheKeepsVerdictsPerKubectlVersion() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = SyntaxOracleCache(directory: directory, kubectlVersion: "v1.32.4")
        let verdict = SyntaxOracleVerdict(valid: false, reason: .usageError, message: "unknown flag: --bogus")
        cache.store(verdict, for: ["get", "pods", "--bogus"])
        try cache.save()
        #expect(cache.url.lastPathComponent == "syntax-v1.32.4.json")
        let reopened = SyntaxOracleCache(directory: directory, kubectlVersion: "v1.32.4")
        #expect(reopened.verdict(for: ["get", "pods", "--bogus"]) == verdict)
        #expect(reopened.verdict(for: ["get", "pods"]) == nil)
        // Argument lists never collide through spacing.
        #expect(SyntaxOracleCache.key(["get", "pods x"]) != SyntaxOracleCache.key(["get", "pods", "x"]))
        // Another kubectl version starts empty.
        #expect(SyntaxOracleCache(directory: directory, kubectlVersion: "v1.33.0").count == 0)
    }

    @Test func cacheSaveMergesWithOtherWriters() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = SyntaxOracleCache(directory: directory, kubectlVersion: "v1")
        let second = SyntaxOracleCache(directory: directory, kubectlVersion: "v1")
        first.store(SyntaxOracleVerdict(valid: true, reason: .reachedServer), for: ["get", "pods"])
        second.store(SyntaxOracleVerdict(valid: true, reason: .succeeded), for: ["version", "--client"])
        try first.save()
        try second.save()
        #expect(SyntaxOracleCache(directory: directory, kubectlVersion: "v1").count == 2)
    }

    @Test(.enabled(if: kubectlAvailable, "kubectl is not installed"))
    func realKubectlSeparatesSyntaxFromConnectionErrors() async throws {
        // A generous limit: none of these commands serves or waits, and a busy machine must not turn a late usage
        // error into a time-out.
        let oracle = try #require(await SyntaxOracle(timeout: 20, cacheDirectory: nil))
        #expect(oracle.kubectlVersion.hasPrefix("v"))
        let cases: [(String, Bool)] = [
            ("kubectl get pods --bogus", false),
            ("kubectl frobnicate pods", false),
            ("kubectl scale deployment web", false),
            ("kubectl top pods --sort-by=age", false),
            ("kubectl get pods", true),
            ("kubectl scale deployment web --replicas=3", true),
            ("kubectl apply -f missing.yaml", true),
            ("kubectl config use-context prod-eu", true),
            ("kubectl version --client", true),
            ("kubectl exec -it redis-0 -- sh", true),
        ]
        let verdicts = await oracle.verdicts(for: cases.map(\.0))
        for ((line, valid), verdict) in zip(cases, verdicts) {
            #expect(verdict.valid == valid, "\(line): \(verdict)")
        }
    }

    @Test(.enabled(if: kubectlAvailable, "kubectl is not installed"))
    func oracleAnswersFromItsCacheAndServesAsCommandOracle() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let oracle = try #require(await SyntaxOracle(cacheDirectory: directory))
        #expect(await oracle.check("kubectl get pods --bogus").map(\.kind) == [.rejectedByOracle])
        #expect(await oracle.check("kubectl get pods").isEmpty)
        try oracle.saveCache()
        let reopened = try #require(await SyntaxOracle(cacheDirectory: directory))
        #expect(reopened.cache?.verdict(for: ["get", "pods", "--bogus"])?.valid == false)
        #expect(reopened.cache?.verdict(for: ["get", "pods"])?.valid == true)
    }

    @Test(.enabled(if: kubectlAvailable, "kubectl is not installed"))
    func serveCommandsAreEndedAndValid() async throws {
        let oracle = try #require(await SyntaxOracle(timeout: 1, cacheDirectory: nil))
        let verdict = await oracle.verdict(for: "kubectl proxy --port=0")
        #expect(verdict.valid, "\(verdict)")
    }

    /// Every expected kubectl command of the shipped dataset must be valid for the real kubectl.
    @Test(.enabled(if: kubectlAvailable, "kubectl is not installed"))
    func everyExpectedCommandOfTheDatasetIsValidKubectl() async throws {
        try await expectValid(BenchmarkDataset.load(from: ShippedBenchmark.url))
    }

    /// Every expected command of the long-tail dataset must be valid for the real kubectl.
    @Test(.enabled(if: kubectlAvailable, "kubectl is not installed"))
    func everyExpectedCommandOfTheLongtailDatasetIsValidKubectl() async throws {
        try await expectValid(LongtailBenchmark.load())
    }

    private func expectValid(_ dataset: BenchmarkDataset) async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let oracle = try #require(await SyntaxOracle(cacheDirectory: directory))
        // `k1 explain kubectl …` (the answer to a question about a command) is not a command for kubectl to judge.
        let commands = dataset.cases.flatMap { item in item.expected.map { (item.id, $0) } }
            .filter { !$0.1.hasPrefix(BenchmarkRunner.explainPrefix) }
        let verdicts = await oracle.verdicts(for: commands.map(\.1))
        for ((id, command), verdict) in zip(commands, verdicts) {
            #expect(verdict.valid, "\(id): \(command) → \(verdict.reason.rawValue): \(verdict.message)")
        }
    }
}
