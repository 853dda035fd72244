import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support
import HTTP

/// A saved copy of the managed llama-server's prompt cache (its slot save and restore), so that a server started
/// again does not read the prompt's fixed part anew: on two cores that part (~1,100 tokens) takes ~17 s to read and
/// 16 ms to restore.
///
/// One file per model file, context size and server binary in `cache/k1/slots/`, written once per server start right
/// after the warm-up of the prompt's fixed part (never after a user's request, so it holds nothing a user typed). Restoring any earlier state is safe: the server reuses only the part of
/// it that matches the next prompt. A file the server cannot read is deleted.
public struct PromptSnapshot: Sendable {
    /// Where llama-server reads and writes snapshots (`--slot-save-path`).
    public let directory: URL
    /// The snapshot's file name in `directory` (letters, digits, `-`, `.` only, as llama-server requires).
    public let fileName: String

    /// The least prompt, in tokens, worth saving: anything shorter is read again faster than a file is written.
    public static let minimumPromptTokens = 256

    /// The snapshot for a server configuration.
    public init(configuration: ManagedServer.Configuration, binary: URL) {
        directory = configuration.paths.cache.appendingPathComponent("slots")
        let attributes = try? FileManager.default.attributesOfItem(atPath: configuration.modelPath.path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let identity = [configuration.modelPath.path, String(size), String(Int(modified)), String(configuration.contextSize),
                        binary.path].joined(separator: "\u{1}")
        let safeName = String(configuration.modelName.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "-" })
        fileName = "\(safeName)-\(StableHash.hex64(bytes: Array(identity.utf8))).bin"
    }

    /// The snapshot file.
    public var url: URL { directory.appendingPathComponent(fileName) }

    /// Loads the snapshot into slot 0 of the server at `baseURL`, if there is one.
    /// - Returns: the tokens restored, or nil when there was nothing to restore or the server refused it (the file is
    ///   then deleted).
    @discardableResult
    public func restore(into baseURL: URL) async -> Int? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let answer = try await client(baseURL).post("slots/0?action=restore", body: Request(filename: fileName),
                                                        as: Answer.self)
            return answer.nRestored
        } catch {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
    }

    /// Saves slot 0 of the server at `baseURL` unless a snapshot was saved since `serverStartedAt`.
    /// - Returns: whether a snapshot was written.
    @discardableResult
    public func saveIfOlder(than serverStartedAt: Date, from baseURL: URL) async -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let saved = attributes?[.modificationDate] as? Date, saved >= serverStartedAt { return false }
        do {
            try XDGPaths.ensureDirectory(directory)
            _ = try await client(baseURL).post("slots/0?action=save", body: Request(filename: fileName), as: Answer.self)
            // llama-server creates the file with its own umask: k1's files are private.
            _ = chmod(url.path, 0o600)
            return true
        } catch {
            return false
        }
    }

    private func client(_ baseURL: URL) -> HTTPJSONClient {
        HTTPJSONClient(endpoint: ServerEndpoint(name: "llama-server", baseURL: baseURL, unreachableHint: "run: k1 doctor"),
                       timeout: 30)
    }

    /// `{"filename": …}`.
    struct Request: Encodable {
        var filename: String
    }

    /// The part of llama-server's answer k1 reads.
    struct Answer: Decodable {
        var nRestored: Int?
        var nSaved: Int?

        enum CodingKeys: String, CodingKey {
            case nRestored = "n_restored"
            case nSaved = "n_saved"
        }
    }
}
