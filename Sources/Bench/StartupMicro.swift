import Foundation

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
    public static func measure(samples: Int, directory: URL) -> BenchmarkMicroResult? {
        guard let script = ["/usr/bin/script", "/bin/script"].first(where: FileManager.default.isExecutableFile),
              let k1 = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let home = directory.appendingPathComponent("startup").path
        var times: [Double] = []
        for _ in 0..<max(1, samples) {
            guard let nanoseconds = try? launchUntilPrompt(script: script, k1: k1, home: home) else { return nil }
            times.append(nanoseconds)
        }
        guard let median = BenchmarkStatistics.median(times), let p95 = BenchmarkStatistics.percentile(times, 95),
              let fastest = times.min() else { return nil }
        return BenchmarkMicroResult(name: name, detail: detail, iterations: times.count, samples: times.count,
                                    medianNanoseconds: median, p95Nanoseconds: p95, minNanoseconds: fastest)
    }

    /// Launches `k1 shell` under `script`, waits for the prompt, then quits it.
    /// - Returns: nanoseconds from the launch to the prompt, or nil when it did not show within five seconds.
    static func launchUntilPrompt(script: String, k1: String, home: String) throws -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qfec", "'\(k1)' shell", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        for (key, sub) in [("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")] {
            environment[key] = home + "/" + sub
        }
        environment["TERM"] = environment["TERM"] ?? "xterm"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        defer {
            try? input.fileHandleForWriting.write(contentsOf: Data(":quit\r".utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let prompt = Data("›".utf8)
        var seen = Data()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            seen.append(chunk)
            if seen.range(of: prompt) != nil {
                let (seconds, attoseconds) = (ContinuousClock.now - start).components
                return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
            }
        }
        return nil
    }
}
