import CSodium

/// Anonymous public-key encryption (`crypto_box_seal`): X25519 with a fresh ephemeral key per
/// message, XSalsa20-Poly1305. We use it to wrap a case key to each recipient's public key.
///
/// Why it is safe: the ephemeral key pair is new for every call, so the derived nonce never repeats;
/// the recipient learns nothing about the sender, which is what we want (the server is the sender).
public enum SealedBox {
    /// Bytes added to the plaintext (ephemeral public key + MAC).
    public static let overhead = Int(crypto_box_sealbytes())

    /// Seals `plaintext` to `recipientPublicKey`.
    public static func seal(_ plaintext: SecureBytes, to recipientPublicKey: [UInt8]) throws(SodiumError) -> [UInt8] {
        try plaintext.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws(SodiumError) -> [UInt8] in
            try seal(bytes, to: recipientPublicKey)
        }
    }

    /// Seals non-secret or already-copied bytes.
    public static func seal(_ plaintext: UnsafeRawBufferPointer, to recipientPublicKey: [UInt8]) throws(SodiumError) -> [UInt8] {
        Sodium.ready()
        guard recipientPublicKey.count == BoxKeyPair.publicKeyBytes else {
            throw SodiumError(.invalidLength, "an X25519 public key is \(BoxKeyPair.publicKeyBytes) bytes, got \(recipientPublicKey.count)")
        }
        var out = [UInt8](repeating: 0, count: plaintext.count + overhead)
        let scratch: [UInt8] = [0]  // a valid pointer for an empty message
        let rc = scratch.withUnsafeBufferPointer { fallback in
            crypto_box_seal(&out, plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback.baseAddress!,
                            UInt64(plaintext.count), recipientPublicKey)
        }
        guard rc == 0 else { throw SodiumError(.invalidKey, "the recipient public key is not a valid X25519 key") }
        return out
    }

    /// Opens a sealed box with the recipient's key pair. The plaintext is returned in `SecureBytes`.
    public static func open(_ ciphertext: [UInt8], with keyPair: BoxKeyPair) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        guard ciphertext.count >= overhead else {
            throw SodiumError(.invalidLength, "a sealed box is at least \(overhead) bytes, got \(ciphertext.count)")
        }
        return try SecureBytes(count: ciphertext.count - overhead) { (out: UnsafeMutableRawBufferPointer) throws(SodiumError) -> Void in
            let rc = keyPair.secretKey.withUnsafeBytes { sk in
                out.withOutputPointer { m in crypto_box_seal_open(
                    m, ciphertext, UInt64(ciphertext.count),
                    keyPair.publicKey, sk.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
            }
            guard rc == 0 else {
                throw SodiumError(.authenticationFailed, "the sealed box does not open with this key (not addressed to it, or altered)")
            }
        }
    }
}
