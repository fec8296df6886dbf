import Foundation
import Sodium

/// The public half of an inspector's or supervisor's keys, as registered with the daemon and kept
/// in `Keys/` (Docs/format.md §5.1).
public struct AgencyPublicKey: Sendable, Equatable, Hashable {
    public let name: String
    public let role: AgencyRole
    /// X25519 key that case keys are wrapped to.
    public let boxPublicKey: [UInt8]
    /// Ed25519 key that verifies the holder's signatures.
    public let signPublicKey: [UInt8]
    /// `hex(BLAKE2b-128("safeintake/key-id" || 0x00 || box || sign))`.
    public let keyID: String

    public init(name: String, role: AgencyRole, boxPublicKey: [UInt8], signPublicKey: [UInt8]) throws(EnvelopeError) {
        guard boxPublicKey.count == BoxKeyPair.publicKeyBytes, signPublicKey.count == SigningKeyPair.publicKeyBytes else {
            throw EnvelopeError(.malformedKeyFile, "public keys must be \(BoxKeyPair.publicKeyBytes) bytes each")
        }
        guard Self.isValidName(name) else {
            throw EnvelopeError(.malformedKeyFile, "key name '\(name)' must be 1-64 characters of a-z, 0-9, '.', '_' or '-'")
        }
        self.name = name
        self.role = role
        self.boxPublicKey = boxPublicKey
        self.signPublicKey = signPublicKey
        self.keyID = Self.keyID(box: boxPublicKey, sign: signPublicKey)
    }

    static func keyID(box: [UInt8], sign: [UInt8]) -> String {
        Hex.encode(GenericHash.hash(EnvelopeFormat.keyIDLabel + [0x00] + box + sign, length: 16))
    }

    /// Names appear in logs and on the command line, so keep them to a safe, boring alphabet.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy { c in
            (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == 0x2e || c == 0x5f || c == 0x2d
        }
    }
}

extension AgencyPublicKey {
    struct FileContents: Codable {
        var safeintake_public_key: Int
        var name: String
        var role: AgencyRole
        var key_id: String
        var box_public_key: String
        var sign_public_key: String
    }

    /// The `.pub` file (Docs/format.md §5.1).
    public func publicKeyFile() throws -> Data {
        let contents = FileContents(
            safeintake_public_key: 1, name: name, role: role, key_id: keyID,
            box_public_key: Data(boxPublicKey).base64EncodedString(),
            sign_public_key: Data(signPublicKey).base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(contents) + Data("\n".utf8)
    }

    /// Reads a `.pub` file, recomputing the key id.
    public init(publicKeyFile data: Data) throws(EnvelopeError) {
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data) else {
            throw EnvelopeError(.malformedKeyFile, "not a SafeIntake public key file (expected the JSON of Docs/format.md §5.1)")
        }
        guard contents.safeintake_public_key == 1 else {
            throw EnvelopeError(.unsupportedVersion, "public key file version \(contents.safeintake_public_key) is not supported")
        }
        guard let box = Base64.decode(contents.box_public_key), let sign = Base64.decode(contents.sign_public_key) else {
            throw EnvelopeError(.malformedKeyFile, "the public keys are not valid base64")
        }
        try self.init(name: contents.name, role: contents.role, boxPublicKey: box, signPublicKey: sign)
        guard keyID == contents.key_id else {
            throw EnvelopeError(.keyMismatch, "the key id in the file does not match its public keys")
        }
    }
}
