/// FNV-1a over 128 bits: a small, dependency-free hash that gives the same value on every run and platform, for
/// answer-cache keys. Not cryptographic; collisions among a user's few thousand keys are astronomically unlikely.
public enum StableHash {
    static let offsetBasis: UInt128 = 0x6c62272e07bb014262b821756295c58d
    static let prime: UInt128 = 0x0000000001000000000000000000013B

    /// The 128-bit FNV-1a hash of the UTF-8 bytes of `text`.
    public static func fnv1a128(_ text: String) -> UInt128 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The 64-bit FNV-1a hash of `bytes` as 16 lowercase hex digits: for fingerprinting files, where the 128-bit hash's
    /// wide multiplications cost ~0.5 µs a byte (a 200 KB file took 100 ms at start-up) and this one a nanosecond.
    public static func hex64<Bytes: Sequence<UInt8>>(bytes: Bytes) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash as 32 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        let value = fnv1a128(text)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }
}
