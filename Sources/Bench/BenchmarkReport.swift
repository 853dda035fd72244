import Foundation

/// Everything one `k1 bench` run measured, as written by `--json`: the set-up that makes it reproducible (dataset
/// fingerprint, split, repetitions, prompt version, seeds, model hashes, kubectl version) and each model's run.
public struct BenchmarkReport: Sendable, Equatable, Codable {
    /// The k1 version.
    public var k1Version: String
    /// When the run started.
    public var createdAt: Date
    /// The dataset file.
    public var dataset: String
    /// FNV-1a-128 of the dataset file's bytes.
    public var datasetHash: String
    /// The split run.
    public var split: BenchmarkSplit
    /// The categories run (all when empty).
    public var categories: [BenchmarkCategory]
    /// Cases run per model.
    public var cases: Int
    /// Repetitions of each case.
    public var repetitions: Int
    /// Whether k1's answer cache could answer.
    public var cacheEnabled: Bool
    /// The provider asked for (`auto`, `llamacpp`, …).
    public var provider: String
    /// The kubectl version of the syntax oracle; nil when kubectl was absent (syntax unscored).
    public var kubectlVersion: String?
    /// CPU cores of the machine.
    public var cpuCores: Int?
    /// The 1-minute load average when the run started (other work on the machine inflates latencies).
    public var loadAverage: Double?
    /// The 1-minute load average when the run ended.
    public var loadAverageAfter: Double?
    /// How latency was taken: nil for `k1 ask`'s call (from the request to the answer), or the typist's description
    /// for the wait after Enter in `k1 shell` (``Typist``).
    public var typist: String?
    /// One entry per model, in the order asked.
    public var runs: [BenchmarkRun]

    /// Creates a report.
    public init(k1Version: String, createdAt: Date, dataset: String, datasetHash: String, split: BenchmarkSplit,
                categories: [BenchmarkCategory], cases: Int, repetitions: Int, cacheEnabled: Bool, provider: String,
                kubectlVersion: String?, cpuCores: Int? = nil, loadAverage: Double? = nil, runs: [BenchmarkRun]) {
        self.k1Version = k1Version
        self.createdAt = createdAt
        self.dataset = dataset
        self.datasetHash = datasetHash
        self.split = split
        self.categories = categories
        self.cases = cases
        self.repetitions = repetitions
        self.cacheEnabled = cacheEnabled
        self.provider = provider
        self.kubectlVersion = kubectlVersion
        self.cpuCores = cpuCores
        self.loadAverage = loadAverage
        self.runs = runs
    }

    /// Whether the machine was busy (a load average above 1) when the run started or ended: its milliseconds then
    /// say more about the other work than about k1.
    public var machineWasBusy: Bool {
        (loadAverage ?? 0) > 1 || (loadAverageAfter ?? 0) > 1
    }

    /// Pretty, key-sorted JSON with ISO 8601 dates.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Decodes a report written by ``jsonData()``.
    public static func decode(_ data: Data) throws -> BenchmarkReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BenchmarkReport.self, from: data)
    }
}
