import Foundation
import Sodium

/// The operator's public key (Docs/format.md §5.3): it signs every key registration, and the
/// daemon, inspectors' clients and auditors pin it, so that a row written into the database's key
/// directory by anyone else receives no case.
public struct OperatorPublicKey: Sendable, Equatable {
    /// Ed25519 key that verifies registrations.
    public let signPublicKey: [UInt8]
    /// `hex(BLAKE2b-128("safeintake/operator-key-id" || 0x00 || sign))`: the fingerprint people compare.
    public let keyID: String

    public init(signPublicKey: [UInt8]) throws(EnvelopeError) {
        guard signPublicKey.count == SigningKeyPair.publicKeyBytes else {
            throw EnvelopeError(.malformedKeyFile, "an operator public key is \(SigningKeyPair.publicKeyBytes) bytes")
        }
        self.signPublicKey = signPublicKey
        self.keyID = Hex.encode(GenericHash.hash(EnvelopeFormat.operatorIDLabel + [0x00] + signPublicKey, length: 16))
    }

    /// Whether `signed` is a registration this operator signed.
    public func verifies(_ signed: SignedKeyRegistration) -> Bool {
        signed.operatorID == keyID && signed.registration.verify(signature: signed.signature, signPublicKey: signPublicKey)
    }

    struct FileContents: Codable {
        var safeintake_operator_public_key: Int
        var key_id: String
        var sign_public_key: String
    }

    /// The `operator.pub` file (Docs/format.md §5.3).
    public func publicKeyFile() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(FileContents(safeintake_operator_public_key: 1, key_id: keyID, sign_public_key: Base64.encode(signPublicKey)))
            + Data("\n".utf8)
    }

    /// Reads an `operator.pub` file; the key id is recomputed and must match.
    public init(publicKeyFile data: Data) throws(EnvelopeError) {
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data),
              let sign = Base64.decode(contents.sign_public_key) else {
            throw EnvelopeError(.malformedKeyFile, "not a SafeIntake operator public key file (expected the JSON of Docs/format.md §5.3)")
        }
        guard contents.safeintake_operator_public_key == 1 else {
            throw EnvelopeError(.unsupportedVersion, "operator key file version \(contents.safeintake_operator_public_key) is not supported by this build")
        }
        try self.init(signPublicKey: sign)
        guard keyID == contents.key_id else {
            throw EnvelopeError(.keyMismatch, "the operator key file's key id does not match its public key: the file was altered")
        }
    }
}

/// The operator's signing key, kept off the database host (or, for development, beside the dev keys).
public struct OperatorKeyPair: Sendable {
    public let publicKey: OperatorPublicKey
    public let signing: SigningKeyPair
    public let devOnly: Bool

    public static func generate(devOnly: Bool = false) -> OperatorKeyPair {
        try! OperatorKeyPair(signing: SigningKeyPair(), devOnly: devOnly)
    }

    init(signing: SigningKeyPair, devOnly: Bool) throws(EnvelopeError) {
        self.publicKey = try OperatorPublicKey(signPublicKey: signing.publicKey)
        self.signing = signing
        self.devOnly = devOnly
    }

    /// Signs a registration: the daemon will route to the key, and clients assign to it.
    public func sign(_ registration: KeyRegistration) -> SignedKeyRegistration {
        SignedKeyRegistration(registration: registration, operatorID: publicKey.keyID, signature: registration.sign(with: signing))
    }

    struct FileContents: Codable {
        var safeintake_operator_key: Int
        var key_id: String
        var sign_public_key: String
        var dev_only: Bool
        var warning: String?
        var secret: AgencyKeyPair.SecretContents
    }

    /// The private key file: the Ed25519 seed sealed under a passphrase, or (development only) in the clear.
    public func keyFile(passphrase: SecureBytes?, cost: PasswordHash.Cost = .moderate) throws -> Data {
        let secret = try AgencyKeyPair.sealSecret(signing.seed, passphrase: passphrase, cost: cost, devOnly: devOnly)
        let contents = FileContents(safeintake_operator_key: 1, key_id: publicKey.keyID, sign_public_key: Base64.encode(publicKey.signPublicKey),
                                    dev_only: devOnly, warning: devOnly ? AgencyKeyPair.devWarning : nil, secret: secret)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(contents) + Data("\n".utf8)
    }

    /// Whether an operator key file needs a passphrase to open.
    public static func needsPassphrase(keyFile data: Data) throws(EnvelopeError) -> Bool {
        try parse(data).secret.protection != "none"
    }

    /// Reads an operator key file; the public key is recomputed from the seed and must match.
    public init(keyFile data: Data, passphrase: () throws -> SecureBytes) throws {
        let contents = try Self.parse(data)
        let seed = try AgencyKeyPair.openSecret(contents.secret, devOnly: contents.dev_only, passphrase: passphrase).guardedCopy()
        let signing: SigningKeyPair
        do {
            signing = try SigningKeyPair(seed: seed)
        } catch {
            throw EnvelopeError(.malformedKeyFile, "the secret in the operator key file is not a usable key")
        }
        try self.init(signing: signing, devOnly: contents.dev_only)
        guard publicKey.keyID == contents.key_id, Base64.encode(publicKey.signPublicKey) == contents.sign_public_key else {
            throw EnvelopeError(.keyMismatch, "the operator key file's public key or key id does not match its secret: the file was altered")
        }
    }

    private static func parse(_ data: Data) throws(EnvelopeError) -> FileContents {
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data) else {
            throw EnvelopeError(.malformedKeyFile, "not a SafeIntake operator key file (expected the JSON of Docs/format.md §5.3)")
        }
        guard contents.safeintake_operator_key == 1 else {
            throw EnvelopeError(.unsupportedVersion, "operator key file version \(contents.safeintake_operator_key) is not supported by this build")
        }
        return contents
    }
}

/// What the operator signs to admit a key to the directory (Docs/format.md §12): the holder's keys,
/// name and role, their team, and whether they receive the team's new cases.
public struct KeyRegistration: SignedCaseStatement, Equatable {
    public static let label = "safeintake/key-registration/v1"
    public let key: AgencyPublicKey
    public let team: String
    public let receivesNewCases: Bool

    public init(key: AgencyPublicKey, team: String, receivesNewCases: Bool) throws(EnvelopeError) {
        guard !team.isEmpty, team.utf8.count <= 64, !team.contains(where: \.isNewline) else {
            throw EnvelopeError(.malformedPlaintext, "a team name is 1-64 characters on one line")
        }
        self.key = key
        self.team = team
        self.receivesNewCases = receivesNewCases
    }

    public var lines: [String] {
        [key.keyID, key.name, key.role.rawValue, Base64.encode(key.boxPublicKey), Base64.encode(key.signPublicKey),
         team, receivesNewCases ? "1" : "0"]
    }
}

/// A registration with the operator's signature, as logged in `agency_key_registered`.
public struct SignedKeyRegistration: Sendable, Equatable {
    public let registration: KeyRegistration
    /// The signing operator key's id (`OperatorPublicKey.keyID`).
    public let operatorID: String
    public let signature: [UInt8]

    public init(registration: KeyRegistration, operatorID: String, signature: [UInt8]) {
        self.registration = registration
        self.operatorID = operatorID
        self.signature = signature
    }
}

extension SignedKeyRegistration {
    /// Rebuilds the signed registration from a parsed `agency_key_registered` log entry
    /// (Docs/audit-log.md); nil when the entry carries no operator signature or is malformed.
    /// The signature is not checked here: `OperatorPublicKey.verifies(_:)` does that.
    public init?(logEntry entry: [String: Any]) {
        guard entry["type"] as? String == "agency_key_registered",
              let keyID = entry["key"] as? String, let name = entry["name"] as? String,
              let role = (entry["role"] as? String).flatMap(AgencyRole.init(rawValue:)),
              let box = (entry["box_key"] as? String).flatMap(Base64.decode),
              let sign = (entry["sign_key"] as? String).flatMap(Base64.decode),
              let team = entry["team"] as? String, let newCases = entry["new_cases"] as? Int,
              let operatorID = entry["operator"] as? String,
              let signature = (entry["reg_sig"] as? String).flatMap(Base64.decode),
              let key = try? AgencyPublicKey(name: name, role: role, boxPublicKey: box, signPublicKey: sign), key.keyID == keyID,
              let registration = try? KeyRegistration(key: key, team: team, receivesNewCases: newCases == 1) else { return nil }
        self.init(registration: registration, operatorID: operatorID, signature: signature)
    }
}
