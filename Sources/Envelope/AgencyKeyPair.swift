import Foundation
import Sodium

/// An inspector's or supervisor's full key set: X25519 for receiving case keys, Ed25519 for signing.
/// It is created and kept on the holder's own machine; the daemon only ever sees `publicKey`.
public struct AgencyKeyPair: Sendable {
    public let publicKey: AgencyPublicKey
    public let box: BoxKeyPair
    public let signing: SigningKeyPair
    /// True for the development key set the daemon creates on first start: never for real cases.
    public let devOnly: Bool

    /// A fresh key set.
    public static func generate(name: String, role: AgencyRole, devOnly: Bool = false) throws(EnvelopeError) -> AgencyKeyPair {
        try AgencyKeyPair(name: name, role: role, box: BoxKeyPair(), signing: SigningKeyPair(), devOnly: devOnly)
    }

    init(name: String, role: AgencyRole, box: BoxKeyPair, signing: SigningKeyPair, devOnly: Bool) throws(EnvelopeError) {
        self.publicKey = try AgencyPublicKey(name: name, role: role, boxPublicKey: box.publicKey, signPublicKey: signing.publicKey)
        self.box = box
        self.signing = signing
        self.devOnly = devOnly
    }

    /// The 64-byte secret: `box_secret_key || sign_seed` (Docs/format.md §5.2).
    func combinedSecret() -> SecureBytes {
        SecureBytes(count: BoxKeyPair.secretKeyBytes + SigningKeyPair.seedBytes, guarded: box.secretKey.isGuarded) { (out: UnsafeMutableRawBufferPointer) -> Void in
            box.secretKey.withUnsafeBytes { out.copyMemory(from: $0) }
            signing.seed.withUnsafeBytes { seed in
                UnsafeMutableRawBufferPointer(rebasing: out[BoxKeyPair.secretKeyBytes...]).copyMemory(from: seed)
            }
        }
    }

    /// Rebuilds both key pairs from the 64-byte secret; public keys are recomputed, never trusted.
    static func fromCombinedSecret(_ secret: SecureBytes, name: String, role: AgencyRole, devOnly: Bool) throws(EnvelopeError) -> AgencyKeyPair {
        let boxCount = BoxKeyPair.secretKeyBytes
        guard secret.count == boxCount + SigningKeyPair.seedBytes else {
            throw EnvelopeError(.malformedKeyFile, "the secret must be \(boxCount + SigningKeyPair.seedBytes) bytes")
        }
        let boxSecret = secret.withUnsafeBytes { SecureBytes(copying: $0[..<boxCount], guarded: secret.isGuarded) }
        let seed = secret.withUnsafeBytes { SecureBytes(copying: $0[boxCount...], guarded: secret.isGuarded) }
        do {
            return try AgencyKeyPair(name: name, role: role, box: BoxKeyPair(secretKey: boxSecret),
                                     signing: SigningKeyPair(seed: seed), devOnly: devOnly)
        } catch let error as EnvelopeError {
            throw error
        } catch {
            throw EnvelopeError(.malformedKeyFile, "the secret in the key file is not a usable key")
        }
    }
}
