import Foundation
import Yams

/// A configuration problem, naming the file, the line and the key.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source (file path or "environment").
    public let source: String
    /// 1-based line, when known.
    public let line: Int?
    /// The key involved, when known (dotted for nested keys, e.g. `cache.ttl_days`).
    public let key: String?
    /// What is wrong.
    public let message: String

    /// Creates a configuration error.
    public init(source: String, line: Int? = nil, key: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = source
        if let line { location += ":\(line)" }
        if let key { return "\(location): \(key): \(message)" }
        return "\(location): \(message)"
    }
}

/// Reads `config.yaml` strictly (unknown keys and wrong types are errors) and applies environment overrides.
public enum ConfigLoader {
    /// Loads the configuration from `file` (missing file = defaults) and applies `K1_PROVIDER`, `K1_MODEL`, `K1_URL`.
    public static func load(file: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> K1Config {
        var config = K1Config()
        if FileManager.default.fileExists(atPath: file.path) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ConfigError(source: file.path, message: "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(source: file.path, message: "not UTF-8 text")
            }
            config = try parse(text, source: file.path)
        }
        try applyEnvironment(environment, to: &config)
        return config
    }

    /// Parses YAML text into a configuration on top of the defaults.
    public static func parse(_ text: String, source: String = "config.yaml") throws(ConfigError) -> K1Config {
        var config = K1Config()
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigError(source: source, line: yamlErrorLine(error), message: "invalid YAML (\(firstLine(of: error)))")
        }
        guard let root else { return config }   // empty file
        guard let mapping = root.mapping else {
            throw ConfigError(source: source, line: line(root), message: "expected a mapping of settings")
        }
        let reader = Reader(source: source)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                throw ConfigError(source: source, line: line(keyNode), message: "keys must be strings")
            }
            switch key {
            case "provider":
                let raw = try reader.string(value, key)
                guard let provider = K1Config.Provider(rawValue: raw) else {
                    throw ConfigError(source: source, line: line(value), key: key,
                                      message: "'\(raw)' is not one of \(K1Config.Provider.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.provider = provider
            case "model": config.model = try reader.string(value, key)
            case "url":
                config.url = try reader.string(value, key)
                if let problem = ServerURL.problem(config.url) {
                    throw ConfigError(source: source, line: line(value), key: key, message: problem)
                }
            case "api_key_env": config.apiKeyEnv = try reader.string(value, key)
            case "timeout": config.timeoutSeconds = try reader.number(value, key, minimum: 1)
            case "threads": config.threads = try reader.int(value, key, minimum: 0)
            case "context_size": config.contextSize = try reader.int(value, key, minimum: 256)
            case "gpu_layers": config.gpuLayers = try reader.int(value, key, minimum: 0)
            case "idle_minutes": config.idleMinutes = try reader.int(value, key, minimum: 0)
            case "repack": config.repack = try reader.bool(value, key)
            case "server_args": config.serverArguments = try reader.string(value, key).split(separator: " ").map(String.init)
            case "prompt_version": config.promptVersion = try reader.string(value, key)
            case "kubectl": config.kubectl = try reader.string(value, key)
            case "examples": config.retrievedExamples = try reader.int(value, key, minimum: 0)
            case "warm_up": config.warmUp = try reader.bool(value, key)
            case "preview": config.preview = try reader.bool(value, key)
            case "preview_timeout": config.previewTimeoutSeconds = try reader.number(value, key, minimum: 0.1)
            case "answer_while_typing": config.answerWhileTyping = try reader.bool(value, key)
            case "typing_pause_ms": config.typingPauseMilliseconds = try reader.int(value, key, minimum: 20)
            case "read_ahead": config.readAhead = try reader.bool(value, key)
            case "cache":
                for (subKey, subValue) in try reader.mapping(value, key) {
                    let name = "cache.\(subKey.string ?? "?")"
                    switch subKey.string {
                    case "enabled": config.cacheEnabled = try reader.bool(subValue, name)
                    case "ttl_days": config.cacheTTLDays = try reader.int(subValue, name, minimum: 0)
                    case "max_entries": config.cacheMaxEntries = try reader.int(subValue, name, minimum: 1)
                    default: throw ConfigError(source: source, line: line(subKey), key: name,
                                               message: "unknown key (known: enabled, ttl_days, max_entries)")
                    }
                }
            case "history":
                for (subKey, subValue) in try reader.mapping(value, key) {
                    let name = "history.\(subKey.string ?? "?")"
                    switch subKey.string {
                    case "size": config.historySize = try reader.int(subValue, name, minimum: 1)
                    default: throw ConfigError(source: source, line: line(subKey), key: name, message: "unknown key (known: size)")
                    }
                }
            default:
                throw ConfigError(source: source, line: line(keyNode), key: key,
                                  message: "unknown key (known: \(knownKeys.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// The top-level keys `config.yaml` accepts.
    public static let knownKeys = ["provider", "model", "url", "api_key_env", "timeout", "threads", "context_size",
                                   "gpu_layers", "idle_minutes", "repack", "server_args", "prompt_version", "kubectl", "examples", "warm_up",
                                   "preview", "preview_timeout", "answer_while_typing", "typing_pause_ms", "read_ahead", "cache",
                                   "history"]

    /// Applies `K1_PROVIDER`, `K1_MODEL` and `K1_URL`.
    public static func applyEnvironment(_ environment: [String: String], to config: inout K1Config) throws(ConfigError) {
        if let raw = environment["K1_PROVIDER"], !raw.isEmpty {
            guard let provider = K1Config.Provider(rawValue: raw) else {
                throw ConfigError(source: "environment", key: "K1_PROVIDER",
                                  message: "'\(raw)' is not one of \(K1Config.Provider.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.provider = provider
        }
        if let model = environment["K1_MODEL"], !model.isEmpty { config.model = model }
        if let url = environment["K1_URL"], !url.isEmpty {
            if let problem = ServerURL.problem(url) {
                throw ConfigError(source: "environment", key: "K1_URL", message: problem)
            }
            config.url = url
        }
    }

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }

    private static func firstLine(of error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "parse error"
    }

    private static func yamlErrorLine(_ error: Error) -> Int? {
        if let yamlError = error as? YamlError, case let .scanner(_, _, mark, _) = yamlError { return mark.line }
        if let yamlError = error as? YamlError, case let .parser(_, _, mark, _) = yamlError { return mark.line }
        return nil
    }

    /// Typed accessors that turn a wrong type into a ConfigError naming key and line.
    private struct Reader {
        let source: String

        func fail(_ node: Node, _ key: String, _ expected: String) -> ConfigError {
            ConfigError(source: source, line: node.mark.map { $0.line }, key: key,
                        message: "expected \(expected), found '\(node.string ?? "a \(kind(node))")'")
        }

        func kind(_ node: Node) -> String {
            switch node {
            case .scalar: "scalar"
            case .mapping: "mapping"
            case .sequence: "list"
            case .alias: "alias"
            }
        }

        func string(_ node: Node, _ key: String) throws(ConfigError) -> String {
            guard case .scalar = node, let value = node.string else { throw fail(node, key, "a string") }
            return value
        }

        func int(_ node: Node, _ key: String, minimum: Int) throws(ConfigError) -> Int {
            guard case .scalar = node, let value = node.int else { throw fail(node, key, "a whole number") }
            guard value >= minimum else { throw fail(node, key, "a number ≥ \(minimum)") }
            return value
        }

        func number(_ node: Node, _ key: String, minimum: Double) throws(ConfigError) -> Double {
            guard case .scalar = node, let value = node.float ?? node.int.map(Double.init) else { throw fail(node, key, "a number") }
            guard value >= minimum else { throw fail(node, key, "a number ≥ \(minimum)") }
            return value
        }

        func bool(_ node: Node, _ key: String) throws(ConfigError) -> Bool {
            guard case .scalar = node, let value = node.bool else { throw fail(node, key, "true or false") }
            return value
        }

        func mapping(_ node: Node, _ key: String) throws(ConfigError) -> Node.Mapping {
            guard let value = node.mapping else { throw fail(node, key, "a mapping") }
            return value
        }
    }
}
