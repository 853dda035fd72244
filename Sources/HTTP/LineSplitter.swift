import Foundation

/// Splits a byte stream into text lines, whatever the chunk boundaries (a line, or a UTF-8 character, may arrive in
/// pieces). Lines end at `\n`; a trailing `\r` is dropped. Used for NDJSON (Ollama) and SSE (llama-server, OpenAI).
public struct LineSplitter: Sendable {
    private var buffer: [UInt8] = []
    /// Where the search for the next `\n` resumes, so a long line arriving in many chunks is scanned once.
    private var scanned = 0

    /// Creates an empty splitter.
    public init() {}

    /// Adds a chunk and returns the lines it completed, in order.
    public mutating func push(_ chunk: Data) -> [String] {
        buffer.append(contentsOf: chunk)
        var lines: [String] = []
        var start = 0
        var index = scanned
        while index < buffer.count {
            if buffer[index] == 0x0A {
                lines.append(Self.decode(buffer[start..<index]))
                start = index + 1
            }
            index += 1
        }
        if start > 0 { buffer.removeFirst(start) }
        scanned = buffer.count
        return lines
    }

    /// Ends the stream: returns the last line if it had no final `\n`, else nil.
    public mutating func finish() -> String? {
        defer { buffer = []; scanned = 0 }
        return buffer.isEmpty ? nil : Self.decode(buffer[...])
    }

    /// Bytes held back waiting for the end of their line.
    public var pendingByteCount: Int { buffer.count }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        if slice.last == 0x0D { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
