import Foundation
import Sodium

/// Reading and writing private key files (Docs/format.md §5.2).
extension AgencyKeyPair {
    struct FileContents: Codable {
        var safeintake_key: Int
        var name: String
        var role: AgencyRole
        var key_id: String
        var box_public_key: String
        var sign_public_key: String
        var dev_only: Bool
        var warning: String?
        var secret: SecretContents
    }

    struct SecretContents: Codable {
        var protection: String
        var secret: String?
        var salt: String?
        var opslimit: UInt64?
        var memlimit: Int?
        var nonce: String?
        var ciphertext: String?
    }

    static let devWarning = "DEVELOPMENT KEY WITHOUT PASSPHRASE. Never use it for real cases."

    /// Writes the key file. With a passphrase the secret is sealed under Argon2id + secretbox;
    /// without one the key must be a development key.
    public func keyFile(passphrase: SecureBytes?, cost: PasswordHash.Cost = .moderate) throws -> Data {
        let secretContents = try Self.sealSecret(combinedSecret(), passphrase: passphrase, cost: cost, devOnly: devOnly)
        let contents = FileContents(
            safeintake_key: 1, name: publicKey.name, role: publicKey.role, key_id: publicKey.keyID,
            box_public_key: Base64.encode(publicKey.boxPublicKey), sign_public_key: Base64.encode(publicKey.signPublicKey),
            dev_only: devOnly, warning: devOnly ? Self.devWarning : nil, secret: secretContents)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(contents) + Data("\n".utf8)
    }

    /// A secret as stored in a key file: sealed under Argon2id + secretbox, or (development keys
    /// only) in the clear.
    static func sealSecret(_ secret: SecureBytes, passphrase: SecureBytes?, cost: PasswordHash.Cost, devOnly: Bool) throws -> SecretContents {
        let secretContents: SecretContents
        if let passphrase {
            let salt = Random.bytes(PasswordHash.saltBytes)
            let key = try PasswordHash.derive(length: SecretBox.keyBytes, password: passphrase, salt: salt, cost: cost)
            let sealed = try SecretBox.seal(secret, key: key)
            secretContents = SecretContents(
                protection: "argon2id-secretbox", salt: Base64.encode(salt), opslimit: cost.operations,
                memlimit: cost.memoryBytes, nonce: Base64.encode(sealed.nonce), ciphertext: Base64.encode(sealed.ciphertext))
        } else {
            precondition(devOnly, "only development keys may be written without a passphrase")
            var raw = secret.copyBytes()
            defer { SecureBytes.wipe(&raw) }
            secretContents = SecretContents(protection: "none", secret: Base64.encode(raw))
        }
        return secretContents
    }

    /// Whether a key file needs a passphrase to open (so a CLI knows whether to ask for one).
    public static func needsPassphrase(keyFile data: Data) throws(EnvelopeError) -> Bool {
        try parse(data).secret.protection != "none"
    }

    /// Reads a key file. `passphrase` is asked for only when the file is protected.
    public init(keyFile data: Data, passphrase: () throws -> SecureBytes) throws {
        let contents = try Self.parse(data)
        // The key is kept for the whole session: guarded memory (see SecureBytes).
        let secret = try Self.openSecret(contents.secret, devOnly: contents.dev_only, passphrase: passphrase).guardedCopy()
        try self.init(contents, secret: secret)
    }

    /// The key a key file describes, from its 64-byte secret as the key agent held it (unlocked
    /// once, in another process of this user): the public keys are recomputed from `secret` and
    /// must be the file's, so an agent can hand over this file's key and no other.
    public init(keyFile data: Data, unlockedSecret secret: SecureBytes) throws {
        try self.init(try Self.parse(data), secret: secret.guardedCopy())
    }

    /// The key id a key file states (public: read without its passphrase), to ask the agent for.
    public static func keyID(ofKeyFile data: Data) throws(EnvelopeError) -> String {
        try parse(data).key_id
    }

    /// The 64-byte secret (`box_secret_key || sign_seed`, §5.2), placed like the key (guarded for
    /// a key read from a file): for the key agent, which hands it to this user's processes.
    public func unlockedSecret() -> SecureBytes {
        combinedSecret()
    }

    private init(_ contents: FileContents, secret: SecureBytes) throws {
        let pair = try Self.fromCombinedSecret(secret, name: contents.name, role: contents.role, devOnly: contents.dev_only)
        guard Base64.encode(pair.publicKey.boxPublicKey) == contents.box_public_key,
              Base64.encode(pair.publicKey.signPublicKey) == contents.sign_public_key,
              pair.publicKey.keyID == contents.key_id else {
            throw EnvelopeError(.keyMismatch, "the key file's public keys or key id do not match its secret: the file was altered")
        }
        self = pair
    }

    private static func parse(_ data: Data) throws(EnvelopeError) -> FileContents {
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data) else {
            throw EnvelopeError(.malformedKeyFile, "not a SafeIntake private key file (expected the JSON of Docs/format.md §5.2)")
        }
        guard contents.safeintake_key == 1 else {
            throw EnvelopeError(.unsupportedVersion, "key file version \(contents.safeintake_key) is not supported by this build")
        }
        return contents
    }

    static func openSecret(_ s: SecretContents, devOnly: Bool, passphrase: () throws -> SecureBytes) throws -> SecureBytes {
        switch s.protection {
        case "none":
            guard devOnly else {
                throw EnvelopeError(.malformedKeyFile, "an unprotected key file must be marked dev_only")
            }
            guard let text = s.secret, var raw = Base64.decode(text) else {
                throw EnvelopeError(.malformedKeyFile, "the key file's secret is not valid base64")
            }
            defer { SecureBytes.wipe(&raw) }
            return SecureBytes(copying: raw)
        case "argon2id-secretbox":
            guard let salt = s.salt.flatMap(Base64.decode), let nonce = s.nonce.flatMap(Base64.decode),
                  let ciphertext = s.ciphertext.flatMap(Base64.decode), let ops = s.opslimit, let mem = s.memlimit else {
                throw EnvelopeError(.malformedKeyFile, "the key file's protected secret is incomplete")
            }
            let key = try PasswordHash.derive(length: SecretBox.keyBytes, password: try passphrase(), salt: salt,
                                              cost: PasswordHash.Cost(operations: ops, memoryBytes: mem))
            do {
                return try SecretBox.open(ciphertext, nonce: nonce, key: key)
            } catch {
                throw EnvelopeError(.wrongPassphrase, "wrong passphrase for this key file (or the file was altered)")
            }
        default:
            throw EnvelopeError(.malformedKeyFile, "unknown key protection '\(s.protection)'")
        }
    }
}
