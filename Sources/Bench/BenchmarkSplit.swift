/// Which part of the dataset a case belongs to: about 30 % `dev` (to look at while tuning prompts) and the rest
/// `test` (to report). A case may name its split; otherwise a hash of its id decides, so the split never changes
/// when cases are added or reordered.
public enum BenchmarkSplit: String, Sendable, Codable, CaseIterable {
    /// The tuning part.
    case dev
    /// The reporting part.
    case test
    /// Both, as a selection.
    case all

    /// Percent of ids the hash sends to `dev`.
    public static let devPercent: UInt64 = 30

    /// The split the hash of `id` assigns: `dev` when FNV-1a-64 of the id, modulo 100, is below ``devPercent``.
    public static func assigned(id: String) -> BenchmarkSplit {
        fnv1a64(id) % 100 < devPercent ? .dev : .test
    }

    /// Whether a case in split `split` is selected by `self` (`all` selects both).
    public func selects(_ split: BenchmarkSplit) -> Bool {
        self == .all || self == split
    }

    /// 64-bit FNV-1a of the UTF-8 bytes.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
