import Foundation

/// The cache file's JSON shape and its coding: `{"version":1,"entries":[…]}` with ISO 8601 dates. Entries that do
/// not decode are skipped rather than failing the whole file.
enum AnswerCacheFile {
    static let version = 1

    struct Contents: Codable {
        var version: Int
        var entries: [Lenient]
    }

    /// An entry that decodes to nil instead of throwing.
    struct Lenient: Codable {
        var entry: AnswerCacheEntry?

        init(_ entry: AnswerCacheEntry) { self.entry = entry }

        init(from decoder: any Decoder) throws {
            entry = try? AnswerCacheEntry(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try entry.encode(to: encoder)
        }
    }

    /// Decodes a file's bytes; nil when they are not a cache file.
    static func decode(_ data: Data) -> [AnswerCacheEntry]? {
        if data.isEmpty { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: withFraction) { return date }
            if let date = try? Date(text, strategy: .iso8601) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        guard let contents = try? decoder.decode(Contents.self, from: data) else { return nil }
        return contents.entries.compactMap(\.entry)
    }

    /// Encodes entries, sorted by key so that the file is stable.
    static func encode(_ entries: [AnswerCacheEntry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(withFraction))
        }
        let sorted = entries.sorted { $0.key < $1.key }
        return try encoder.encode(Contents(version: version, entries: sorted.map(Lenient.init)))
    }

    static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
