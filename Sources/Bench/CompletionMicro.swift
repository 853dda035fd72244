import Foundation
import LineEditor
import Shell

/// The completion micro-benchmark: ``ShellCompleter`` over fixed names, no cluster.
enum CompletionMicro {
    /// Tab completion over fixed names (no cluster): a verb, a resource type, an object name and a flag value.
    static func make() -> [BenchmarkMicro] {
        let completer = ShellCompleter(source: FixedNames(), sessionNamespace: { "shop" })
        let requests = [
            "kubectl ge", "kubectl get depl", "kubectl logs payments-api-7", "kubectl get pods -n ku",
            "kubectl describe deploy/or", "kubectl get pods --sort",
        ].map { line -> CompletionRequest in
            let word = String(line.split(separator: " ").last ?? "")
            return CompletionRequest(line: line, word: word, start: line.count - word.count, end: line.count)
        }
        let counter = RoundRobin()
        return [BenchmarkMicro(name: "completion candidates",
                               detail: "ShellCompleter.candidates, \(requests.count) lines in turn, 200 names") {
            _ = completer.candidates(for: requests[counter.next() % requests.count])
        }]
    }
}

/// Completion names without a cluster: 200 pods, a few deployments and namespaces.
private struct FixedNames: CompletionDataSource {
    static let pods = (0..<200).map { "payments-api-7d9f8-\(String(format: "%05d", $0))" }
    func names(resource: String, namespace: String?) -> [String] {
        switch resource {
        case "pods": Self.pods
        case "deployments": ["checkout", "orders", "payments-api", "web"]
        case "namespaces": ["default", "kube-system", "monitoring", "payments", "shop"]
        default: []
        }
    }
    func contexts() -> [String] { ["dev", "prod-eu", "staging"] }
}

/// A thread-safe round-robin counter.
private final class RoundRobin: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
