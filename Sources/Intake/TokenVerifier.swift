import Sodium

/// What the server keeps of a token (or of a duress code): a per-token salt, the Argon2id cost
/// used, and `hash` = BLAKE2b(key = K, "verifier") where K = Argon2id(BLAKE2b_pepper(token), salt)
/// (Docs/format.md §6). K itself is never stored: a second key derived from it unlocks the
/// reporter's key (§10), and the stored hash does not lead back to it.
public struct TokenVerifier: Sendable, Equatable {
    public let salt: [UInt8]
    public let hash: [UInt8]
    public let cost: PasswordHash.Cost

    public init(salt: [UInt8], hash: [UInt8], cost: PasswordHash.Cost) {
        self.salt = salt
        self.hash = hash
        self.cost = cost
    }
}

/// A new token's verifier and the key that wraps the reporter's secret key under it.
public struct TokenSecrets: Sendable {
    public let verifier: TokenVerifier
    public let wrapKey: SecureBytes
}

/// Computes and checks token verifiers, and derives the reporter-key wrapping key (Docs/format.md §6, §9).
///
/// The pepper is a 32-byte secret kept outside the database: a stolen database alone gives an
/// attacker nothing to test guesses against. Argon2id with a per-token salt makes each guess cost
/// real memory and time even for someone who has both, and no guess serves for two tokens. One
/// Argon2id call per check yields both the verifier and the wrapping key.
public struct TokenHasher: Sendable {
    static let tokenLabel = Array("safeintake/token".utf8) + [0x00]
    static let duressLabel = Array("safeintake/duress".utf8) + [0x00]
    static let verifierLabel = Array("safeintake/token-verifier".utf8)
    static let wrapKeyLabel = Array("safeintake/reporter-key-wrap".utf8)
    static let visitKeyLabel = Array("safeintake/visit-pass-key".utf8)
    public static let hashBytes = 32

    private let pepper: SecureBytes
    public let cost: PasswordHash.Cost

    public init(pepper: SecureBytes, cost: PasswordHash.Cost) {
        precondition(pepper.count == 32, "the token pepper must be 32 bytes")
        self.pepper = pepper
        self.cost = cost
    }

    /// A verifier and wrapping key for a new token, with a fresh salt at the current cost.
    public func makeSecrets(for token: StatusToken) throws -> TokenSecrets {
        let salt = Random.bytes(PasswordHash.saltBytes)
        let k = try stretch(token.digits, label: Self.tokenLabel, salt: salt, cost: cost)
        return TokenSecrets(verifier: TokenVerifier(salt: salt, hash: try Self.verifierHash(k), cost: cost),
                            wrapKey: try Self.wrapKey(k))
    }

    /// The key visit passes are sealed under (`VisitPass`): derived from the pepper, so every
    /// daemon of a deployment opens the passes of the others, and a database alone opens none.
    public func visitKey() throws -> SecureBytes {
        try Self.visitKeyLabel.withUnsafeBytes { try GenericHash.keyedHash($0, key: pepper) }
    }

    /// A verifier for a new token (when no reporter key is wrapped under it).
    public func makeVerifier(for token: StatusToken) throws -> TokenVerifier {
        try makeSecrets(for: token).verifier
    }

    /// The wrapping key when `token` matches `verifier` (compared in constant time), else nil.
    public func open(_ token: StatusToken, _ verifier: TokenVerifier) throws -> SecureBytes? {
        let k = try stretch(token.digits, label: Self.tokenLabel, salt: verifier.salt, cost: verifier.cost)
        guard ConstantTime.equals(try Self.verifierHash(k), verifier.hash) else { return nil }
        return try Self.wrapKey(k)
    }

    /// True when `token` matches `verifier`.
    public func matches(_ token: StatusToken, _ verifier: TokenVerifier) throws -> Bool {
        try open(token, verifier) != nil
    }

    /// A verifier for a reporter's duress code, salted per case.
    public func makeDuressVerifier(_ code: DuressCode) throws -> TokenVerifier {
        let salt = Random.bytes(PasswordHash.saltBytes)
        let k = try stretch(code.digits, label: Self.duressLabel, salt: salt, cost: cost)
        return TokenVerifier(salt: salt, hash: try Self.verifierHash(k), cost: cost)
    }

    /// True when `code` matches the case's duress verifier (constant-time compare).
    public func matchesDuress(_ code: DuressCode, _ verifier: TokenVerifier) throws -> Bool {
        let k = try stretch(code.digits, label: Self.duressLabel, salt: verifier.salt, cost: verifier.cost)
        return ConstantTime.equals(try Self.verifierHash(k), verifier.hash)
    }

    /// Spends the same effort as one check without a stored verifier, so an unknown token takes as
    /// long to refuse as a wrong one.
    public func burnEquivalentWork(for token: StatusToken) throws {
        _ = try Self.verifierHash(stretch(token.digits, label: Self.tokenLabel,
                                          salt: [UInt8](repeating: 0, count: PasswordHash.saltBytes), cost: cost))
    }

    /// K = Argon2id(BLAKE2b(key = pepper, label || digits), salt).
    private func stretch(_ digits: SecureBytes, label: [UInt8], salt: [UInt8], cost: PasswordHash.Cost) throws -> SecureBytes {
        let message = SecureBytes(count: label.count + digits.count) { (out: UnsafeMutableRawBufferPointer) -> Void in
            out.copyBytes(from: label)
            digits.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[label.count...]).copyMemory(from: $0) }
        }
        let input = try message.withUnsafeBytes { try GenericHash.keyedHash($0, key: pepper) }
        return try PasswordHash.derive(length: Self.hashBytes, password: input, salt: salt, cost: cost)
    }

    private static func verifierHash(_ k: SecureBytes) throws -> [UInt8] {
        try verifierLabel.withUnsafeBytes { try GenericHash.keyedHash($0, key: k) }.copyBytes()
    }

    private static func wrapKey(_ k: SecureBytes) throws -> SecureBytes {
        try wrapKeyLabel.withUnsafeBytes { try GenericHash.keyedHash($0, key: k) }
    }
}
