import Sodium

/// What the server keeps of a token: Argon2id(BLAKE2b_pepper(token), per-token salt), and the cost
/// used, so costs can be raised later without breaking tokens already handed out.
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

/// Computes and checks token verifiers (Docs/format.md §6).
///
/// The pepper is a 32-byte secret kept outside the database: a stolen database alone gives an
/// attacker nothing to test guesses against. Argon2id with a per-token salt makes each guess cost
/// real memory and time even for someone who has both, and no guess serves for two tokens.
public struct TokenHasher: Sendable {
    static let label = Array("safeintake/token".utf8) + [0x00]
    public static let hashBytes = 32

    private let pepper: SecureBytes
    public let cost: PasswordHash.Cost

    public init(pepper: SecureBytes, cost: PasswordHash.Cost) {
        precondition(pepper.count == 32, "the token pepper must be 32 bytes")
        self.pepper = pepper
        self.cost = cost
    }

    /// A verifier for a new token, with a fresh salt at the current cost.
    public func makeVerifier(for token: StatusToken) throws -> TokenVerifier {
        let salt = Random.bytes(PasswordHash.saltBytes)
        return TokenVerifier(salt: salt, hash: try hash(token, salt: salt, cost: cost), cost: cost)
    }

    /// True when `token` matches `verifier`, compared in constant time.
    public func matches(_ token: StatusToken, _ verifier: TokenVerifier) throws -> Bool {
        let candidate = try hash(token, salt: verifier.salt, cost: verifier.cost)
        return ConstantTime.equals(candidate, verifier.hash)
    }

    /// Spends the same effort as `matches` without a stored verifier, so an unknown token takes as
    /// long to refuse as a wrong one.
    public func burnEquivalentWork(for token: StatusToken) throws {
        _ = try hash(token, salt: [UInt8](repeating: 0, count: PasswordHash.saltBytes), cost: cost)
    }

    private func hash(_ token: StatusToken, salt: [UInt8], cost: PasswordHash.Cost) throws -> [UInt8] {
        let message = SecureBytes(count: Self.label.count + token.digits.count) { (out: UnsafeMutableRawBufferPointer) -> Void in
            out.copyBytes(from: Self.label)
            token.digits.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[Self.label.count...]).copyMemory(from: $0) }
        }
        let input = try message.withUnsafeBytes { try GenericHash.keyedHash($0, key: pepper) }
        return try PasswordHash.derive(length: Self.hashBytes, password: input, salt: salt, cost: cost).copyBytes()
    }
}
