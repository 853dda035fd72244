import Foundation
import Testing

/// `k1 bench` end to end: the micro-benchmarks, and a small dataset through the real llama-server with the smallest
/// packaged model. Checks structure only, never the model's wording or any timing.
@Suite("k1 bench", .serialized, .enabled(if: Prerequisites.k1, "needs kubectl, python3 and a built k1"),
       .timeLimit(.minutes(10)))
struct BenchCommandTests {
    @Test func microBenchmarksIncludeTheStartToTheFirstPrompt() throws {
        let fixture = try KubeFixture()
        let out = fixture.root.appendingPathComponent("micro.json")
        let result = try K1Binary.run(["bench", "--micro", "--samples", "1", "--json", out.path], in: fixture,
                                      timeout: .seconds(120))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("micro-benchmark"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [[String: Any]])
        let names = rows.compactMap { $0["name"] as? String }
        for name in ["cache hit", "translator cache hit", "normaliser", "example retrieval", "explain", "completion candidates"] {
            #expect(names.contains(name), "\(name) missing from \(names)")
        }
        if HostTools.find("script") != nil {
            #expect(names.contains("start to first prompt"), "\(names)")
        }
        for row in rows {
            #expect((row["medianNanoseconds"] as? Double ?? 0) > 0, "\(row)")
        }
    }

    @Test func retrievalAloneIsMeasuredPerCategoryAndVoiceWithoutAModel() throws {
        let fixture = try KubeFixture()
        let dataset = fixture.root.appendingPathComponent("retrieval.jsonl")
        try """
        {"id": "r-1", "category": "simple", "voice": "operator", "prompt": "roll back deploy web", "expected": ["kubectl rollout undo deployment/web"]}
        {"id": "r-2", "category": "moderate", "voice": "documentation", "prompt": "Mark the node n1 as unschedulable.", "expected": ["kubectl cordon n1"]}

        """.write(to: dataset, atomically: true, encoding: .utf8)
        let result = try K1Binary.run(["bench", "--retrieval", "--benchmark", dataset.path, "--misses"], in: fixture,
                                      timeout: .seconds(60))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("path+flags"))
        #expect(result.stdout.contains("voice operator") && result.stdout.contains("voice documentation"))
        #expect(result.stdout.contains("all                          2"))
    }

    @Test func badSplitProviderOrCategoryIsRefusedByTheParserWithTheValidValues() throws {
        let fixture = try KubeFixture()
        for (arguments, values) in [(["bench", "--split", "training"], ["dev", "test", "all"]),
                                    (["bench", "--provider", "llama"], ["auto", "llamacpp", "ollama", "openai"]),
                                    (["bench", "--category", "hard"],
                                     ["simple", "moderate", "complex", "edge", "context", "fix", "explain"])] {
            let result = try K1Binary.run(arguments, in: fixture, timeout: .seconds(60))
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("'\(arguments[2])'"), "\(result.stderr)")
            for value in values { #expect(result.stderr.contains(value), "\(value) not listed: \(result.stderr)") }
        }
    }

    @Test(.enabled(if: ModelPrerequisites.available, "needs K1_TEST_GGUF + K1_LLAMA_SERVER (./bootstrap test sets them)"))
    func aSmallDatasetThroughTheRealModelGivesAFullReport() throws {
        let fixture = try KubeFixture()
        let dataset = fixture.root.appendingPathComponent("bench.jsonl")
        try """
        {"id": "simple-001", "category": "simple", "split": "dev", "prompt": "pods in kube-system", "expected": ["kubectl get pods -n kube-system"]}
        {"id": "moderate-001", "category": "moderate", "split": "test", "prompt": "scale web to 3", "expected": ["kubectl scale deployment web --replicas=3"]}
        {"id": "context-001", "category": "context", "split": "test", "prompt": "delete the failing ones", "expected": ["kubectl delete pod web-1"], "context": {"namespace": "shop", "resource": "pods", "listing": {"command": "kubectl get pods", "output": "NAME    READY   STATUS             RESTARTS   AGE\\nweb-0   1/1     Running            0          5m\\nweb-1   0/1     CrashLoopBackOff   7          5m"}}}

        """.write(to: dataset, atomically: true, encoding: .utf8)
        let json = fixture.root.appendingPathComponent("report.json")
        let markdown = fixture.root.appendingPathComponent("report.md")
        // One thread: the suite runs beside timing-sensitive tests on small machines.
        let config = fixture.root.appendingPathComponent("xdg/config/k1/config.yaml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "threads: 1\nidle_minutes: 2\n".write(to: config, atomically: true, encoding: .utf8)
        var environment = fixture.environment
        environment["K1_LLAMA_SERVER"] = ModelPrerequisites.server!
        defer {
            _ = try? ProcessRunner.run(K1Binary.path, ["server", "stop"], environment: environment, input: nil,
                                       timeout: .seconds(30))
        }
        let result = try ProcessRunner.run(
            K1Binary.path,
            ["bench", "--benchmark", dataset.path, "--provider", "llamacpp", "--model", ModelPrerequisites.gguf!,
             "--misses", "--json", json.path, "--markdown", markdown.path],
            environment: environment, input: nil, timeout: .seconds(480))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Pass rate:"))
        #expect(result.stdout.contains("· dev") && result.stdout.contains("· test"), "both splits get a row")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let run = try #require((report["runs"] as? [[String: Any]])?.first)
        #expect(run["temperature"] as? Double == 0)
        #expect(run["seed"] as? Int == 42)
        #expect((run["promptVersion"] as? String)?.hasPrefix("k1-prompt-") == true)
        #expect((run["modelSHA256"] as? String)?.count == 64)
        let outcomes = try #require(run["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == 3)
        for outcome in outcomes {
            // Structure only: every answer is one kubectl line (the server continues the prefilled `kubectl`).
            let produced = try #require(outcome["produced"] as? String, "\(outcome)")
            #expect(produced.hasPrefix("kubectl ") && !produced.contains("\n"), "\(produced)")
            #expect(outcome["semantic"] is Bool && outcome["exact"] is Bool)
        }
        #expect(try String(contentsOf: markdown, encoding: .utf8).contains("| overall |"))
    }
}
