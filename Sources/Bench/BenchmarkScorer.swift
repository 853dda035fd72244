import KubectlKit

/// Scores a produced command against a case's expected commands. Pure.
///
/// - **exact**: identical after trimming and folding runs of whitespace.
/// - **semantic**: the same command after ``CommandNormaliser`` (flag aliases and order, `--flag=v` vs `--flag v`,
///   resource aliases and plurals, `TYPE/NAME` vs `TYPE NAME`, quoting), plus one rule of the session: in a case
///   whose context has session namespace N, `-n N` on a namespaced command is the same as no `-n` at all, because k1
///   adds `-n N` to lines that name no namespace. On cluster-scoped commands (`get nodes`, `cordon`) `-n` is never
///   dropped, so a stray `-n` there is a miss.
public enum BenchmarkScorer {
    /// Scores `produced` against `expected`.
    /// - Parameters:
    ///   - produced: the command the model produced; nil or empty when it produced none (always a miss).
    ///   - expected: the accepted commands.
    ///   - sessionNamespace: the case's session namespace, if any.
    public static func score(produced: String?, expected: [String], sessionNamespace: String? = nil) -> BenchmarkScore {
        guard let produced, !folded(produced).isEmpty else { return .miss }
        let exactForm = folded(produced)
        if let match = expected.first(where: { folded($0) == exactForm }) {
            return BenchmarkScore(exact: true, semantic: true, matched: match)
        }
        let semanticForm = semantic(produced, sessionNamespace: sessionNamespace)
        if let match = expected.first(where: { semantic($0, sessionNamespace: sessionNamespace) == semanticForm }) {
            return BenchmarkScore(exact: false, semantic: true, matched: match)
        }
        return .miss
    }

    /// A case's score for its produced command.
    /// A case that expects no command passes exactly when nothing was produced (the translator said why instead).
    public static func score(_ produced: String?, for item: BenchmarkCase) -> BenchmarkScore {
        if item.expectsNoCommand {
            let none = produced.map { folded($0).isEmpty } ?? true
            return none ? BenchmarkScore(exact: true, semantic: true, matched: "") : .miss
        }
        return score(produced: produced, expected: item.expected, sessionNamespace: item.sessionNamespace)
    }

    /// The line trimmed, with every run of whitespace folded into one space.
    public static func folded(_ line: String) -> String {
        line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The canonical form used for the semantic comparison.
    public static func semantic(_ line: String, sessionNamespace: String?) -> String {
        guard let sessionNamespace, !sessionNamespace.isEmpty,
              !ShellWords.hasShellSyntax(line),
              let words = try? ShellWords.split(line), !words.isEmpty
        else { return CommandNormaliser.normalise(line) }
        let command = KubectlCommand.parse(words)
        var canonical = CommandNormaliser.canonicalWords(of: command)
        if command.namespace == sessionNamespace, !isClusterScoped(command) {
            let flag = "--namespace=" + sessionNamespace
            let end = command.hasDoubleDash ? (canonical.lastIndex(of: "--") ?? canonical.endIndex) : canonical.endIndex
            if let index = canonical[..<end].firstIndex(of: flag) { canonical.remove(at: index) }
        }
        return canonical.map(ShellWords.quote).joined(separator: " ")
    }

    /// Whether the command addresses a cluster-scoped type (`nodes`, `namespaces`, `clusterroles`, …).
    static func isClusterScoped(_ command: KubectlCommand) -> Bool {
        if let type = command.resource, !type.namespaced { return true }
        return command.objects.contains { $0.resource?.namespaced == false }
    }
}
