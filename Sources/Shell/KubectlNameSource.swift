import Foundation
import Support

/// Live object names for completion, fetched with `kubectl get TYPE -o name` in the background.
/// A Tab waits at most `waitBudget` for a fetch; results are cached for `freshFor` seconds, and a stale or late answer
/// is still used on the next Tab, so completion never freezes the line even when the cluster is unreachable.
public final class KubectlNameSource: CompletionDataSource, @unchecked Sendable {
    private let kubectl: String
    private let contextProvider: @Sendable () -> String?
    private let waitBudget: TimeInterval
    private let freshFor: TimeInterval
    private let lock = NSLock()
    private var cache: [String: (names: [String], at: Date)] = [:]
    private var inFlight: [String: DispatchSemaphore] = [:]

    /// Creates a source. `context` returns the session's kube context (nil: kubeconfig's).
    public init(kubectl: String = "kubectl", waitBudget: TimeInterval = 1.0, freshFor: TimeInterval = 5,
                context: @escaping @Sendable () -> String? = { nil }) {
        self.kubectl = kubectl
        self.contextProvider = context
        self.waitBudget = waitBudget
        self.freshFor = freshFor
    }

    public func contexts() -> [String] { KubeconfigReader.read().contexts }

    /// Starts fetching names in the background without waiting (e.g. namespaces at start-up), so the first Tab is fast.
    public func prefetch(resource: String, namespace: String?) {
        _ = names(resource: resource, namespace: namespace, wait: 0)
    }

    public func names(resource: String, namespace: String?) -> [String] {
        names(resource: resource, namespace: namespace, wait: waitBudget)
    }

    private func names(resource: String, namespace: String?, wait: TimeInterval) -> [String] {
        var args = ["get", resource, "-o", "name", "--request-timeout=3s"]
        if let namespace, resource != "namespaces", resource != "nodes" { args += ["-n", namespace] }
        if let context = contextProvider() { args += ["--context", context] }
        let key = args.joined(separator: " ")
        let now = Date()
        let (cached, waiter): ([String]?, DispatchSemaphore?) = lock.withLock {
            if let hit = cache[key], now.timeIntervalSince(hit.at) < freshFor { return (hit.names, nil) }
            if let running = inFlight[key] { return (cache[key]?.names, running) }
            let done = DispatchSemaphore(value: 0)
            inFlight[key] = done
            let argv = [kubectl] + args
            // A task, not a blocked thread: the Tab that waits for it may itself hold one of the few threads.
            Task.detached(priority: .utility) { [weak self] in
                let names = await Self.fetch(argv)
                self?.lock.withLock {
                    if let names { self?.cache[key] = (names, Date()) }
                    self?.inFlight[key] = nil
                }
                done.signal()
            }
            return (cache[key]?.names, done)
        }
        if let waiter, waiter.wait(timeout: .now() + wait) == .success {
            waiter.signal()   // let other waiters through
            return lock.withLock { cache[key]?.names } ?? cached ?? []
        }
        return cached ?? []
    }

    /// Longest a fetch may run (kubectl's own `--request-timeout=3s` normally ends it first).
    static let fetchDeadline = Duration.seconds(10)

    /// Runs kubectl and returns the names (without `type/` prefixes), or nil on failure.
    static func fetch(_ argv: [String]) async -> [String]? {
        guard let program = argv.first else { return nil }
        let command = ProcessCommand(program, arguments: Array(argv.dropFirst()), errorLimit: .discard,
                                     deadline: fetchDeadline)
        guard let result = try? await ProcessRunner.run(command), result.succeeded else { return nil }
        return parseNames(result.outputText)
    }

    /// `pod/web-0\npod/web-1` → `["web-0", "web-1"]`.
    public static func parseNames(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            return text.split(separator: "/", maxSplits: 1).last.map(String.init)
        }
    }
}
