import ArgumentParser
import Foundation
import KubectlKit
import LineEditor
import LLM
import Session
import Shell
import Support
import Translate
import Runtime
import Bench

/// `k1 bench`: the kubectl translation benchmark (exact, semantic and syntax scores per model and category), and
/// `k1 bench --micro`, timings of the parts that must be fast.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the translation of requests into kubectl commands.",
        discussion: """
        Each case of the dataset (JSON Lines) is translated exactly as k1 ask translates it, with temperature 0 and a \
        fixed seed, and scored: exact (identical after whitespace folding), semantic (the same command after \
        normalisation) and syntax (accepted by the real kubectl, run against a closed loopback port; needs kubectl). \
        Several models run one after another: --model qwen2.5-coder-1.5b,smollm2-135m. The answer cache is off unless \
        --cache is given. --micro times the cache, normaliser, risk classifier, completion and table parser instead.
        """
    )

    /// The least request timeout without `--timeout`, in seconds: the first request evaluates the whole prompt.
    static let minimumTimeout: Double = 300

    /// The dataset used when `--benchmark` is not given.
    static let defaultBenchmark = "examples/benchmark/kubectl_benchmark.jsonl"

    @Option(name: .long, help: "The dataset (JSON Lines).")
    var benchmark: String = BenchCommand.defaultBenchmark

    @OptionGroup var backend: ModelOptions

    @Option(name: .long, help: "Only this category (repeatable).")
    var category: [BenchmarkCategory] = []

    @Option(name: .long, help: "Which cases.")
    var split: BenchmarkSplit = .all

    @Option(name: .customLong("repeat"), help: "Run every case this many times.")
    var repetitions: Int = 1

    @Option(name: .long, help: "Run only the first N selected cases.")
    var limit: Int?

    @Option(name: .long, help: "Write the full report (every outcome) as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Write the report as Markdown to this file.")
    var markdown: String?

    @Flag(name: .long, help: "List every failed case with the expected and produced commands.")
    var misses = false

    @Flag(name: .long, help: "Let k1's answer cache answer (off by default: every request asks the model).")
    var cache = false

    @Flag(name: .customLong("no-syntax"), help: "Do not score syntax with kubectl.")
    var noSyntax = false

    @Option(name: .long, help: "Seconds one request may take (default: the configured timeout, at least 300, so that a busy machine measures slowly instead of failing).")
    var timeout: Double?

    @Option(name: .long, help: "Bank examples retrieved into each prompt (default: k1's setting).")
    var examples: Int?

    @Flag(name: .customLong("no-grammar"), help: "Do not constrain llama.cpp's output with the grammar.")
    var noGrammar = false

    @Flag(name: .customLong("no-repair"), help: "Do not ask for a second candidate when kubectl or k1's checks reject the first.")
    var noRepair = false

    @Flag(name: .customLong("no-prune"), help: "Keep optional flags the request does not ask for.")
    var noPrune = false

    @Flag(name: .customLong("no-fixes"), help: "Do not fix answers from the request and session (garbled copies, invented flags, missing namespace); pruning stays unless --no-prune.")
    var noFixes = false

    @Flag(name: .customLong("no-fixed-examples"), help: "Leave the fixed examples out of the prompt (retrieved ones only).")
    var noFixedExamples = false

    @Option(name: .customLong("example-budget"), help: "Most characters of retrieved examples per prompt (default: k1's setting).")
    var exampleBudget: Int?

    @Flag(name: .long, help: "Time each answer as k1 shell gives it to a person typing the request at 8 keys a second who waits 300 ms before Enter: latency is the wait after Enter, with the answer begun at pauses in typing.")
    var typist = false

    @Flag(name: .long, help: "Run the micro-benchmarks instead of the translation benchmark.")
    var micro = false

    @Flag(name: .long, help: "Measure retrieval alone, without the model: is an example of the expected command path (and key flags) among those retrieved?")
    var retrieval = false

    @Option(name: .long, help: "Samples per micro-benchmark.")
    var samples: Int = 101

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1") }
    }

    func run() async throws {
        if micro {
            try await runMicro()
        } else if retrieval {
            try runRetrieval()
        } else {
            try await runBenchmark()
        }
    }

    // MARK: - Retrieval only

    /// `--retrieval`: the selected cases through retrieval alone, counted per category and voice.
    private func runRetrieval() throws {
        let dataset: BenchmarkDataset
        do { dataset = try BenchmarkDataset.load(from: URL(fileURLWithPath: benchmark)) } catch {
            printError("k1: \(error)")
            throw ExitCode.failure
        }
        let cases = dataset.selecting(categories: Set(categories), split: split).cases
        var options = Environment.promptOptions(config: Environment.loadConfig(overrides: backend, strict: true))
        if let examples { options.retrievedExamples = max(0, examples) }
        if let exampleBudget { options.retrievedCharacterBudget = max(0, exampleBudget) }
        print(RetrievalMetric.render(RetrievalMetric.measure(cases, options: options), misses: misses), terminator: "")
    }

    // MARK: - Translation benchmark

    private func runBenchmark() async throws {
        let url = URL(fileURLWithPath: benchmark)
        let dataset: BenchmarkDataset
        do { dataset = try BenchmarkDataset.load(from: url) } catch {
            printError("k1: \(error)")
            throw ExitCode.failure
        }
        let selectedSplit = split
        let selectedCategories = categories
        var cases = dataset.selecting(categories: Set(selectedCategories), split: selectedSplit).cases
        if let limit { cases = Array(cases.prefix(limit)) }
        guard !cases.isEmpty else {
            printError("k1: no cases in \(benchmark) match --split \(split.rawValue)\(category.isEmpty ? "" : " --category \(categories.map(\.rawValue).joined(separator: ","))")")
            throw ExitCode.failure
        }

        let baseConfig = Environment.loadConfig(overrides: backend, strict: true)
        let oracle = noSyntax ? nil : await SyntaxOracle(kubectl: baseConfig.kubectl)
        if !noSyntax && oracle == nil {
            printError("k1: kubectl (\(baseConfig.kubectl)) not found: syntax is not scored")
        }
        let models = Self.modelList(backend.model, default: baseConfig.model)
        let createdAt = Date()
        let loadAverage = Self.loadAverage()
        var runs: [BenchmarkRun] = []
        for model in models {
            runs.append(await runModel(model, cases: cases, oracle: oracle))
        }

        var report = BenchmarkReport(
            k1Version: K1Version.current, createdAt: createdAt, dataset: benchmark,
            datasetHash: StableHash.hex((try? String(contentsOf: url, encoding: .utf8)) ?? ""),
            split: selectedSplit, categories: selectedCategories, cases: cases.count, repetitions: repetitions,
            cacheEnabled: cache, provider: baseConfig.provider.rawValue, kubectlVersion: oracle?.kubectlVersion,
            cpuCores: ProcessInfo.processInfo.activeProcessorCount, loadAverage: loadAverage, runs: runs)
        report.loadAverageAfter = Self.loadAverage()
        if typist { report.typist = Self.typist(baseConfig).summary }
        print(BenchmarkReportRenderer.text(report, misses: misses), terminator: "")
        try write(report)
        if runs.allSatisfy({ $0.failure != nil }) { throw ExitCode.failure }
    }

    /// Runs every case through one model: a warm-up request first (it starts the server and loads the model), then
    /// the timed requests.
    private func runModel(_ model: String, cases: [BenchmarkCase], oracle: SyntaxOracle?) async -> BenchmarkRun {
        var overrides = backend
        overrides.model = model
        var config = Environment.loadConfig(overrides: overrides, strict: true)
        config.timeoutSeconds = timeout ?? max(config.timeoutSeconds, Self.minimumTimeout)
        var promptOptions = Environment.promptOptions(config: config)
        if let examples { promptOptions.retrievedExamples = max(0, examples) }
        promptOptions.useGrammar = !noGrammar
        promptOptions.repair = !noRepair
        promptOptions.pruneFlags = !noPrune
        if noFixedExamples { promptOptions.fixedExamples = false }
        if noFixes { promptOptions.fixAnswers = false }
        if let exampleBudget { promptOptions.retrievedCharacterBudget = max(0, exampleBudget) }
        let translator = Environment.makeTranslator(config: config, useCache: cache, options: promptOptions,
                                                    oracle: oracle)
        let backendKind = (try? await Environment.makeBackend(config: config))?.kind ?? config.provider.rawValue
        let (file, sha256) = await Self.modelFile(config: config, backendKind: backendKind)
        let options = translator.options
        func run(warmup: Double?, duration: Double, failure: String?, outcomes: [BenchmarkOutcome]) -> BenchmarkRun {
            BenchmarkRun(model: model, modelName: translator.modelName, backend: backendKind, modelFile: file,
                         modelSHA256: sha256, promptVersion: translator.promptVersion, temperature: 0,
                         seed: options.seed, maxTokens: options.maxTokens, grammar: options.useGrammar,
                         retrievedExamples: options.retrievedExamples, repair: options.repair,
                         pruneFlags: options.pruneFlags, exampleBudget: options.retrievedCharacterBudget,
                         fixedExamples: options.fixedExamples, fixAnswers: options.fixAnswers,
                         warmupMilliseconds: warmup, durationSeconds: duration, failure: failure, outcomes: outcomes)
        }

        printError("k1 bench: \(model): warming up (starting the model server if needed)…")
        let clock = ContinuousClock()
        let warmupStart = clock.now
        do {
            _ = try await translator.translate("pods in kube-system", context: SessionContext(), useCache: false)
        } catch {
            let reason = TranslationRequestHandler.describe(error)
            printError("k1 bench: \(model): \(reason)")
            return run(warmup: nil, duration: 0, failure: reason, outcomes: [])
        }
        let warmup = (clock.now - warmupStart).milliseconds

        let total = cases.count * repetitions
        let printer = ProgressBarPrinter(ProgressBar(label: model, total: Int64(total), unit: .items("requests")))
        let start = clock.now
        let runner = BenchmarkRunner(repetitions: repetitions, oracle: oracle)
        let outcomes: [BenchmarkOutcome]
        do {
            let translate = typist
                ? BenchmarkRunner.typing(with: translator,
                                         typist: Self.typist(config))
                : BenchmarkRunner.translating(with: translator, useCache: cache)
            outcomes = try await runner.run(cases, translate: translate) { done, _ in
                printer.update(Int64(done))
            }
        } catch {
            printer.finish(0)
            return run(warmup: warmup, duration: 0, failure: "cancelled", outcomes: [])
        }
        printer.finish(Int64(total))
        translator.flushCache()
        return run(warmup: warmup, duration: (clock.now - start).milliseconds / 1000, failure: nil, outcomes: outcomes)
    }

    /// Writes the JSON and Markdown reports asked for.
    private func write(_ report: BenchmarkReport) throws {
        if let json {
            try writeFile(try report.jsonData(), to: json)
        }
        if let markdown {
            try writeFile(Data(BenchmarkReportRenderer.markdown(report, misses: misses).utf8), to: markdown)
        }
    }

    private func writeFile(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
            printError("k1 bench: wrote \(path)")
        } catch {
            printError("k1: cannot write \(path): \(error)")
            throw ExitCode.failure
        }
    }

    /// The categories named by `--category`, each once, in declaration order.
    private var categories: [BenchmarkCategory] { Array(Set(category)).sorted() }

    /// `a,b` → `[a, b]`; the configured model when none is given.
    static func modelList(_ option: String?, default model: String) -> [String] {
        let names = (option ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return names.isEmpty ? [model] : names
    }

    /// The GGUF file k1 serves for the model and its sha256 (the packaged checksum when the install was verified,
    /// else computed); nil for models another server holds.
    static func modelFile(config: K1Config, backendKind: String) async -> (String?, String?) {
        guard backendKind == "llamacpp", config.url.trimmingCharacters(in: .whitespaces).isEmpty else { return (nil, nil) }
        let installer = ModelInstaller(paths: Environment.paths)
        switch ModelCatalog.reference(for: config.model, paths: Environment.paths) {
        case .packaged(let model, let url):
            guard FileManager.default.fileExists(atPath: url.path) else { return (url.path, nil) }
            if installer.state(of: model) == .verified { return (url.path, model.sha256) }
            return (url.path, try? await installer.sha256(of: url))
        case .file(let url):
            guard FileManager.default.fileExists(atPath: url.path) else { return (url.path, nil) }
            return (url.path, try? await installer.sha256(of: url))
        case .unknown:
            return (nil, nil)
        }
    }

    /// The 1-minute load average, if the system says.
    /// The simulated typist for `--typist`: the shell's line reports and its configured answer pause.
    static func typist(_ config: K1Config) -> Typist {
        Typist(pauseMilliseconds: Double(SpeculativeAnswer.reportPause(typingPauseMilliseconds: config.typingPauseMilliseconds,
                                                                       readAhead: config.readAhead)),
               answerPauseMilliseconds: Double(config.typingPauseMilliseconds), readAhead: config.readAhead)
    }

    static func loadAverage() -> Double? {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) >= 1 ? loads[0] : nil
    }

    // MARK: - Micro-benchmarks

    private func runMicro() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("k1-micro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = try BenchmarkMicroSuite.make(directory: directory)
        var results: [BenchmarkMicroResult] = []
        for item in suite {
            printError("k1 bench: timing \(item.name)…")
            results.append(await item.measure(samples: samples))
        }
        printError("k1 bench: timing \(StartupMicro.name)…")
        // A start-up takes tens of milliseconds: fewer samples keep the run short.
        if let startup = await StartupMicro.measure(samples: min(samples, 21), directory: directory) {
            results.append(startup)
        } else {
            printError("k1 bench: \(StartupMicro.name) not measured: needs script (util-linux)")
        }
        #if DEBUG
        print("(debug build: build with -c release for representative numbers)")
        #endif
        print(BenchmarkMicroResult.table(results).text())
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try writeFile(try encoder.encode(results), to: json)
        }
        if let markdown {
            try writeFile(Data(("# k1 bench --micro\n\n" + BenchmarkMicroResult.table(results).markdown() + "\n").utf8), to: markdown)
        }
    }
}
