import Foundation
import KubectlKit
import Session

/// How a kubectl line will run once the session's namespace and context are applied. Pure.
public struct CommandPlan: Sendable, Equatable {
    /// The command line shown to the user and recorded as "what actually ran".
    public let display: String
    /// argv for a direct exec (nil when the line must run through `/bin/sh -c display`).
    public let argv: [String]?
    /// The parsed kubectl command (for context tracking).
    public let command: KubectlCommand?
    /// Whether standard output should be captured (while still printed live) for listing parsing.
    public let captureOutput: Bool
    /// Whether standard error should be captured (while still printed live) for `?fix it`: not for lines through
    /// `/bin/sh`, editors, or commands attached to a terminal (`exec -t`, `run -t`, `attach -t`, `debug -t`).
    public var captureError: Bool {
        guard argv != nil, let command, let verb = command.verb else { return false }
        if verb == "edit" || command.subverb == "edit-last-applied" { return false }
        return command.flag("tty")?.isOn != true
    }

    /// Verbs that never get an injected `-n`/`--context` (they are local or would reject it).
    static let noInjectionVerbs = LocalVerbs.names

    /// Builds the plan for a classified kubectl line: adds `-n NS` when the session has a namespace and the line
    /// names none (and is not `-A` or cluster-scoped), and `--context C` likewise. Never touches kubeconfig.
    public static func make(line: String, words: [String], usesShell: Bool, context: SessionContext,
                            kubectl: String = "kubectl") -> CommandPlan {
        let parsed = KubectlCommand.parse(words)
        let verb = parsed.verb ?? ""
        var extra: [String] = []
        if !noInjectionVerbs.contains(verb) && !verb.isEmpty {
            if let ctx = context.kubeContext, parsed.context == nil {
                extra += ["--context", ctx]
            }
            let clusterScoped = parsed.resource.map { !$0.namespaced } ?? false
            if let ns = context.namespace, parsed.namespace == nil, !parsed.allNamespaces, !clusterScoped,
               !["api-resources", "api-versions", "cluster-info"].contains(verb) {
                extra += ["-n", ns]
            }
        }
        let capture = verb == "get" && !usesShell && isTableOutput(parsed.output)
        if usesShell {
            // Insert right after the leading `kubectl` so the flags stay on kubectl's side of any pipe.
            let rest = line.hasPrefix("kubectl") ? String(line.dropFirst("kubectl".count)) : " " + line
            let display = "kubectl" + (extra.isEmpty ? "" : " " + ShellWords.join(extra)) + rest
            return CommandPlan(display: display, argv: nil, command: parsed, captureOutput: false)
        }
        var finalWords = words
        if !extra.isEmpty {
            if let dash = finalWords.firstIndex(of: "--") {
                finalWords.insert(contentsOf: extra, at: dash)
            } else {
                finalWords += extra
            }
        }
        let display = ShellWords.join(finalWords)
        var argv = finalWords
        argv[0] = kubectl
        let final = extra.isEmpty ? parsed : KubectlCommand.parse(finalWords)
        return CommandPlan(display: display, argv: argv, command: final, captureOutput: capture)
    }

    /// `get` output k1 can parse: the default table, `wide`, or `name`.
    static func isTableOutput(_ output: String?) -> Bool {
        guard let output else { return true }
        return output == "wide" || output == "name"
    }
}
