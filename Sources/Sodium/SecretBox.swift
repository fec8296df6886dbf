import CSodium

/// Secret-key authenticated encryption (`crypto_secretbox_easy`, XSalsa20-Poly1305), used to keep
/// an inspector's private key encrypted at rest under a passphrase-derived key.
///
/// Why it is safe: a fresh random 192-bit nonce per encryption; the key comes from Argon2id with a
/// fresh salt each time a key file is written, so key and nonce pairs never repeat.
public enum SecretBox {
    public static let keyBytes = Int(crypto_secretbox_keybytes())
    public static let nonceBytes = Int(crypto_secretbox_noncebytes())
    public static let macBytes = Int(crypto_secretbox_macbytes())

    /// Encrypts; returns the nonce and the ciphertext (MAC included) separately for the key-file format.
    public static func seal(_ plaintext: SecureBytes, key: SecureBytes) throws(SodiumError) -> (nonce: [UInt8], ciphertext: [UInt8]) {
        Sodium.ready()
        try checkKey(key)
        let nonce = Random.bytes(nonceBytes)
        var out = [UInt8](repeating: 0, count: plaintext.count + macBytes)
        plaintext.withUnsafeBytes { m in
            key.withUnsafeBytes { k in
                _ = crypto_secretbox_easy(
                    &out, m.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(m.count),
                    nonce, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        return (nonce, out)
    }

    /// Decrypts; a wrong passphrase shows up here as `authenticationFailed`.
    public static func open(_ ciphertext: [UInt8], nonce: [UInt8], key: SecureBytes) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        try checkKey(key)
        guard nonce.count == nonceBytes else {
            throw SodiumError(.invalidLength, "a secretbox nonce is \(nonceBytes) bytes, got \(nonce.count)")
        }
        guard ciphertext.count >= macBytes else {
            throw SodiumError(.invalidLength, "a secretbox is at least \(macBytes) bytes, got \(ciphertext.count)")
        }
        return try SecureBytes(count: ciphertext.count - macBytes) { (out: UnsafeMutableRawBufferPointer) throws(SodiumError) -> Void in
            let rc = key.withUnsafeBytes { k in
                out.withOutputPointer { m in
                    crypto_secretbox_open_easy(m, ciphertext, UInt64(ciphertext.count), nonce,
                                               k.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            guard rc == 0 else {
                throw SodiumError(.authenticationFailed, "wrong passphrase, or the key file was altered")
            }
        }
    }

    private static func checkKey(_ key: SecureBytes) throws(SodiumError) {
        guard key.count == keyBytes else {
            throw SodiumError(.invalidLength, "a secretbox key is \(keyBytes) bytes, got \(key.count)")
        }
    }
}
