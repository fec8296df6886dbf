import CSodium

/// XChaCha20-Poly1305 (IETF) authenticated encryption with associated data.
///
/// Why it is safe: the 192-bit nonce is drawn at random for every message, so random nonces do not
/// collide in practice even under one key; associated data binds a ciphertext to its context
/// (case id, format version, record type) so a ciphertext moved to another case fails to open.
public enum AEAD {
    public static let keyBytes = Int(crypto_aead_xchacha20poly1305_ietf_keybytes())
    public static let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_npubbytes())
    public static let tagBytes = Int(crypto_aead_xchacha20poly1305_ietf_abytes())

    /// A fresh random key.
    public static func generateKey() -> SecureBytes {
        SecureBytes(randomCount: keyBytes)
    }

    /// Encrypts with a fresh random nonce; returns `nonce || ciphertext || tag`.
    public static func seal(_ plaintext: SecureBytes, associatedData: [UInt8], key: SecureBytes) throws(SodiumError) -> [UInt8] {
        try plaintext.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws(SodiumError) -> [UInt8] in
            try seal(bytes, associatedData: associatedData, key: key)
        }
    }

    /// Encrypts raw bytes with a fresh random nonce; returns `nonce || ciphertext || tag`.
    public static func seal(_ plaintext: UnsafeRawBufferPointer, associatedData: [UInt8], key: SecureBytes) throws(SodiumError) -> [UInt8] {
        Sodium.ready()
        try checkKey(key)
        let nonce = Random.bytes(nonceBytes)
        var out = [UInt8](repeating: 0, count: nonceBytes + plaintext.count + tagBytes)
        var written: UInt64 = 0
        out.withUnsafeMutableBufferPointer { outBuffer in
            let cipherStart = outBuffer.baseAddress! + nonceBytes
            key.withUnsafeBytes { k in
                _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                    cipherStart, &written,
                    plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
                    associatedData, UInt64(associatedData.count),
                    nil, nonce, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            for i in 0..<nonceBytes { outBuffer[i] = nonce[i] }
        }
        return out
    }

    /// Decrypts `nonce || ciphertext || tag`; fails if the key, the data or the associated data differ.
    public static func open(_ sealed: [UInt8], associatedData: [UInt8], key: SecureBytes) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        try checkKey(key)
        guard sealed.count >= nonceBytes + tagBytes else {
            throw SodiumError(.invalidLength, "ciphertext is shorter than nonce and tag (\(sealed.count) bytes)")
        }
        let plainCount = sealed.count - nonceBytes - tagBytes
        return try SecureBytes(count: plainCount) { (out: UnsafeMutableRawBufferPointer) throws(SodiumError) -> Void in
            let rc = sealed.withUnsafeBufferPointer { s in
                key.withUnsafeBytes { k in
                    out.withOutputPointer { m in crypto_aead_xchacha20poly1305_ietf_decrypt(
                        m, nil, nil,
                        s.baseAddress! + nonceBytes, UInt64(sealed.count - nonceBytes),
                        associatedData, UInt64(associatedData.count),
                        s.baseAddress!, k.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
                }
            }
            guard rc == 0 else {
                throw SodiumError(.authenticationFailed, "the ciphertext does not open with this key and context (wrong key, wrong record, or altered)")
            }
        }
    }

    private static func checkKey(_ key: SecureBytes) throws(SodiumError) {
        guard key.count == keyBytes else {
            throw SodiumError(.invalidLength, "an XChaCha20-Poly1305 key is \(keyBytes) bytes, got \(key.count)")
        }
    }
}
