import Sodium

/// A case record encrypted under the case key (Docs/format.md §3):
/// `version || record_type || nonce || XChaCha20-Poly1305(sodium_pad(plaintext))`.
public enum SealedRecord {
    static let headerBytes = 2

    /// Pads and encrypts `plaintext` for `caseID`.
    public static func seal(_ plaintext: SecureBytes, type: RecordType, caseID: CaseID, caseKey: SecureBytes) throws -> [UInt8] {
        let padded = Padding.pad(plaintext, blockSize: EnvelopeFormat.paddingBlockSize)
        let body = try AEAD.seal(padded, associatedData: EnvelopeFormat.associatedData(caseID: caseID, type: type), key: caseKey)
        return [EnvelopeFormat.version, type.rawValue] + body
    }

    /// Reads the header without decrypting; rejects unknown versions and types first.
    public static func recordType(of record: [UInt8]) throws(EnvelopeError) -> RecordType {
        guard record.count >= headerBytes + AEAD.nonceBytes + AEAD.tagBytes else {
            throw EnvelopeError(.truncated, "the record is too short (\(record.count) bytes) to be a sealed record")
        }
        guard record[0] == EnvelopeFormat.version else {
            throw EnvelopeError(.unsupportedVersion, "record format version \(record[0]) is not supported (this build reads version \(EnvelopeFormat.version))")
        }
        guard let type = RecordType(rawValue: record[1]) else {
            throw EnvelopeError(.unknownRecordType, "record type \(record[1]) is unknown to this build")
        }
        return type
    }

    /// Decrypts and unpads a record of the expected type for `caseID`.
    public static func open(_ record: [UInt8], expecting type: RecordType, caseID: CaseID, caseKey: SecureBytes) throws(EnvelopeError) -> SecureBytes {
        let actual = try recordType(of: record)
        guard actual == type else {
            throw EnvelopeError(.unknownRecordType, "expected a record of type \(type.rawValue), found \(actual.rawValue)")
        }
        do {
            let padded = try AEAD.open(Array(record[headerBytes...]), associatedData: EnvelopeFormat.associatedData(caseID: caseID, type: type), key: caseKey)
            return try Padding.unpad(padded, blockSize: EnvelopeFormat.paddingBlockSize)
        } catch {
            throw EnvelopeError(.cannotOpen, "the record for case \(caseID) does not decrypt with this case key (\(error.code.rawValue))")
        }
    }
}
