import CSodium

/// SHA-256 (`crypto_hash_sha256`). Required by RFC 9162 Merkle trees and C2SP key IDs, and used to
/// hash the published firewall policy; everything of our own uses BLAKE2b.
public enum SHA256 {
    public static let byteCount = Int(crypto_hash_sha256_bytes())

    public static func hash(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { hash($0) }
    }

    public static func hash(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        Sodium.ready()
        var out = [UInt8](repeating: 0, count: byteCount)
        _ = crypto_hash_sha256(&out, message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count))
        return out
    }

    /// SHA-256 of `prefix` followed by the concatenation of `parts`, without building the joined array.
    public static func hash(prefix: UInt8, _ parts: [UInt8]...) -> [UInt8] {
        Sodium.ready()
        var state = crypto_hash_sha256_state()
        _ = crypto_hash_sha256_init(&state)
        var p = prefix
        _ = crypto_hash_sha256_update(&state, &p, 1)
        for part in parts {
            _ = crypto_hash_sha256_update(&state, part, UInt64(part.count))
        }
        var out = [UInt8](repeating: 0, count: byteCount)
        _ = crypto_hash_sha256_final(&state, &out)
        return out
    }

    /// SHA-256 of a message fed in pieces (a database file hashed in chunks for a backup manifest
    /// or an auditor's report, without reading it into memory at once).
    public struct Hasher {
        private var state = crypto_hash_sha256_state()

        public init() {
            Sodium.ready()
            _ = crypto_hash_sha256_init(&state)
        }

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            _ = crypto_hash_sha256_update(&state, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
        }

        public mutating func finalize() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: SHA256.byteCount)
            _ = crypto_hash_sha256_final(&state, &out)
            return out
        }
    }
}
