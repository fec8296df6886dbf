import Sodium

/// How an inspector's client proves who it is on each request (Docs/format.md §8): an Ed25519
/// signature over a single-use challenge the server issued, the method, the path with its query,
/// and the SHA-256 of the body. No password is held by the server; a captured request cannot be
/// replayed, because its challenge is gone once used.
public enum AgencyRequestSignature {
    public static let keyHeader = "X-SafeIntake-Key"
    public static let challengeHeader = "X-SafeIntake-Challenge"
    public static let signatureHeader = "X-SafeIntake-Signature"
    static let label = "safeintake/agency-request/v1"

    /// The exact bytes that are signed.
    public static func message(method: String, pathAndQuery: String, challenge: String, body: [UInt8]) -> [UInt8] {
        Array("\(label)\n\(method.uppercased())\n\(pathAndQuery)\n\(challenge)\n\(Hex.encode(SHA256.hash(body)))".utf8)
    }

    /// Signs a request with the holder's Ed25519 key; returns base64.
    public static func sign(method: String, pathAndQuery: String, challenge: String, body: [UInt8], with key: SigningKeyPair) -> String {
        Base64.encode(key.sign(message(method: method, pathAndQuery: pathAndQuery, challenge: challenge, body: body)))
    }

    /// Verifies a request signature against a registered signing key.
    public static func verify(signature: String, method: String, pathAndQuery: String, challenge: String,
                              body: [UInt8], signPublicKey: [UInt8]) -> Bool {
        guard let raw = Base64.decode(signature) else { return false }
        return SigningKeyPair.verify(signature: raw, message: message(method: method, pathAndQuery: pathAndQuery, challenge: challenge, body: body),
                                     publicKey: signPublicKey)
    }
}
