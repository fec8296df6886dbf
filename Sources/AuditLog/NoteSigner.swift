import Sodium

/// A named Ed25519 key that signs C2SP notes: the log's checkpoint key. Its name should be the log's
/// origin (tlog-checkpoint: "the log's key name SHOULD match the origin line").
public struct NoteSigner: Sendable {
    public let name: String
    public let keyPair: SigningKeyPair
    public let verifierKey: NoteVerifierKey

    public init(name: String, keyPair: SigningKeyPair) throws(AuditLogError) {
        self.name = name
        self.keyPair = keyPair
        self.verifierKey = try NoteVerifierKey(name: name, publicKey: keyPair.publicKey)
    }

    /// The verifier key to publish, `NAME+KEYID+BASE64(0x01 || public key)`.
    public var encodedVerifierKey: String { verifierKey.encoded }

    /// This key's signature of a note text (which must already be valid note text).
    public func signature(of text: String) -> NoteSignature {
        NoteSignature(keyName: name, keyID: verifierKey.keyID, signature: keyPair.sign(Array(text.utf8)))
    }
}
