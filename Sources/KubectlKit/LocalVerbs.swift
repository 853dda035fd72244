/// kubectl commands that work locally or on kubeconfig itself: k1 never adds the session's `-n`/`--context` to them
/// (they would ignore or reject it).
public enum LocalVerbs {
    /// The verbs: `config`, `version`, `completion`, `plugin`, `help`, `options`, `kustomize`, `alpha`.
    public static let names: Set<String> = ["config", "version", "completion", "plugin", "help", "options", "kustomize",
                                            "alpha"]
}
