import Sodium

/// A C2SP signed-note verifier key for Ed25519: `NAME+KEYID+BASE64(0x01 || public key)`, the text the
/// log publishes at `/v1/audit/log-key` and auditors pin.
public struct NoteVerifierKey: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The C2SP signature type byte for Ed25519 (signed-note §"Signature types").
    public static let ed25519SignatureType: UInt8 = 0x01
    /// Separates the name from the signature type and key in the key-ID hash input.
    static let keyIDSeparator: UInt8 = 0x0A

    public let name: String
    /// The first four bytes of SHA-256(name || 0x0A || 0x01 || public key), big-endian.
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    public init(name: String, publicKey: [UInt8]) throws(AuditLogError) {
        try NoteKeyName.require(name, .malformedVerifierKey)
        guard publicKey.count == SigningKeyPair.publicKeyBytes else {
            throw AuditLogError(.malformedVerifierKey, "an Ed25519 public key has \(SigningKeyPair.publicKeyBytes) bytes, got \(publicKey.count)")
        }
        self.name = name
        self.publicKey = publicKey
        self.keyID = Self.keyID(name: name, publicKey: publicKey)
    }

    /// Parses `NAME+KEYID+BASE64`, checking that the key ID matches the name and key.
    public init(parsing text: String) throws(AuditLogError) {
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        // The name cannot contain '+', but base64 can: split only at the first two.
        let parts = trimmed.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw AuditLogError(.malformedVerifierKey, "a verifier key has the form NAME+KEYID+BASE64")
        }
        let idText = parts[1]
        guard idText.count == 8, idText.allSatisfy(\.isHexDigit), let id = UInt32(idText, radix: 16) else {
            throw AuditLogError(.malformedVerifierKey, "the key ID \"\(idText)\" is not 8 hexadecimal digits")
        }
        guard let keyBytes = StrictBase64.decode(parts[2]), let type = keyBytes.first else {
            throw AuditLogError(.malformedVerifierKey, "the key part is not canonical base64")
        }
        guard type == Self.ed25519SignatureType else {
            throw AuditLogError(.malformedVerifierKey, "signature type 0x\(String(type, radix: 16)) is not supported; only Ed25519 (0x01) is")
        }
        try self.init(name: String(parts[0]), publicKey: Array(keyBytes.dropFirst()))
        guard keyID == id else {
            throw AuditLogError(.malformedVerifierKey, "the key ID \(idText) does not match the name and public key (expected \(Self.hex(keyID)))")
        }
    }

    /// The key ID that C2SP recommends: SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian.
    public static func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(Array(name.utf8) + [keyIDSeparator, ed25519SignatureType] + publicKey)
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The text form, `NAME+KEYID+BASE64(0x01 || public key)`.
    public var encoded: String {
        "\(name)+\(Self.hex(keyID))+\(StrictBase64.encode([Self.ed25519SignatureType] + publicKey))"
    }

    public var description: String { encoded }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        SigningKeyPair.verify(signature: signature, message: message, publicKey: publicKey)
    }

    static func hex(_ id: UInt32) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
