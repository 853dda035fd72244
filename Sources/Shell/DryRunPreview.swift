import Foundation
import KubectlKit
import Session
import Support

/// Tries a write suggestion on the server before the user's Enter: the same arguments plus `--dry-run=server`
/// (and `-o name` where the verb has `-o`), with the session's `-n`/`--context` injected exactly as the real run
/// (``CommandPlan``), under a deadline. The server checks and admits the request but changes nothing.
///
/// `scale` also reads the current replica count, so the preview can say `2 → 5`. Verbs without a dry run
/// (`exec`, `attach`, `cp`, `port-forward`, `proxy`, `edit`, `debug`, `logs`) are never run: the preview says so.
public struct DryRunPreview: Sendable {
    /// Runs argv with captured output (the real one: ``CommandRunner/capture(argv:)``).
    public typealias Capture = @Sendable ([String]) async -> CapturedRun

    /// The kubectl binary.
    public let kubectl: String
    /// How long the dry run (and the read beside it) may take.
    public let timeout: Duration
    let capture: Capture

    /// Verbs that have no dry run, and must never run for a preview.
    static let noDryRunVerbs: Set<String> = ["exec", "attach", "cp", "port-forward", "proxy", "edit", "debug", "logs"]

    /// Creates a preview runner.
    public init(kubectl: String = "kubectl", timeout: Duration = .seconds(2),
                capture: @escaping Capture = { await CommandRunner().capture(argv: $0) }) {
        self.kubectl = kubectl
        self.timeout = timeout
        self.capture = capture
    }

    /// Previews `command` in `context`; nil for a command that changes nothing (no preview needed).
    public func preview(_ command: String, context: SessionContext) async -> PreviewResult? {
        let assessment = RiskClassifier.classify(command)
        guard assessment.risk == .changes || assessment.risk == .deletes || assessment.risk == .unknown else { return nil }
        guard let plan = Self.plan(command, context: context, kubectl: kubectl) else {
            let parsed = ShellWords.hasShellSyntax(command) ? nil : (try? KubectlCommand.parse(line: command))
            return PreviewResult(.unsupported(parsed?.verb ?? "a shell line"), milliseconds: 0)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let read = plan.read
        // One after the other: the read (scale only) is one short GET. (An `async let` here crashed optimised builds
        // in swift_release when there was no read.)
        let runs = await Self.withDeadline(timeout) { [capture] in
            var current: CapturedRun?
            if let read { current = await capture(read) }
            let dry = await capture(plan.argv)
            return (dry, current)
        }
        let milliseconds = (clock.now - start).milliseconds
        guard let (dry, current) = runs else {
            return PreviewResult(.timedOut(timeout), milliseconds: milliseconds)
        }
        return PreviewResult(Self.outcome(dry, current: current, plan: plan), milliseconds: milliseconds)
    }

    /// What to run for a preview.
    struct Plan: Sendable, Equatable {
        /// The dry run.
        var argv: [String]
        /// The read of the current replicas (`scale` only).
        var read: [String]?
        /// The verb as the preview line says it (`delete`, `scale`, `cordon`).
        var verb: String
        /// The replicas asked for (`scale`).
        var replicas: String?
    }

    /// The dry run for `command` with the session's namespace and context, or nil when it has none (a verb without
    /// `--dry-run`, a shell line, a line that already is a dry run, a line k1 cannot split).
    static func plan(_ command: String, context: SessionContext, kubectl: String) -> Plan? {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl"
        else { return nil }
        let parsed = KubectlCommand.parse(words)
        guard let verb = parsed.verb, !noDryRunVerbs.contains(verb), !parsed.isDryRun,
              KubectlCommandTable.flag(named: "dry-run", verb: verb, subverb: parsed.subverb) != nil else { return nil }
        var extra = ["--dry-run=server"]
        if parsed.output == nil, KubectlCommandTable.flag(named: "output", verb: verb, subverb: parsed.subverb) != nil {
            extra += ["-o", "name"]
        }
        var dryWords = words
        dryWords.insert(contentsOf: extra, at: words.firstIndex(of: "--") ?? words.count)
        let made = CommandPlan.make(line: ShellWords.join(dryWords), words: dryWords, usesShell: false, context: context,
                                    kubectl: kubectl)
        guard let argv = made.argv else { return nil }
        var plan = Plan(argv: argv, verb: parsed.subverb.map { "\(verb) \($0)" } ?? verb)
        if verb == "scale", let replicas = parsed.flag("replicas")?.value, parsed.objects.count == 1,
           let object = parsed.objects.first {
            plan.replicas = replicas
            let target = object.resource.map { "\($0.singular)/\(object.name)" } ?? "\(object.resourceWord)/\(object.name)"
            var readWords = ["kubectl", "get", target, "-o", "jsonpath={.spec.replicas}"]
            if let namespace = parsed.namespace { readWords += ["-n", namespace] }
            if let kubeContext = parsed.context { readWords += ["--context", kubeContext] }
            plan.read = CommandPlan.make(line: ShellWords.join(readWords), words: readWords, usesShell: false,
                                         context: context, kubectl: kubectl).argv
        }
        return plan
    }

    /// Reads the dry run's result.
    static func outcome(_ dry: CapturedRun, current: CapturedRun?, plan: Plan) -> PreviewResult.Outcome {
        guard dry.status.succeeded else {
            if case .failedToStart(let why) = dry.status { return .rejected(why.message) }
            let message = firstLine(dry.error) ?? firstLine(dry.output) ?? "kubectl exited with status \(dry.status.code)"
            return .rejected(message)
        }
        let objects = dry.output.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            var text = line.trimmingCharacters(in: .whitespaces)
            // kubectl's own "No resources found" for a selector that selects nothing.
            if text.hasPrefix("No resources found") { return nil }
            if let marker = text.range(of: " (server dry run)") { text = String(text[..<marker.lowerBound]) }
            guard let first = text.split(separator: " ").first else { return nil }
            return String(first).replacingOccurrences(of: "\"", with: "")
        }
        guard !objects.isEmpty else { return .nothingMatches }
        if let replicas = plan.replicas, let current,
           current.status.succeeded, !current.output.trimmingCharacters(in: .whitespaces).isEmpty {
            return .scale(objects[0], from: current.output.trimmingCharacters(in: .whitespacesAndNewlines), to: replicas)
        }
        return .objects(verb: plan.verb, objects)
    }

    static func firstLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
    }

    /// Runs `work` and returns its value, or nil once `deadline` passes (the work is then cancelled, which
    /// terminates its children, and never waited for).
    static func withDeadline<T: Sendable>(_ deadline: Duration, _ work: @escaping @Sendable () async -> T) async -> T? {
        let once = FirstAnswer<T>()
        let worker = Task { once.give(await work()) }
        let timer = Task {
            try? await Task.sleep(for: deadline)
            once.give(nil)
        }
        return await withTaskCancellationHandler {
            let result = await once.value()
            worker.cancel()
            timer.cancel()
            return result
        } onCancel: {
            worker.cancel()
            once.give(nil)
        }
    }
}

/// The first of several answers, handed to one waiter. (A flag and a plain optional rather than a `T??`: the double
/// optional of a tuple crashed optimised builds in swift_release.)
private final class FirstAnswer<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var answered = false
    private var answer: T?
    private var waiter: CheckedContinuation<T?, Never>?

    func give(_ value: T?) {
        let resume: CheckedContinuation<T?, Never>? = lock.withLock {
            guard !answered else { return nil }
            answered = true
            answer = value
            defer { waiter = nil }
            return waiter
        }
        resume?.resume(returning: value)
    }

    func value() async -> T? {
        await withCheckedContinuation { continuation in
            let ready: (Bool, T?) = lock.withLock {
                if answered { return (true, answer) }
                waiter = continuation
                return (false, nil)
            }
            if ready.0 { continuation.resume(returning: ready.1) }
        }
    }
}

extension DryRunPreview {
    /// The preview the configuration asks for (`preview`, `preview_timeout`), or nil when it is off.
    public init?(config: K1Config) {
        guard config.preview else { return nil }
        self.init(kubectl: config.kubectl, timeout: .milliseconds(Int((config.previewTimeoutSeconds * 1000).rounded())))
    }
}
