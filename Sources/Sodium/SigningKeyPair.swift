import CSodium

/// An Ed25519 key pair (`crypto_sign_*`): inspectors sign requests and assignments with it, the
/// daemon signs audit-log checkpoints with it. Stored as its 32-byte seed.
public struct SigningKeyPair: Sendable {
    public static let seedBytes = Int(crypto_sign_seedbytes())
    public static let publicKeyBytes = Int(crypto_sign_publickeybytes())
    public static let signatureBytes = Int(crypto_sign_bytes())

    public let publicKey: [UInt8]
    /// The 32-byte seed, from which the 64-byte libsodium secret key is rebuilt on each use.
    public let seed: SecureBytes

    /// A fresh key pair from a random seed.
    public init() {
        try! self.init(seed: SecureBytes(randomCount: Self.seedBytes))
    }

    /// The key pair determined by `seed` (`crypto_sign_seed_keypair`).
    public init(seed: SecureBytes) throws(SodiumError) {
        Sodium.ready()
        guard seed.count == Self.seedBytes else {
            throw SodiumError(.invalidLength, "an Ed25519 seed is \(Self.seedBytes) bytes, got \(seed.count)")
        }
        var pk = [UInt8](repeating: 0, count: Self.publicKeyBytes)
        _ = Self.withSecretKey(seed: seed, publicKey: &pk) { _ in 0 }
        publicKey = pk
        self.seed = seed
    }

    /// A detached signature over `message`.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Self.signatureBytes)
        var pk = [UInt8](repeating: 0, count: Self.publicKeyBytes)
        _ = Self.withSecretKey(seed: seed, publicKey: &pk) { sk in
            crypto_sign_detached(&signature, nil, message, UInt64(message.count), sk)
        }
        return signature
    }

    /// Verifies a detached Ed25519 signature.
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        Sodium.ready()
        guard signature.count == signatureBytes, publicKey.count == publicKeyBytes else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }

    /// Expands the seed into libsodium's 64-byte secret key, placed like the seed, for one call.
    private static func withSecretKey(seed: SecureBytes, publicKey: inout [UInt8], _ body: (UnsafePointer<UInt8>) -> Int32) -> Int32 {
        let secret = SecureBytes(count: Int(crypto_sign_secretkeybytes()), guarded: seed.isGuarded) { (sk: UnsafeMutableRawBufferPointer) -> Void in
            seed.withUnsafeBytes { s in
                _ = crypto_sign_seed_keypair(&publicKey, sk.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                             s.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        return secret.withUnsafeBytes { body($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }
}
