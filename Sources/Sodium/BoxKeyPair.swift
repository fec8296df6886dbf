import CSodium

/// An X25519 key pair for `crypto_box_seal`: an inspector's or supervisor's encryption key.
/// The secret half lives in `SecureBytes`.
public struct BoxKeyPair: Sendable {
    public static let publicKeyBytes = Int(crypto_box_publickeybytes())
    public static let secretKeyBytes = Int(crypto_box_secretkeybytes())

    public let publicKey: [UInt8]
    public let secretKey: SecureBytes

    /// A fresh key pair (`crypto_box_keypair`).
    public init() {
        Sodium.ready()
        var pk = [UInt8](repeating: 0, count: Self.publicKeyBytes)
        let sk = SecureBytes(count: Self.secretKeyBytes) { (skBuffer: UnsafeMutableRawBufferPointer) -> Void in
            _ = crypto_box_keypair(&pk, skBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        publicKey = pk
        secretKey = sk
    }

    /// Rebuilds a key pair from a stored secret key; the public key is recomputed
    /// (`crypto_scalarmult_base`) so a key file cannot pair a secret with the wrong public key.
    public init(secretKey: SecureBytes) throws(SodiumError) {
        Sodium.ready()
        guard secretKey.count == Self.secretKeyBytes else {
            throw SodiumError(.invalidLength, "an X25519 secret key is \(Self.secretKeyBytes) bytes, got \(secretKey.count)")
        }
        var pk = [UInt8](repeating: 0, count: Self.publicKeyBytes)
        let rc = secretKey.withUnsafeBytes { sk in
            crypto_scalarmult_base(&pk, sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard rc == 0 else { throw SodiumError(.invalidKey, "the X25519 secret key is not usable") }
        publicKey = pk
        self.secretKey = secretKey
    }
}
