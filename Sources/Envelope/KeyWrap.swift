import Sodium

/// A case key sealed to one recipient (Docs/format.md §4):
/// `version || crypto_box_seal(case_key || UTF8(case_id), recipient)`.
public enum KeyWrap {
    /// The size of every wrap in bytes (fixed, so wraps say nothing beyond their existence).
    public static let byteCount = 1 + SealedBox.overhead + AEAD.keyBytes + 32

    /// Wraps `caseKey` for `caseID` to `recipientBoxPublicKey`.
    public static func wrap(_ caseKey: SecureBytes, caseID: CaseID, to recipientBoxPublicKey: [UInt8]) throws -> [UInt8] {
        let message = SecureBytes(count: caseKey.count + 32) { (out: UnsafeMutableRawBufferPointer) -> Void in
            caseKey.withUnsafeBytes { k in out.copyMemory(from: k) }
            UnsafeMutableRawBufferPointer(rebasing: out[caseKey.count...]).copyBytes(from: caseID.rawValue.utf8)
        }
        return [EnvelopeFormat.version] + (try SealedBox.seal(message, to: recipientBoxPublicKey))
    }

    /// Opens a wrap with the recipient's key pair and checks it belongs to `caseID`.
    public static func unwrap(_ wrap: [UInt8], caseID: CaseID, with keyPair: BoxKeyPair) throws(EnvelopeError) -> SecureBytes {
        guard let first = wrap.first else { throw EnvelopeError(.truncated, "the key wrap is empty") }
        guard first == EnvelopeFormat.version else {
            throw EnvelopeError(.unsupportedVersion, "key wrap format version \(first) is not supported (this build reads version \(EnvelopeFormat.version))")
        }
        guard wrap.count == byteCount else {
            throw EnvelopeError(.truncated, "a key wrap is \(byteCount) bytes, got \(wrap.count)")
        }
        let message: SecureBytes
        do {
            message = try SealedBox.open(Array(wrap.dropFirst()), with: keyPair)
        } catch {
            throw EnvelopeError(.cannotOpen, "this key cannot open the key wrap of case \(caseID): the case was not wrapped to it")
        }
        let expected = Array(caseID.rawValue.utf8)
        let matches = message.withUnsafeBytes { m in
            expected.withUnsafeBytes { e in ConstantTime.equals(UnsafeRawBufferPointer(rebasing: m[AEAD.keyBytes...]), e) }
        }
        guard matches else {
            throw EnvelopeError(.wrongCase, "the key wrap offered for case \(caseID) belongs to another case")
        }
        return message.withUnsafeBytes { m in SecureBytes(copying: m[..<AEAD.keyBytes]) }
    }
}
