import Foundation

extension ModelCatalog {
    /// The key/value metadata at the start of a GGUF file (format versions 2 and 3, little-endian):
    /// enough to show a model's architecture, quantization and context length without loading it.
    public struct GGUFHeader: Sendable, Equatable {
        /// A metadata value. Arrays keep only their element type and count.
        public enum Value: Sendable, Equatable {
            /// An unsigned integer (types 0, 2, 4, 10).
            case unsigned(UInt64)
            /// A signed integer (types 1, 3, 5, 11).
            case signed(Int64)
            /// A float (types 6, 12).
            case float(Double)
            /// A boolean (type 7).
            case bool(Bool)
            /// A string (type 8).
            case string(String)
            /// An array (type 9): its element type and length; the elements are skipped.
            case array(elementType: UInt32, count: UInt64)

            /// The value as an integer, when it is one.
            public var integer: Int? {
                switch self {
                case .unsigned(let v): v <= UInt64(Int.max) ? Int(v) : nil
                case .signed(let v): Int(v)
                default: nil
                }
            }

            /// The value as a string, when it is one.
            public var string: String? {
                if case .string(let s) = self { return s }
                return nil
            }
        }

        /// Why a file is not a readable GGUF.
        public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
            /// The file does not start with `GGUF`.
            case notGGUF
            /// A format version other than 2 or 3.
            case unsupportedVersion(UInt32)
            /// The file ends inside the header.
            case truncated
            /// A value type this parser does not know.
            case badValueType(UInt32)

            public var description: String {
                switch self {
                case .notGGUF: "not a GGUF file (bad magic)"
                case .unsupportedVersion(let v): "unsupported GGUF version \(v)"
                case .truncated: "the GGUF header is truncated"
                case .badValueType(let t): "unknown GGUF value type \(t)"
                }
            }
        }

        /// GGUF format version.
        public let version: UInt32
        /// Number of tensors the file declares.
        public let tensorCount: UInt64
        /// The metadata, by key (`general.architecture`, `general.file_type`, …).
        public let metadata: [String: Value]

        /// Creates a header.
        public init(version: UInt32, tensorCount: UInt64, metadata: [String: Value]) {
            self.version = version
            self.tensorCount = tensorCount
            self.metadata = metadata
        }

        /// `general.architecture` (`qwen2`, `llama`, `gemma3`, …).
        public var architecture: String? { metadata["general.architecture"]?.string }
        /// `general.name`.
        public var name: String? { metadata["general.name"]?.string }
        /// `general.file_type`, llama.cpp's `llama_ftype` number.
        public var fileType: Int? { metadata["general.file_type"]?.integer }
        /// The quantization named from `general.file_type` (`Q4_K_M`), or nil if absent or unknown.
        public var quantization: String? { fileType.flatMap { GGUFHeader.fileTypeNames[$0] } }
        /// `<architecture>.context_length`: the context the model was trained for.
        public var contextLength: Int? { architecture.flatMap { metadata["\($0).context_length"]?.integer } }

        /// llama.cpp's `llama_ftype` values and their usual names.
        public static let fileTypeNames: [Int: String] = [
            0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
            12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
            19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
            26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16",
            36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4",
        ]

        /// Reads the header of the GGUF file at `url` (memory-mapped: only the header's pages are read).
        public static func read(from url: URL) throws -> GGUFHeader {
            let data = try Data(contentsOf: url, options: .alwaysMapped)
            return try parse(data)
        }

        /// Parses the header from the start of a GGUF file's bytes.
        public static func parse(_ data: Data) throws(ParseError) -> GGUFHeader {
            var reader = Reader(data: data)
            guard try reader.bytes(4) == Array("GGUF".utf8) else { throw .notGGUF }
            let version: UInt32 = try reader.integer()
            guard version == 2 || version == 3 else { throw .unsupportedVersion(version) }
            let tensorCount: UInt64 = try reader.integer()
            let keyCount: UInt64 = try reader.integer()
            var metadata: [String: Value] = [:]
            var index: UInt64 = 0
            while index < keyCount {
                let key = try reader.string()
                let type: UInt32 = try reader.integer()
                metadata[key] = try reader.value(type: type)
                index += 1
            }
            return GGUFHeader(version: version, tensorCount: tensorCount, metadata: metadata)
        }

        /// A little-endian cursor over the file's bytes.
        private struct Reader {
            let data: Data
            var offset: Int

            init(data: Data) {
                self.data = data
                offset = data.startIndex
            }

            mutating func bytes(_ count: Int) throws(ParseError) -> [UInt8] {
                guard count >= 0, data.endIndex - offset >= count else { throw .truncated }
                defer { offset += count }
                return Array(data[offset..<offset + count])
            }

            mutating func skip(_ count: UInt64) throws(ParseError) {
                guard count <= UInt64(data.endIndex - offset) else { throw .truncated }
                offset += Int(count)
            }

            mutating func integer<T: FixedWidthInteger>() throws(ParseError) -> T {
                let size = MemoryLayout<T>.size
                guard data.endIndex - offset >= size else { throw .truncated }
                let start = offset - data.startIndex
                let raw = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: T.self) }
                offset += size
                return T(littleEndian: raw)
            }

            mutating func string() throws(ParseError) -> String {
                let length: UInt64 = try integer()
                guard length <= UInt64(data.endIndex - offset) else { throw .truncated }
                return String(decoding: try bytes(Int(length)), as: UTF8.self)
            }

            /// Size of a fixed-width value type, nil for strings and arrays.
            static func width(of type: UInt32) -> UInt64? {
                switch type {
                case 0, 1, 7: 1
                case 2, 3: 2
                case 4, 5, 6: 4
                case 10, 11, 12: 8
                default: nil
                }
            }

            mutating func value(type: UInt32) throws(ParseError) -> Value {
                switch type {
                case 0: return .unsigned(UInt64(try integer() as UInt8))
                case 1: return .signed(Int64(try integer() as Int8))
                case 2: return .unsigned(UInt64(try integer() as UInt16))
                case 3: return .signed(Int64(try integer() as Int16))
                case 4: return .unsigned(UInt64(try integer() as UInt32))
                case 5: return .signed(Int64(try integer() as Int32))
                case 6: return .float(Double(Float(bitPattern: try integer())))
                case 7: return .bool(try integer() as UInt8 != 0)
                case 8: return .string(try string())
                case 10: return .unsigned(try integer())
                case 11: return .signed(try integer())
                case 12: return .float(Double(bitPattern: try integer()))
                case 9:
                    let elementType: UInt32 = try integer()
                    let count: UInt64 = try integer()
                    if let width = Reader.width(of: elementType) {
                        let (total, overflow) = width.multipliedReportingOverflow(by: count)
                        guard !overflow else { throw .truncated }
                        try skip(total)
                    } else if elementType == 8 {
                        var skipped: UInt64 = 0
                        while skipped < count {
                            let length: UInt64 = try integer()
                            try skip(length)
                            skipped += 1
                        }
                    } else {
                        throw .badValueType(elementType)   // nested arrays do not occur in practice
                    }
                    return .array(elementType: elementType, count: count)
                default:
                    throw .badValueType(type)
                }
            }
        }
    }
}
