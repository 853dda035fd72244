import Foundation

/// A fresh directory under the system temporary directory, removed when the test is done with it.
public final class TemporaryDirectory {
    /// The directory.
    public let url: URL

    /// Creates the directory, named `k1-tests-<uuid>`.
    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("k1-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// `name` inside the directory.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `bytes` to `name` inside the directory.
    public func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let target = file(name)
        try Data(bytes).write(to: target)
        return target
    }

    /// Writes `text` as UTF-8 to `name` inside the directory.
    public func write(_ text: String, to name: String) throws -> URL {
        try write(Array(text.utf8), to: name)
    }

    /// The UTF-8 text of `name` inside the directory.
    public func contents(_ name: String) throws -> String {
        try String(contentsOf: file(name), encoding: .utf8)
    }
}
