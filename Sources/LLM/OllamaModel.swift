import HTTP
/// A model Ollama has locally (`GET /api/tags`).
public struct OllamaModel: Sendable, Equatable, Decodable {
    /// Format, family, size class and quantization.
    public struct Details: Sendable, Equatable, Decodable {
        /// `gguf`.
        public var format: String?
        /// `llama`, `qwen2`, …
        public var family: String?
        /// `7B`, `1.5B`, …
        public var parameterSize: String?
        /// `Q4_0`, `Q4_K_M`, …
        public var quantizationLevel: String?

        /// Creates details.
        public init(format: String? = nil, family: String? = nil, parameterSize: String? = nil, quantizationLevel: String? = nil) {
            self.format = format
            self.family = family
            self.parameterSize = parameterSize
            self.quantizationLevel = quantizationLevel
        }

        enum CodingKeys: String, CodingKey {
            case format, family
            case parameterSize = "parameter_size"
            case quantizationLevel = "quantization_level"
        }
    }

    /// `name:tag`, e.g. `llama3:latest`.
    public var name: String
    /// Bytes on disk.
    public var size: Int64?
    /// The manifest digest.
    public var digest: String?
    /// When it was last changed (as Ollama wrote it).
    public var modifiedAt: String?
    /// Format, family, size class and quantization.
    public var details: Details?

    /// Creates a model entry.
    public init(name: String, size: Int64? = nil, digest: String? = nil, modifiedAt: String? = nil, details: Details? = nil) {
        self.name = name
        self.size = size
        self.digest = digest
        self.modifiedAt = modifiedAt
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case name, size, digest, details
        case modifiedAt = "modified_at"
    }
}

/// What `POST /api/show` says about a model.
public struct OllamaModelInfo: Sendable, Equatable, Decodable {
    /// Format, family, size class and quantization.
    public var details: OllamaModel.Details?
    /// Architecture facts (`general.architecture`, `<arch>.context_length`, …).
    public var modelInfo: [String: JSONValue]?
    /// What the model can do (`completion`, `tools`, `vision`, …), on newer Ollama.
    public var capabilities: [String]?
    /// The model's prompt template.
    public var template: String?
    /// Its default parameters, as Modelfile text.
    public var parameters: String?

    /// Creates model info.
    public init(details: OllamaModel.Details? = nil, modelInfo: [String: JSONValue]? = nil, capabilities: [String]? = nil,
                template: String? = nil, parameters: String? = nil) {
        self.details = details
        self.modelInfo = modelInfo
        self.capabilities = capabilities
        self.template = template
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case details, capabilities, template, parameters
        case modelInfo = "model_info"
    }

    /// The context length the model was trained for (`<arch>.context_length`).
    public var contextLength: Int? {
        guard let info = modelInfo else { return nil }
        if let arch = info["general.architecture"]?.stringValue, let value = info["\(arch).context_length"]?.intValue {
            return value
        }
        return info.first { $0.key.hasSuffix(".context_length") }?.value.intValue
    }
}

/// One progress line of `POST /api/pull`.
public struct PullProgress: Sendable, Equatable, Decodable {
    /// `pulling manifest`, `downloading sha256:…`, `verifying sha256 digest`, `success`, …
    public var status: String
    /// The layer being downloaded.
    public var digest: String?
    /// The layer's size in bytes.
    public var total: Int64?
    /// Bytes of the layer downloaded so far.
    public var completed: Int64?

    /// Creates a progress line.
    public init(status: String, digest: String? = nil, total: Int64? = nil, completed: Int64? = nil) {
        self.status = status
        self.digest = digest
        self.total = total
        self.completed = completed
    }

    /// Whether this is the final `success` line.
    public var isSuccess: Bool { status == "success" }

    /// The downloaded fraction of the current layer (0…1), when sizes are known.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, Double(completed ?? 0) / Double(total))
    }
}
