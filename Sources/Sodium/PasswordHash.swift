import CSodium

/// Argon2id (`crypto_pwhash`, algorithm ARGON2ID13): a memory-hard key derivation, used for token
/// verifiers and for keys derived from an inspector's passphrase.
public enum PasswordHash {
    public static let saltBytes = Int(crypto_pwhash_saltbytes())

    /// Cost parameters. Kept together so a stored verifier can record exactly what produced it.
    public struct Cost: Sendable, Equatable, Codable {
        /// Passes over memory (`opslimit`).
        public var operations: UInt64
        /// Memory in bytes (`memlimit`).
        public var memoryBytes: Int

        public init(operations: UInt64, memoryBytes: Int) {
            self.operations = operations
            self.memoryBytes = memoryBytes
        }

        /// libsodium's interactive limits (2 passes, 64 MiB): for a passphrase typed by a person.
        public static let interactive = Cost(
            operations: UInt64(crypto_pwhash_opslimit_interactive()),
            memoryBytes: Int(crypto_pwhash_memlimit_interactive()))
        /// libsodium's moderate limits (3 passes, 256 MiB): for a private-key file that is rarely opened.
        public static let moderate = Cost(
            operations: UInt64(crypto_pwhash_opslimit_moderate()),
            memoryBytes: Int(crypto_pwhash_memlimit_moderate()))
        /// The smallest cost libsodium accepts (1 pass, 8 KiB): tests and overhead benchmarks only.
        public static let minimum = Cost(
            operations: UInt64(crypto_pwhash_opslimit_min()),
            memoryBytes: Int(crypto_pwhash_memlimit_min()))
    }

    /// Derives `length` bytes from `password` and `salt`.
    public static func derive(length: Int, password: SecureBytes, salt: [UInt8], cost: Cost) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        guard salt.count == saltBytes else {
            throw SodiumError(.invalidLength, "an Argon2id salt is \(saltBytes) bytes, got \(salt.count)")
        }
        guard password.count > 0 else {
            throw SodiumError(.invalidLength, "an empty password cannot be hashed")
        }
        return try SecureBytes(count: length) { (out: UnsafeMutableRawBufferPointer) throws(SodiumError) -> Void in
            let rc = password.withUnsafeBytes { pw in
                crypto_pwhash(
                    out.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(length),
                    pw.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(pw.count),
                    salt, cost.operations, cost.memoryBytes, crypto_pwhash_ALG_ARGON2ID13)
            }
            guard rc == 0 else {
                throw SodiumError(.outOfMemory, "Argon2id could not run with \(cost.memoryBytes) bytes of memory")
            }
        }
    }
}
