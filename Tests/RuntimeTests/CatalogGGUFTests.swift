import Foundation
import Testing
@testable import Runtime

struct CatalogGGUFTests {
    /// Builds a GGUF v3 header with the given key/values (no tensors).
    static func header(_ entries: [(String, UInt32, [UInt8])], version: UInt32 = 3) -> Data {
        var bytes = Array("GGUF".utf8)
        bytes += le(version) + le(UInt64(0)) + le(UInt64(entries.count))
        for (key, type, value) in entries {
            bytes += string(key) + le(type) + value
        }
        return Data(bytes)
    }

    static func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static func string(_ text: String) -> [UInt8] {
        le(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    static let sample: [(String, UInt32, [UInt8])] = [
        ("general.architecture", 8, string("qwen2")),
        ("general.name", 8, string("Qwen2.5 Coder 1.5B Instruct")),
        ("qwen2.context_length", 4, le(UInt32(32768))),
        ("tokenizer.ggml.tokens", 9, le(UInt32(8)) + le(UInt64(3)) + string("a") + string("bc") + string("")),
        ("tokenizer.ggml.scores", 9, le(UInt32(6)) + le(UInt64(2)) + le(Float(1.5).bitPattern) + le(Float(2).bitPattern)),
        ("general.file_type", 4, le(UInt32(15))),
        ("general.quantization_version", 4, le(UInt32(2))),
        ("some.flag", 7, [1]),
        ("some.float", 12, le(Double(0.25).bitPattern)),
        ("some.negative", 5, le(Int32(-7))),
    ]

    @Test func parsesKeysAndSkipsArrays() throws {
        let header = try ModelCatalog.GGUFHeader.parse(Self.header(Self.sample))
        #expect(header.version == 3)
        #expect(header.architecture == "qwen2")
        #expect(header.name == "Qwen2.5 Coder 1.5B Instruct")
        #expect(header.fileType == 15)
        #expect(header.quantization == "Q4_K_M")
        #expect(header.contextLength == 32768)
        #expect(header.metadata["tokenizer.ggml.tokens"] == .array(elementType: 8, count: 3))
        #expect(header.metadata["tokenizer.ggml.scores"] == .array(elementType: 6, count: 2))
        #expect(header.metadata["some.flag"] == .bool(true))
        #expect(header.metadata["some.float"] == .float(0.25))
        #expect(header.metadata["some.negative"]?.integer == -7)
    }

    @Test func rejectsBadInput() {
        #expect(throws: ModelCatalog.GGUFHeader.ParseError.notGGUF) { try ModelCatalog.GGUFHeader.parse(Data("hello world!".utf8)) }
        #expect(throws: ModelCatalog.GGUFHeader.ParseError.unsupportedVersion(1)) {
            try ModelCatalog.GGUFHeader.parse(Self.header([], version: 1))
        }
        let full = Self.header(Self.sample)
        #expect(throws: ModelCatalog.GGUFHeader.ParseError.truncated) { try ModelCatalog.GGUFHeader.parse(full.prefix(full.count - 3)) }
        #expect(throws: ModelCatalog.GGUFHeader.ParseError.badValueType(42)) {
            try ModelCatalog.GGUFHeader.parse(Self.header([("x", 42, [])]))
        }
    }

    @Test func readsFromFile() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("k1-gguf-\(UUID().uuidString).gguf")
        defer { try? FileManager.default.removeItem(at: url) }
        try (Self.header([("general.file_type", 4, Self.le(UInt32(3)))]) + Data(repeating: 0, count: 64)).write(to: url)
        #expect(try ModelCatalog.GGUFHeader.read(from: url).quantization == "Q4_1")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["K1_TEST_GGUF"] != nil))
    func readsARealModel() throws {
        let url = URL(fileURLWithPath: ProcessInfo.processInfo.environment["K1_TEST_GGUF"]!)
        let header = try ModelCatalog.GGUFHeader.read(from: url)
        #expect(header.architecture != nil)
        #expect(header.quantization != nil)
    }
}
