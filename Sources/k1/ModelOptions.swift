import ArgumentParser
import Support

/// `--provider`, `--model` and `--url`: the flags of every command that talks to a model (`ask`, `shell`, `bench`,
/// `replay`), defined once. They override config.yaml and the K1_* variables (``Environment/loadConfig(overrides:strict:)``).
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "Model backend.")
    var provider: K1Config.Provider?

    @Option(name: .long, help: "Model name, .gguf path or server model id.")
    var model: String?

    @Option(name: .long, help: "Base URL of an external model server.")
    var url: String?
}
