import Foundation
import KubectlKit
import LLM
import Session
import Synchronization
import HTTP
import Translate

/// The micro-benchmarks of the parts that run on every keystroke or request: an answer-cache hit (the cache alone, and
/// the whole ``Translator`` path), the normaliser, the risk classifier, `get`-table parsing, prompt building, example
/// retrieval, explaining a command, and tab completion (``CompletionMicro``).
public enum BenchmarkMicroSuite {
    /// Commands the text benchmarks cycle through, a mix of short and long lines.
    public static let commands = [
        "kubectl get pods -n shop",
        "kubectl get po -A -o wide --field-selector=status.phase!=Running",
        "kubectl delete pod payments-api-7d9f8-x2k4q worker-6d8f7-abc12 -n shop",
        "kubectl scale deploy/web --replicas 5 -n shop",
        "kubectl exec -it redis-0 -c redis -- redis-cli info",
        "kubectl logs -f deployment/orders --tail=100 --since=1h",
        "kubectl get deployment payments-api -o jsonpath='{.spec.template.spec.containers[*].image}'",
        "kubectl drain worker-2 --ignore-daemonsets --delete-emptydir-data --force",
    ]

    /// A `kubectl get pods` table with `rows` rows, a few of them failing.
    public static func podTable(rows: Int) -> String {
        var lines = ["NAME                                READY   STATUS             RESTARTS        AGE"]
        for index in 0..<rows {
            let name = "payments-api-7d9f8-\(String(format: "%05d", index))"
            let (ready, status, restarts) = index % 7 == 3 ? ("0/1", "CrashLoopBackOff", "14 (2m ago)")
                                                           : ("1/1", "Running", "0")
            lines.append(name.padding(toLength: 36, withPad: " ", startingAt: 0)
                         + ready.padding(toLength: 8, withPad: " ", startingAt: 0)
                         + status.padding(toLength: 19, withPad: " ", startingAt: 0)
                         + restarts.padding(toLength: 16, withPad: " ", startingAt: 0) + "3h")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The suite. The cache benchmarks use a cache file in `directory`, which the caller removes afterwards.
    public static func make(directory: URL) throws -> [BenchmarkMicro] {
        let commands = self.commands
        let counter = Counter()
        let cacheURL = directory.appendingPathComponent("llm_cache.json")
        let cache = AnswerCache(url: cacheURL, ttlDays: 0, maxEntries: 5000, warn: { _ in })
        let context = SessionContext(namespace: "shop", lastResource: "pods")
        let request = "restart the failing ones"
        let translator = Translator(backendProvider: { throw LLMError(.configuration, "a cache hit needs no backend") },
                                    modelName: "micro-benchmark", cache: cache)
        let key = translator.cacheKey(for: request, context: context)
        // A realistic cache: a thousand other answers around the one looked up.
        for index in 0..<999 {
            let other = translator.cacheKey(for: "request number \(index)", context: context)
            try cache.store(other, request: "request number \(index)", command: "kubectl get pods", model: "micro-benchmark",
                            promptVersion: translator.promptVersion, source: .model)
        }
        try cache.store(key, request: request, command: "kubectl delete pod payments-api-7d9f8-x2k4q -n shop",
                        model: "micro-benchmark", promptVersion: translator.promptVersion, source: .model)
        let table = podTable(rows: 50)
        let retriever = ExampleRetriever.shipped
        let requests = ["scael checkout to 4 replicas", "logs of payments-api-7d9f8-x2k4q from the last hour",
                        "which pods run on worker-3", "drain worker-2 but ignore daemonsets", "pods"]
        let podsType = ResourceCatalog.lookup("pods")
        let listingContext: SessionContext = {
            var context = SessionContext(namespace: "shop")
            if let command = try? KubectlCommand.parse(line: "kubectl get pods") {
                ContextTracker.apply(command, line: "kubectl get pods", exitStatus: 0, output: podTable(rows: 20), to: &context)
            }
            return context
        }()

        return [
            BenchmarkMicro(name: "cache hit", detail: "AnswerCache.lookup, 1000 entries, in-process") {
                _ = cache.lookup(key)
            },
            BenchmarkMicro(name: "translator cache hit", detail: "Translator.translate answered by the cache (key, risk, validation)") {
                _ = try? await translator.translate(request, context: context)
            },
            BenchmarkMicro(name: "normaliser", detail: "CommandNormaliser.normalise, \(commands.count) commands in turn") {
                _ = CommandNormaliser.normalise(commands[counter.next() % commands.count])
            },
            BenchmarkMicro(name: "risk classifier", detail: "RiskClassifier.classify, \(commands.count) commands in turn") {
                _ = RiskClassifier.classify(commands[counter.next() % commands.count])
            },
            BenchmarkMicro(name: "get-table parsing", detail: "GetTableParser.parse, 50-row pods table") {
                _ = GetTableParser.parse(table, defaultResource: podsType)
            },
            BenchmarkMicro(name: "prompt build", detail: "PromptBuilder.prepare with a 20-row listing, 4 retrieved examples") {
                _ = PromptBuilder.prepare(request: "delete the failing ones", context: listingContext)
            },
            BenchmarkMicro(name: "explain", detail: "CommandExplainer.explain from kubectl's help, \(commands.count) commands in turn") {
                _ = try? CommandExplainer.explain(commands[counter.next() % commands.count], context: context)
            },
            BenchmarkMicro(name: "example retrieval", detail: "ExampleRetriever.nearest, 4 of \(retriever.bank.examples.count) examples, \(requests.count) requests in turn") {
                _ = retriever.nearest(to: requests[counter.next() % requests.count], context: [], count: 4)
            },
        ] + CompletionMicro.make()
    }

    /// A thread-safe round-robin counter.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> Int { value.withLock { $0 += 1; return $0 } }
    }
}
