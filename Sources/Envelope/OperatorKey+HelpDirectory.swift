import Foundation
import Sodium

/// The operator signs the help directory the reporter pages show (Docs/format.md §15, issue 18 #10):
/// whoever can write the data folder cannot swap a shelter's phone number for an employer's.
extension OperatorKeyPair {
    /// The detached signature of a help-directory file: base64 Ed25519 over
    /// `"safeintake/help-directory/v1" || 0x00 || the file's bytes`.
    public func signHelpDirectory(_ file: [UInt8]) -> String {
        Base64.encode(signing.sign(EnvelopeFormat.helpDirectoryLabel + [0x00] + file))
    }
}

extension OperatorPublicKey {
    /// Whether `signature` (the `.sig` file's text) is this operator's signature of `file`.
    public func verifiesHelpDirectory(_ file: [UInt8], signature: String) -> Bool {
        guard let bytes = Base64.decode(signature.trimmingCharacters(in: .whitespacesAndNewlines)) else { return false }
        return SigningKeyPair.verify(signature: bytes, message: EnvelopeFormat.helpDirectoryLabel + [0x00] + file, publicKey: signPublicKey)
    }
}
