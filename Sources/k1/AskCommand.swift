import ArgumentParser
import Foundation
import KubectlKit
import LLM
import Session
import Shell
import Support
import Translate

/// `k1 ask "request"`: translates one request into a kubectl command and prints it: nothing else on standard output,
/// errors as one line on standard error with a non-zero exit. The same engine as `?` lines in `k1 shell`.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Translate a request into one kubectl command and print it.",
        discussion: """
        The command is printed as k1 shell would run it: with -n/--context added for --namespace/--context when it \
        names none. Nothing is run. Example: k1 ask -n shop "restart the failing pods" --selection deploy/web

        With --listing FILE (a saved `kubectl get` table), a request that picks rows of it ("the failing ones") gets \
        exactly those rows; when none matches, or they span several namespaces, k1 prints why on standard error and \
        exits with status 3. --preview tries a write on the server as a dry run and prints what it would touch on \
        standard error.
        """
    )

    @Argument(help: "The request, e.g. \"scale web to 3\" (several words are joined).")
    var request: [String] = []

    @Option(name: [.short, .long], help: "The session namespace.")
    var namespace: String?

    @Option(name: .long, help: "The kube context.")
    var context: String?

    @Option(name: .long, help: "The last resource type worked with (pods, deploy, …).")
    var resource: String?

    @Option(name: .long, help: "The selected object as TYPE/NAME (deployment/web), or NAME with --resource.")
    var selection: String?

    @Option(name: .customLong("last-command"), help: "The last command run, when it failed (for \"fix it\").")
    var lastCommand: String?

    @Option(name: .customLong("last-error"), help: "What the last command printed on standard error.")
    var lastError: String?

    @Option(name: .customLong("last-exit"), help: "The last command's exit status (default 1).")
    var lastExit: Int32 = 1

    @Option(name: .long, help: "A file holding the last listing: the table `kubectl get` printed.")
    var listing: String?

    @Flag(name: .long, help: "Try a write on the server as a dry run (--dry-run=server) and report what it would touch.")
    var preview = false

    @Flag(name: .long, help: "Print one JSON object with the command, risk, cache and timing details.")
    var json = false

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the answer cache.")
    var noCache = false

    @Flag(name: .customLong("show-prompt"), help: "Print the prompt k1 would send to the model for this request, and ask nothing. The part after the fixed instructions and examples is what a server reads anew.")
    var showPrompt = false

    @OptionGroup var backend: ModelOptions

    func run() async throws {
        // Usage problems are one line on standard error too.
        if PromptBuilder.clean(request.joined(separator: " ")).isEmpty {
            printError("k1: give a request, e.g. k1 ask \"pods in kube-system\"")
            throw ExitCode.validationFailure
        }
        let session: SessionContext
        do { session = try makeContext() } catch {
            printError("k1: \(error)")
            throw ExitCode.validationFailure
        }
        if !json, let command = ExplainRequest.target(of: request.joined(separator: " ")) {
            // A question about a command is answered from kubectl's help, as in the shell.
            do {
                let explanation = try CommandExplainer.explain(command, context: session)
                for line in ExplanationRenderer.render(explanation, style: TerminalStyle(fd: 1)) { print(line) }
            } catch {
                printError("k1: \(error)")
                throw ExitCode.validationFailure
            }
            return
        }
        let config = Environment.loadConfig(overrides: backend, strict: true)
        if showPrompt {
            let prompt = PromptBuilder.prepare(request: request.joined(separator: " "), context: session,
                                               options: Environment.promptOptions(config: config))
            print(PromptBuilder.describe(prompt.generation), terminator: "")
            return
        }
        let translator = Environment.makeTranslator(config: config, useCache: !noCache)
        let translation: Translation
        do {
            switch try await translator.answer(request.joined(separator: " "), context: session, useCache: !noCache) {
            case .command(let answer):
                translation = answer
            case .noTarget(let reason):
                printError(reason.message)
                translator.flushCache()
                throw ExitCode(Self.noTargetStatus)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("k1: \(TranslationRequestHandler.describe(error))")
            throw ExitCode.failure
        }
        let runnable = Self.runnable(translation.command, context: session, kubectl: config.kubectl)
        let tried = preview ? await Self.dryRun(translation.command, context: session, config: config) : nil
        if let tried, !json { printError(tried.line) }
        if json {
            print(try AskReport(translation: translation, command: runnable, preview: tried).jsonLine())
        } else {
            print(runnable)
        }
        fflush(nil)
        // After the answer is out: record the hit's usage for the cache's LRU order.
        translator.flushCache()
    }

    /// The session context the flags describe.
    func makeContext() throws -> SessionContext {
        var made = SessionContext(
            namespace: nonEmpty(namespace),
            kubeContext: nonEmpty(context),
            lastResource: nonEmpty(resource).map(Self.canonicalResource),
            selection: try selection.map {
                try Self.parseSelection($0, namespace: nonEmpty(namespace), resource: nonEmpty(resource))
            }
        )
        if let command = nonEmpty(lastCommand) {
            guard lastExit != 0 else { throw ValidationError("--last-exit must be the non-zero status of a failed command") }
            let line = command.hasPrefix("kubectl") ? command : "kubectl " + command
            FailureTracker.apply(line: line, exitStatus: lastExit, errorOutput: lastError ?? "", to: &made)
        } else if lastError != nil {
            throw ValidationError("--last-error needs --last-command")
        }
        if let listing = nonEmpty(listing) {
            try AskListing.apply(file: listing, resource: nonEmpty(resource), namespace: nonEmpty(namespace), to: &made)
        }
        return made
    }

    /// `k1 ask`'s exit status when the request picks rows of the listing and no command can act on them.
    static let noTargetStatus: Int32 = 3

    /// `deploy/web` → deployments `web`; `web` with `resource` → that type's `web`.
    static func parseSelection(_ text: String, namespace: String?, resource: String? = nil) throws -> ObjectSelection {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 1, let resource, !parts[0].isEmpty {
            return ObjectSelection(resource: canonicalResource(resource), name: parts[0], namespace: namespace)
        }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("--selection takes TYPE/NAME, e.g. deployment/web (or NAME with --resource)")
        }
        return ObjectSelection(resource: canonicalResource(parts[0]), name: parts[1], namespace: namespace)
    }

    /// The canonical plural for built-in types (`deploy` → `deployments`); other words as typed.
    static func canonicalResource(_ word: String) -> String {
        ResourceCatalog.lookup(word)?.canonicalName ?? word
    }

    /// The command with the session's `-n`/`--context` added the way the shell adds them.
    static func runnable(_ command: String, context: SessionContext, kubectl: String) -> String {
        guard context.namespace != nil || context.kubeContext != nil,
              let words = try? ShellWords.split(command), words.first == "kubectl" else { return command }
        return CommandPlan.make(line: command, words: words, usesShell: ShellWords.hasShellSyntax(command),
                                context: context, kubectl: kubectl).display
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}

/// The `k1 ask --json` object.
struct AskReport: Encodable {
    let translation: Translation
    /// The command as it would run (with injected `-n`/`--context`).
    let command: String
    /// The dry run, with `--preview`.
    var preview: PreviewResult? = nil

    enum CodingKeys: String, CodingKey {
        case command, translation, cached, learned, risk, reason, issues, note, notes, model, promptVersion
        case latencyMilliseconds = "latency_ms"
        case promptTokens = "prompt_tokens"
        case cachedPromptTokens = "cached_prompt_tokens"
        case generatedTokens = "generated_tokens"
        case promptMilliseconds = "prompt_ms"
        case generationMilliseconds = "generation_ms"
        case tokensPerSecond = "tokens_per_second"
        case finishReason = "finish_reason"
        case previewLine = "preview"
        case previewMilliseconds = "preview_ms"
        case previewObjects = "preview_objects"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(translation.command, forKey: .translation)
        try container.encode(translation.cached, forKey: .cached)
        try container.encode(translation.learned, forKey: .learned)
        try container.encode(translation.risk.risk.rawValue, forKey: .risk)
        try container.encode(translation.risk.reason, forKey: .reason)
        try container.encode(translation.issues.map(\.message), forKey: .issues)
        try container.encode(translation.note, forKey: .note)
        try container.encode(translation.notes, forKey: .notes)
        try container.encode(translation.model, forKey: .model)
        try container.encode(translation.promptVersion, forKey: .promptVersion)
        try container.encode((translation.latencyMilliseconds * 1000).rounded() / 1000, forKey: .latencyMilliseconds)
        let stats = translation.stats
        try container.encode(stats?.promptTokens, forKey: .promptTokens)
        try container.encode(stats?.cachedPromptTokens, forKey: .cachedPromptTokens)
        try container.encode(stats?.generatedTokens, forKey: .generatedTokens)
        try container.encode(stats?.promptMilliseconds, forKey: .promptMilliseconds)
        try container.encode(stats?.generationMilliseconds, forKey: .generationMilliseconds)
        try container.encode(stats?.tokensPerSecond.map { ($0 * 10).rounded() / 10 }, forKey: .tokensPerSecond)
        try container.encode(stats?.finishReason, forKey: .finishReason)
        if let preview {
            try container.encode(preview.line, forKey: .previewLine)
            try container.encode((preview.milliseconds * 1000).rounded() / 1000, forKey: .previewMilliseconds)
            try container.encode(preview.objects, forKey: .previewObjects)
        }
    }

    /// One line of JSON.
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
