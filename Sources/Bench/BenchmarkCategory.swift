/// The kind of request a benchmark case tests.
public enum BenchmarkCategory: String, Sendable, Codable, CaseIterable, Comparable {
    /// One read-only command: `get`, `describe`, `logs`.
    case simple
    /// Everyday changes and tools: scale, restart, rollout, label, create, expose, set image, exec, port-forward,
    /// top, apply.
    case moderate
    /// Several parts at once: field and label selectors, jsonpath and custom columns, sort-by, drain, autoscale,
    /// secrets and config maps from literals, `auth can-i`, `run` with flags.
    case complex
    /// Corners: dry runs, force, YAML generation, kubeconfig contexts, explain, api-resources, cp, diff,
    /// cluster-scoped types (where `-n` must not appear).
    case edge
    /// Requests that only make sense with the session context: "scale it to 3", "delete the failing ones".
    case context
    /// Requests about the last command, which failed: "fix it", "why did that fail", "try again in staging" (the case's
    /// context has `last`).
    case fix
    /// Questions about a command ("what does kubectl rollout undo do"), answered `k1 explain kubectl …` from kubectl's
    /// help, and look-alike requests for a command ("explain pods" is `kubectl explain pods`).
    case explain

    /// Declaration order: simple first.
    public static func < (lhs: BenchmarkCategory, rhs: BenchmarkCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
