import Foundation

/// What k1 remembers about the llama-server it started (`state/server.json`), so that later k1 processes reuse it.
public struct ManagedServerRecord: Sendable, Equatable, Codable {
    /// The server's process id.
    public var pid: Int32
    /// Its loopback port.
    public var port: Int
    /// The model name it serves (its `--alias`).
    public var model: String
    /// The GGUF file it loaded.
    public var modelPath: String
    /// When it was started.
    public var startedAt: Date
    /// When it was last used according to this record (see also `ManagedServerStore.lastUsed`).
    public var lastUsed: Date
    /// The llama-server binary, to recognise the process before signalling it.
    public var executable: String?
    /// The idle watcher (`k1 server watch`) started with it, if any.
    public var watcherPid: Int32?

    /// Creates a record.
    public init(pid: Int32, port: Int, model: String, modelPath: String, startedAt: Date, lastUsed: Date,
                executable: String? = nil, watcherPid: Int32? = nil) {
        self.pid = pid
        self.port = port
        self.model = model
        self.modelPath = modelPath
        self.startedAt = startedAt
        self.lastUsed = lastUsed
        self.executable = executable
        self.watcherPid = watcherPid
    }

    /// `http://127.0.0.1:<port>`.
    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The record as pretty JSON (dates in ISO 8601).
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Decodes a record; nil when the data is not a valid one (empty, truncated, foreign JSON, bad values).
    public static func decode(_ data: Data) -> ManagedServerRecord? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let record = try? decoder.decode(ManagedServerRecord.self, from: data),
              record.pid > 1, (1...65535).contains(record.port), !record.modelPath.isEmpty else { return nil }
        return record
    }
}
