import Foundation

/// k1's settings: `~/.config/k1/config.yaml`, overridden by `K1_*` environment variables, overridden by flags.
public struct K1Config: Sendable, Equatable {
    /// Which model backend answers `?` requests.
    public enum Provider: String, Sendable, CaseIterable {
        /// Ollama if it answers and has the model, else the managed llama-server.
        case auto
        /// llama.cpp's llama-server: the managed one, or an external one at `url`.
        case llamacpp
        /// An Ollama server (`OLLAMA_HOST` or `url`).
        case ollama
        /// Any OpenAI-compatible server at `url` (vLLM, TGI, LM Studio, llama-server, a team server).
        case openai
    }

    /// Which backend to use (`provider`).
    public var provider: Provider = .auto
    /// The model: a packaged model name, a `.gguf` path, or a server's model id (`model`).
    public var model: String = K1Config.defaultModel
    /// Base URL of an external server; empty means the backend's default or the managed server (`url`).
    public var url: String = ""
    /// Name of the environment variable holding a bearer key for `openai` (`api_key_env`); the key is never stored.
    public var apiKeyEnv: String = ""
    /// Request timeout in seconds (`timeout`).
    public var timeoutSeconds: Double = 60
    /// CPU threads for the managed server; 0 means all cores (`threads`).
    public var threads: Int = 0
    /// Context size in tokens for the managed server and Ollama's `num_ctx` (`context_size`).
    public var contextSize: Int = 4096
    /// Layers to offload to a GPU for the managed server (`gpu_layers`).
    public var gpuLayers: Int = 0
    /// Minutes of inactivity after which the managed server stops itself (`idle_minutes`).
    public var idleMinutes: Int = 15
    /// Whether answers are cached (`cache.enabled`).
    public var cacheEnabled: Bool = true
    /// Days an answer stays valid (`cache.ttl_days`).
    public var cacheTTLDays: Int = 30
    /// Most entries kept; least recently used go first (`cache.max_entries`).
    public var cacheMaxEntries: Int = 5000
    /// Pins the prompt version used for cache keys; empty means the built-in one (`prompt_version`).
    public var promptVersion: String = ""
    /// Most history lines kept (`history.size`).
    public var historySize: Int = 2000
    /// The kubectl binary (`kubectl`).
    public var kubectl: String = "kubectl"
    /// Bank examples retrieved into each prompt; 0 turns retrieval off (`examples`).
    public var retrievedExamples: Int = 4
    /// Whether `k1 shell` loads a local model and reads the prompt's fixed part in the background at start-up, so
    /// that the first `?` answers quickly (`warm_up`).
    public var warmUp: Bool = true
    /// Whether `k1 shell` tries a write suggestion on the server as a dry run before pre-filling it (`preview`).
    public var preview: Bool = true
    /// Seconds the dry-run preview may take before k1 gives up on it (`preview_timeout`).
    public var previewTimeoutSeconds: Double = 2
    /// Whether the managed llama-server repacks the model's weights for the CPU at load (`repack`). Off by default:
    /// measured on 2-core AMD EPYC (x86-64, AVX-512), llama-server reads prompts ~1.9× faster without it
    /// (`--no-repack`) at the same generation speed; set it to true where repacking measures faster, or for a
    /// llama-server too old to know `--no-repack`.
    public var repack: Bool = false
    /// More llama-server arguments for the managed server, after k1's own (`server_args`, split at spaces).
    public var serverArguments: [String] = []
    /// Whether `k1 shell` starts answering a `?` request at pauses in typing, so the answer is ready at Enter
    /// (`answer_while_typing`). Nothing is cached or shown for text that is not finally entered.
    public var answerWhileTyping: Bool = true
    /// How long no key must arrive, in milliseconds, before the line counts as paused and its answer is begun
    /// (`typing_pause_ms`). Above the ~125 ms between the keys of a steady typist, so that an answer begins at a
    /// real pause rather than after every key.
    public var typingPauseMilliseconds: Int = 150
    /// Whether `k1 shell` also has the model server read the prompt of the text typed so far between pauses
    /// (`read_ahead`). Off: measured, the examples retrieved for the text so far change with the last word, and a stale
    /// prompt the server is reading delays the answer at Enter more than the reading saves.
    public var readAhead: Bool = false

    /// The packaged default model.
    public static let defaultModel = "qwen2.5-coder-1.5b"

    /// The defaults.
    public init() {}

    /// The commented YAML that `k1 config init` writes.
    public static let template = """
    # k1 configuration. Environment variables K1_PROVIDER, K1_MODEL and K1_URL override these; flags override both.
    provider: auto          # auto | llamacpp | ollama | openai
    model: \(defaultModel)   # packaged model name, path to a .gguf file, or the server's model id
    url: ""                 # external server base URL (empty: managed llama-server / Ollama's default)
    api_key_env: ""         # name of the environment variable that holds a bearer key (openai)
    timeout: 60             # seconds per request
    threads: 0              # managed server CPU threads (0: all cores)
    context_size: 4096
    gpu_layers: 0           # layers offloaded to a GPU by the managed server
    idle_minutes: 15        # the managed server stops after this long unused
    repack: false           # true: let the managed llama-server repack weights for the CPU (false adds --no-repack)
    server_args: ""         # more llama-server arguments for the managed server, e.g. "-fa on"
    prompt_version: ""      # pin a prompt version (empty: built-in)
    kubectl: kubectl
    examples: 4             # verified examples retrieved into each prompt (0: off)
    warm_up: true           # k1 shell readies a local model in the background at start-up
    preview: true           # k1 shell tries write suggestions as a server-side dry run before Enter
    preview_timeout: 2      # seconds the dry run may take
    answer_while_typing: true  # k1 shell starts answering a ?request at pauses in typing (ready at Enter)
    typing_pause_ms: 150    # no key for this long counts as a pause, and the answer is begun
    read_ahead: false       # also read the prompt of the text so far between pauses
    cache:
      enabled: true
      ttl_days: 30
      max_entries: 5000
    history:
      size: 2000

    """
}
