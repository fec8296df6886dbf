import Sodium

/// The reporter's X25519 secret key for one case, encrypted under a key derived from her current
/// status token (Docs/format.md §10):
/// `[version] || nonce || XChaCha20-Poly1305(secret_key, ad = "safeintake/reporter-key" || 0x00 || [version] || case_id)`.
///
/// Only someone holding the token can derive the key, so only she can read what inspectors sent
/// her. Each status check re-wraps it under the next token; the public key never changes.
public enum ReporterKeyWrap {
    public static let byteCount = 1 + AEAD.nonceBytes + BoxKeyPair.secretKeyBytes + AEAD.tagBytes

    static func associatedData(_ caseID: CaseID) -> [UInt8] {
        EnvelopeFormat.reporterKeyLabel + [0x00, EnvelopeFormat.version] + Array(caseID.rawValue.utf8)
    }

    /// Encrypts the reporter's secret key under `wrapKey` (32 bytes from the token, see Intake.TokenHasher).
    public static func wrap(_ keyPair: BoxKeyPair, caseID: CaseID, under wrapKey: SecureBytes) throws -> [UInt8] {
        [EnvelopeFormat.version] + (try AEAD.seal(keyPair.secretKey, associatedData: associatedData(caseID), key: wrapKey))
    }

    /// Decrypts the reporter's key pair; fails when the token-derived key or the case is wrong.
    public static func unwrap(_ wrap: [UInt8], caseID: CaseID, under wrapKey: SecureBytes) throws(EnvelopeError) -> BoxKeyPair {
        guard wrap.count == byteCount else {
            throw EnvelopeError(.truncated, "a reporter key wrap is \(byteCount) bytes, got \(wrap.count)")
        }
        guard wrap[0] == EnvelopeFormat.version else {
            throw EnvelopeError(.unsupportedVersion, "reporter key wrap version \(wrap[0]) is not supported")
        }
        do {
            let secret = try AEAD.open(Array(wrap.dropFirst()), associatedData: associatedData(caseID), key: wrapKey)
            return try BoxKeyPair(secretKey: secret)
        } catch {
            throw EnvelopeError(.cannotOpen, "the reporter key of case \(caseID) does not open with this token")
        }
    }
}
