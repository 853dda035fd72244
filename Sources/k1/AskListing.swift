import ArgumentParser
import Foundation
import KubectlKit
import Session
import Shell
import Support

/// `k1 ask --listing FILE`: a saved `kubectl get` table read into the session context as the shell's context
/// tracker reads a listing it printed.
enum AskListing {
    /// Reads `file` into `context.listing`.
    /// - Parameters:
    ///   - resource: what the table lists (`--resource`); without it a pod table is recognised by its columns.
    ///   - namespace: where it was listed (`--namespace`); a NAMESPACE column means all namespaces.
    /// - Throws: `ValidationError` with one line when the file cannot be read or holds no table.
    static func apply(file: String, resource: String?, namespace: String?, to context: inout SessionContext) throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ValidationError("cannot read --listing \(file): \(error.localizedDescription)")
        }
        let header = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let columns = Set(header.split(separator: " ").map(String.init))
        guard columns.contains("NAME") else {
            throw ValidationError("--listing \(file) holds no `kubectl get` table (no NAME column in its first line)")
        }
        guard let type = resource ?? (columns.isSuperset(of: ["READY", "STATUS", "RESTARTS"]) ? "pods" : nil) else {
            throw ValidationError("say what --listing \(file) lists with --resource (pods, deployments, nodes, …)")
        }
        var words = ["kubectl", "get", type]
        if columns.contains("NAMESPACE") {
            words.append("-A")
        } else if let namespace {
            words += ["-n", namespace]
        }
        let command = KubectlCommand.parse(words)
        var scratch = context
        ContextTracker.apply(command, line: ShellWords.join(words), exitStatus: 0, output: text, to: &scratch)
        guard let listing = scratch.listing else {
            throw ValidationError("--listing \(file) could not be read as a `kubectl get` table")
        }
        context.listing = listing
        if context.lastResource == nil { context.lastResource = scratch.lastResource }
    }
}

extension AskCommand {
    /// The dry-run preview for `k1 ask --preview`, with the configured time limit.
    static func dryRun(_ command: String, context: SessionContext, config: K1Config) async -> PreviewResult? {
        var settings = config
        settings.preview = true
        return await DryRunPreview(config: settings)?.preview(command, context: context)
    }
}
