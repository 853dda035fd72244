import Foundation
import Support
import Synchronization

/// `k1 bench --micro`'s start-up measurement: the time from launching `k1 shell` on a pseudo-terminal (through
/// `script`, as a user's terminal would) to the first prompt on the screen. Each run gets fresh, empty config, state
/// and cache directories, so no history, configuration or warm-up is involved.
public enum StartupMicro {
    /// The name in the micro-benchmark table.
    public static let name = "start to first prompt"
    /// The description in the micro-benchmark table.
    public static let detail = "k1 shell on a pseudo-terminal until its prompt shows, empty config and state"

    /// Times `samples` start-ups, or returns nil where `script` (util-linux) or k1's own executable cannot be found or
    /// the prompt never showed.
    public static func measure(samples: Int, directory: URL) async -> BenchmarkMicroResult? {
        guard let script = ["/usr/bin/script", "/bin/script"].first(where: ExecutableLocator.isExecutableFile),
              let k1 = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let home = directory.appendingPathComponent("startup").path
        var times: [Double] = []
        for _ in 0..<max(1, samples) {
            guard let nanoseconds = await launchUntilPrompt(script: script, k1: k1, home: home) else { return nil }
            times.append(nanoseconds)
        }
        guard let median = BenchmarkStatistics.median(times), let p95 = BenchmarkStatistics.percentile(times, 95),
              let fastest = times.min() else { return nil }
        return BenchmarkMicroResult(name: name, detail: detail, iterations: times.count, samples: times.count,
                                    medianNanoseconds: median, p95Nanoseconds: p95, minNanoseconds: fastest)
    }

    /// How long the prompt may take to show.
    static let promptLimit = Duration.seconds(5)

    /// Launches `k1 shell` under `script`, waits for the prompt, then quits it (`:quit`).
    /// - Returns: nanoseconds from the launch to the prompt, or nil when it did not show within ``promptLimit``.
    static func launchUntilPrompt(script: String, k1: String, home: String) async -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        let seen = Mutex<(bytes: [UInt8], promptAt: ContinuousClock.Instant?)>(([], nil))
        let prompt = Array("›".utf8)
        let command = ProcessCommand(
            script, arguments: ["-qfec", "'\(k1)' shell", "/dev/null"],
            environment: .inheriting(overrides: [
                "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state", "XDG_CACHE_HOME": home + "/cache",
                "TERM": ProcessInfo.processInfo.environment["TERM"] ?? "xterm",
            ]),
            input: .replies, outputLimit: .discard, errorLimit: .discard,
            // The prompt's limit, and as long again to quit.
            deadline: promptLimit * 2,
            observer: { stream, chunk in
                guard stream == .standardOutput else { return .nothing }
                let shown = seen.withLock { state -> Bool in
                    guard state.promptAt == nil else { return false }
                    state.bytes.append(contentsOf: chunk)
                    guard state.bytes.firstRange(of: prompt) != nil else { return false }
                    state.promptAt = clock.now
                    return true
                }
                return shown ? .sendAndClose(Array(":quit\r".utf8)) : .nothing
            })
        guard (try? await ProcessRunner.run(command)) != nil,
              let promptAt = seen.withLock({ $0.promptAt }), promptAt - start <= promptLimit else { return nil }
        let (seconds, attoseconds) = (promptAt - start).components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}
