import Foundation
import KubectlKit
import Testing
@testable import Translate
@testable import Bench
import TestSupport

@Suite("Example bank")
struct ExampleBankTests {
    static let bank = ExampleBank.shipped

    @Test func shippedBankIsLargeAndCoversEveryCommonVerb() {
        #expect(Self.bank.examples.count >= 600)
        let verbs = Set(Self.bank.examples.compactMap { $0.command.split(separator: " ").dropFirst().first.map(String.init) })
        for verb in ["get", "describe", "logs", "exec", "port-forward", "scale", "rollout", "set", "label", "annotate",
                     "patch", "apply", "create", "expose", "run", "delete", "cp", "drain", "cordon", "uncordon", "taint",
                     "top", "explain", "api-resources", "auth", "config", "autoscale", "wait", "diff", "debug", "events",
                     "edit", "replace", "attach", "proxy", "certificate", "version", "cluster-info"] {
            #expect(verbs.contains(verb), "no example for kubectl \(verb)")
        }
    }

    @Test func requestsAreDistinctInTheirContext() {
        var seen: [String: Int] = [:]
        for (index, example) in Self.bank.examples.enumerated() {
            let key = example.context.joined(separator: "\n") + "\n" + Self.fold(example.request)
            if let first = seen[key] { Issue.record("examples \(first + 1) and \(index + 1) ask the same: \(example.request)") }
            seen[key] = index
        }
    }

    /// The guard against measuring the bank instead of the translator: no request and no command (normalised) of
    /// either dataset may be in the bank, in the fixed examples of the prompt, or in kubectl's own help examples
    /// (the knowledge base's comment lines and commands).
    @Test(arguments: ["kubectl_benchmark.jsonl", "kubectl_longtail.jsonl"])
    func noBenchmarkCaseIsInARetrievalSource(_ file: String) throws {
        let dataset = try BenchmarkDataset.load(from: ShippedBenchmark.url.deletingLastPathComponent().appendingPathComponent(file))
        let prompts = Dictionary(dataset.cases.map { (Self.fold($0.prompt), $0.id) }, uniquingKeysWith: { a, _ in a })
        var commands: [String: String] = [:]
        for item in dataset.cases {
            for expected in item.expected { commands[CommandNormaliser.normalise(expected)] = item.id }
        }
        let help = KubectlKnowledge.paths.compactMap { KubectlKnowledge.command($0) }.flatMap(\.examples)
        let helpRequests = help.filter { $0.hasPrefix("#") }.map { String($0.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let helpCommands = help.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("kubectl ") }
        let sources: [(String, [(request: String?, command: String?)])] = [
            ("bank.jsonl", Self.bank.examples.map { ($0.request, $0.command) }),
            ("examples.txt", PromptTemplate.examples.map { ($0.request, $0.command) }),
            ("kubectl help", helpRequests.map { ($0, nil) } + helpCommands.map { (nil, $0) }),
        ]
        for (source, examples) in sources {
            for example in examples {
                if let request = example.request, let id = prompts[Self.fold(request)] {
                    Issue.record("\(source): request '\(request)' is \(file) case \(id)")
                }
                if let command = example.command, !Self.namesNothing(command), let id = commands[CommandNormaliser.normalise(command)] {
                    Issue.record("\(source): command '\(command)' is \(file) case \(id)")
                }
            }
        }
    }

    @Test func commandsAreSingleKubectlLinesThatK1Accepts() {
        for example in Self.bank.examples {
            #expect(OutputSanitizer.sanitize(example.command).command == example.command, "\(example.command)")
            let issues = CommandValidator.validate(example.command)
            #expect(issues.isEmpty, "\(example.command): \(issues)")
        }
    }

    /// Context lines are written exactly as the renderer writes a session: namespace, last type, selection, then a
    /// listing (title, header, rows).
    @Test func contextLinesHaveTheRenderersShape() {
        for example in Self.bank.examples where !example.context.isEmpty {
            var stage = 0
            var inListing = false
            var inFailure = false
            for line in example.context {
                let next: Int
                if inFailure {
                    #expect(!line.hasPrefix("last command"), "\(example.request): two failed commands")
                    continue
                } else if line.hasPrefix("last command (exit ") {
                    // The failed command and its error lines come last, after any listing.
                    #expect(line.contains("): kubectl "), "\(example.request): '\(line)'")
                    inFailure = true
                    inListing = false
                    stage = 5
                    continue
                } else if inListing {
                    #expect(!line.contains(":") || line.hasPrefix("failing: "), "\(example.request): listing row '\(line)'")
                    continue
                } else if line.hasPrefix("ns: ") {
                    next = 1
                } else if line.hasPrefix("last type: ") {
                    next = 2
                } else if line.hasPrefix("selected: ") {
                    next = 3
                    #expect(line.dropFirst(10).contains("/"), "\(example.request): selection '\(line)' is TYPE/NAME")
                } else if line.hasPrefix("listed "), line.hasSuffix(":") {
                    next = 4
                    inListing = true
                } else {
                    Issue.record("\(example.request): unknown context line '\(line)'")
                    continue
                }
                #expect(next > stage, "\(example.request): '\(line)' is out of order")
                stage = next
            }
        }
    }

    /// Every command of the bank must be valid for the real kubectl.
    @Test(.enabled(if: SyntaxOracleTests.kubectlAvailable, "kubectl is not installed"))
    func everyCommandIsValidKubectl() async throws {
        let oracle = try #require(await SyntaxOracle())
        let commands = Self.bank.examples.map(\.command)
        let verdicts = await oracle.verdicts(for: commands)
        try? oracle.saveCache()
        for (command, verdict) in zip(commands, verdicts) {
            #expect(verdict.valid, "\(command) → \(verdict.reason.rawValue): \(verdict.message)")
        }
    }

    /// The bank teaches copying names: every object name in a command is in its request or context.
    @Test func namesInCommandsComeFromTheRequestOrContext() {
        for example in Self.bank.examples + PromptTemplate.examples {
            let unknown = Grounding.unknownNames(in: example.command, request: example.request, context: example.context)
            #expect(unknown.isEmpty, "\(example.request) → \(example.command): \(unknown)")
        }
    }

    @Test func parseReportsTheBadLine() {
        let text = "{\"request\": \"pods\", \"command\": \"kubectl get pods\"}\n\n{\"request\": \"x\", \"command\": \"ls\"}\n"
        #expect(throws: TranslateError.self) { try ExampleBank.parse(Data(text.utf8)) }
        do {
            _ = try ExampleBank.parse(Data(text.utf8))
        } catch {
            #expect(error.message.contains("line 3"))
        }
        let good = try? ExampleBank.parse(Data("{\"request\": \"pods\", \"command\": \"kubectl get pods\", \"context\": [\"ns: a\"]}\n".utf8))
        #expect(good?.examples == [PromptExample(context: ["ns: a"], request: "pods", command: "kubectl get pods")])
    }

    @Test func fingerprintFollowsTheContent() {
        let a = ExampleBank(examples: [PromptExample(request: "pods", command: "kubectl get pods")])
        var b = a
        #expect(a.fingerprint == b.fingerprint)
        b.examples[0].command = "kubectl get pods -A"
        #expect(a.fingerprint != b.fingerprint)
        #expect(PromptTemplate.promptVersion.hasSuffix(ExampleBank.shippedFileFingerprint))
    }

    /// Whether a command names nothing a writer chooses (no object, argument or flag value beyond a format or a
    /// switch): `kubectl version`, `kubectl get pods -A`. Such a command has one spelling, so a dataset may share it.
    static func namesNothing(_ command: String) -> Bool {
        guard let parsed = try? KubectlCommand.parse(line: command) else { return false }
        // `completion SHELL` chooses among kubectl's fixed list of shells.
        if parsed.verb == "completion" { return parsed.flags.isEmpty }
        return parsed.objects.isEmpty && parsed.names.isEmpty && parsed.arguments.isEmpty && parsed.flags.allSatisfy { flag in
            flag.value == nil || flag.name == "output" || ["true", "false"].contains(flag.value ?? "")
        }
    }

    static func fold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "?", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
