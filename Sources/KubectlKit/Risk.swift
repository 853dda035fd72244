/// How much a command can change a cluster (or the kubeconfig).
public enum Risk: String, Sendable, Hashable, CaseIterable, Codable {
    /// Only reads: `get`, `describe`, `logs`, dry runs, ….
    case readOnly
    /// Creates or changes objects or files: `apply`, `scale`, `exec`, `config use-context`, ….
    case changes
    /// Deletes objects: `delete`, `drain`, `replace --force`, `apply --prune`, ….
    case deletes
    /// Cannot be judged statically (several commands, substitutions, not kubectl, …);
    /// must never be treated as safe.
    case unknown
}
