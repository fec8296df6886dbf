import CSodium

/// Subkeys from one master key (`crypto_kdf_derive_from_key`: BLAKE2b keyed with the master, with
/// the subkey's number and an 8-character context as salt and personalisation). Different contexts
/// or numbers give independent keys, and a subkey tells nothing about the master or its siblings.
/// (libsodium 1.0.18 has no HKDF; this is its own KDF, and what TOOLCHAIN.md recommends.)
public enum KeyDerivation {
    /// The master key's size: 32 bytes.
    public static let masterKeyBytes = Int(crypto_kdf_keybytes())
    /// A context is exactly this many bytes (8), fixed per use, e.g. `"SIlocatr"`.
    public static let contextBytes = Int(crypto_kdf_contextbytes())

    /// The subkey number `id` of `master` in `context`, `length` bytes (16 to 64). Guarded when the
    /// master is (a derived secret follows its source).
    public static func derive(from master: SecureBytes, id: UInt64, context: String,
                              length: Int = 32) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        let context = Array(context.utf8)
        guard context.count == contextBytes else {
            throw SodiumError(.invalidLength, "a key-derivation context is \(contextBytes) bytes, got \(context.count)")
        }
        guard master.count == masterKeyBytes else {
            throw SodiumError(.invalidLength, "a key-derivation master key is \(masterKeyBytes) bytes, got \(master.count)")
        }
        guard (Int(crypto_kdf_bytes_min())...Int(crypto_kdf_bytes_max())).contains(length) else {
            throw SodiumError(.invalidLength, "a derived key is \(crypto_kdf_bytes_min()) to \(crypto_kdf_bytes_max()) bytes, got \(length)")
        }
        // Sizes checked above: the master is KEYBYTES, the context CONTEXTBYTES, the output within
        // BYTES_MIN...BYTES_MAX, so the call cannot fail.
        return SecureBytes(count: length, guarded: master.isGuarded) { (out: UnsafeMutableRawBufferPointer) -> Void in
            master.withUnsafeBytes { key in
                context.withUnsafeBufferPointer { ctx in
                    ctx.withMemoryRebound(to: CChar.self) { ctx in
                        _ = crypto_kdf_derive_from_key(out.baseAddress!.assumingMemoryBound(to: UInt8.self), length, id,
                                                       ctx.baseAddress!, key.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
        }
    }
}
