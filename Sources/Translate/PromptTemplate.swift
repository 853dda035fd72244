import Foundation
import LLM

/// The fixed part of k1's translation prompt: the instructions and the few-shot examples, loaded from the module's
/// resources. It comes first in every request and is byte-identical across requests, so a server's prompt cache
/// evaluates it once.
public enum PromptTemplate {
    /// The version of the prompt (instructions, examples, rendering). It is part of every cache key: bump it whenever
    /// anything here or in ``ContextRenderer``'s output format changes.
    /// The bank's fingerprint is part of it, so that editing the bank is a new version by itself.
    public static let promptVersion = "k1-prompt-6." + ExampleBank.shippedFileFingerprint

    /// The instructions (`Resources/prompt.txt`).
    public static let instructions: String = loadResource("prompt")

    /// The few-shot examples (`Resources/examples.txt`).
    public static let examples: [PromptExample] = {
        do { return try PromptExample.parse(loadResource("examples")) } catch {
            fatalError("Translate resources are broken: \(error)")
        }
    }()

    /// The fixed messages every request starts with: one system message holding the instructions and the examples
    /// (each its context lines, `request: …`, then the command), byte-identical for every request.
    ///
    /// The examples live in the system message rather than as earlier chat turns: as turns, a small model takes them
    /// for the conversation so far and carries their namespaces and flags into later answers.
    public static let fixedMessages: [ChatMessage] = [ChatMessage(role: .system, content: systemPrompt)]

    /// The system message: instructions, then the examples block.
    public static let systemPrompt: String = instructions + "\n\nExamples:\n\n" + examplesBlock(examples)

    /// The system message with `extra` examples after the fixed ones (its start is ``systemPrompt``, unchanged). Without
    /// `fixedExamples` the examples block holds only `extra`, after the instructions.
    public static func systemPrompt(adding extra: [PromptExample], fixedExamples: Bool = true) -> String {
        guard fixedExamples else {
            return extra.isEmpty ? instructions : instructions + "\n\nExamples:\n\n" + examplesBlock(extra)
        }
        return extra.isEmpty ? systemPrompt : systemPrompt + "\n\n" + examplesBlock(extra)
    }

    /// Examples as the prompt shows them: context lines, `request: …`, the command; a blank line between.
    static func examplesBlock(_ examples: [PromptExample]) -> String {
        examples.map { example in
            userMessage(context: example.context, request: example.request) + "\n" + example.command
        }.joined(separator: "\n\n")
    }


    /// What every answer starts with. llama-server continues it instead of generating it (one token less per answer,
    /// ~90 ms on two cores); other backends get the whole answer from the model.
    public static let answerPrefix = "kubectl"

    /// A GBNF grammar for llama.cpp servers that makes prose, fences and pipelines impossible: the rest of one kubectl
    /// line after ``answerPrefix``.
    ///
    /// The final newline is optional on purpose: with a chat template the model ends its turn with an end-of-turn
    /// token, which llama.cpp only allows once the grammar is complete; a grammar that demands a newline first makes it
    /// ramble flags until the token limit (measured: answers ran to 80 tokens of invented flags). With the optional
    /// newline, accuracy matched the unconstrained prompt on a 52-request set (40 vs 39 right).
    public static let grammar = #"root ::= " " [a-z] [a-z-]* ( " " [^\n`|;&$]+ )? "\n"?"#

    /// The user message for one request: the context lines, then `request: …`.
    public static func userMessage(context: [String], request: String) -> String {
        (context + ["request: " + request]).joined(separator: "\n")
    }

    private static func loadResource(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Translate resource \(name).txt is missing from the k1 bundle; reinstall k1")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
