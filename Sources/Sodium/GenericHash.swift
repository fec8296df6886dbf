import CSodium

/// BLAKE2b (`crypto_generichash`), plain or keyed. Keyed BLAKE2b is a MAC/PRF: we use it to key
/// token input with the server pepper and to derive fingerprints with a domain-separating prefix.
public enum GenericHash {
    public static let minKeyBytes = Int(crypto_generichash_keybytes_min())
    public static let maxKeyBytes = Int(crypto_generichash_keybytes_max())

    /// Unkeyed BLAKE2b of `length` bytes (16...64).
    public static func hash(_ message: [UInt8], length: Int = 32) -> [UInt8] {
        Sodium.ready()
        precondition((16...64).contains(length), "BLAKE2b output must be 16 to 64 bytes")
        var out = [UInt8](repeating: 0, count: length)
        _ = crypto_generichash(&out, length, message, UInt64(message.count), nil, 0)
        return out
    }

    /// Keyed BLAKE2b; the result is secret when the key is, so it comes back in `SecureBytes`.
    public static func keyedHash(_ message: UnsafeRawBufferPointer, key: SecureBytes, length: Int = 32) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        guard (minKeyBytes...maxKeyBytes).contains(key.count) else {
            throw SodiumError(.invalidLength, "a BLAKE2b key is \(minKeyBytes) to \(maxKeyBytes) bytes, got \(key.count)")
        }
        precondition((16...64).contains(length), "BLAKE2b output must be 16 to 64 bytes")
        return SecureBytes(count: length) { (out: UnsafeMutableRawBufferPointer) -> Void in
            key.withUnsafeBytes { k in
                _ = crypto_generichash(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), length,
                    message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count),
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            }
        }
    }
}

extension GenericHash {
    /// Unkeyed BLAKE2b of `parts` fed in order, as if concatenated, without copying them into one
    /// buffer (a transfer bundle's digest runs over attachments of megabytes). The state is
    /// allocated with the 64-byte alignment libsodium's `crypto_generichash_state` declares (an
    /// over-aligned struct Swift imports only as an opaque pointer).
    public static func hash(parts: [[UInt8]], length: Int = 32) -> [UInt8] {
        Sodium.ready()
        precondition((16...64).contains(length), "BLAKE2b output must be 16 to 64 bytes")
        let raw = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
        defer { raw.deallocate() }
        let state = OpaquePointer(raw)
        _ = crypto_generichash_init(state, nil, 0, length)
        for part in parts {
            _ = crypto_generichash_update(state, part, UInt64(part.count))
        }
        var out = [UInt8](repeating: 0, count: length)
        _ = crypto_generichash_final(state, &out, length)
        return out
    }
}
