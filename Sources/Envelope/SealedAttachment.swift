import Sodium

/// One piece of evidence, sealed (Docs/format.md §16):
/// `version || 0x03 || secretstream(sodium_pad(bytes, bucket))` under the attachment's own key,
/// every chunk bound to `UTF8("safeintake/attachment") || 0x00 || version || case_id || attachment_id`.
///
/// Why its own key rather than the case key: the bytes are sealed once at intake, while case keys
/// change epoch when a holder is removed; the key travels inside the sealed agency view
/// (`AgencyView.attachments`), so exactly those who can open the view can open the evidence.
/// Why buckets: a ciphertext's size would otherwise tell the server and anyone with a backup
/// roughly what was sent (a one-page payslip, a long PDF); padded to the next power of two from
/// 64 KiB, an attachment shows only one of nine sizes up to 16 MiB.
public enum SealedAttachment {
    public static let smallestBucket = 64 * 1024

    /// The padded size of `count` bytes: the next power of two holding them and the padding's
    /// marker byte, at least `smallestBucket`.
    public static func bucket(for count: Int) -> Int {
        var size = smallestBucket
        while size < count + 1 { size *= 2 }
        return size
    }

    /// Seals `bytes` under a fresh key; returns the stored bytes and the key for the agency view.
    public static func seal(_ bytes: SecureBytes, caseID: CaseID, attachmentID: AttachmentID) throws -> (sealed: [UInt8], key: SecureBytes) {
        let key = SecretStream.generateKey()
        let padded = Padding.pad(bytes, blockSize: bucket(for: bytes.count))
        let stream = try SecretStream.seal(padded, associatedData: associatedData(caseID: caseID, attachmentID: attachmentID), key: key)
        return ([EnvelopeFormat.version, RecordType.attachment.rawValue] + stream, key)
    }

    /// Opens stored bytes for `caseID` and `attachmentID` with the key from the agency view.
    public static func open(_ sealed: [UInt8], caseID: CaseID, attachmentID: AttachmentID, key: SecureBytes) throws(EnvelopeError) -> SecureBytes {
        guard sealed.count > 2 + SecretStream.headerBytes else {
            throw EnvelopeError(.truncated, "the attachment is too short (\(sealed.count) bytes) to be sealed evidence")
        }
        guard sealed[0] == EnvelopeFormat.version else {
            throw EnvelopeError(.unsupportedVersion, "attachment format version \(sealed[0]) is not supported (this build reads version \(EnvelopeFormat.version))")
        }
        guard sealed[1] == RecordType.attachment.rawValue else {
            throw EnvelopeError(.unknownRecordType, "expected an attachment (type 3), found type \(sealed[1])")
        }
        do {
            let padded = try SecretStream.open(Array(sealed[2...]), associatedData: associatedData(caseID: caseID, attachmentID: attachmentID), key: key)
            return try Padding.unpad(padded, blockSize: bucket(for: padded.count - 1))
        } catch {
            throw EnvelopeError(.cannotOpen, "attachment \(attachmentID) of case \(caseID) does not open with its key (\(error.code.rawValue))")
        }
    }

    static func associatedData(caseID: CaseID, attachmentID: AttachmentID) -> [UInt8] {
        EnvelopeFormat.attachmentLabel + [0x00, EnvelopeFormat.version] + Array(caseID.rawValue.utf8) + Array(attachmentID.rawValue.utf8)
    }
}

/// An attachment's identifier: 16 random bytes as 32 lowercase hex characters, like a case id.
public struct AttachmentID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static func generate() -> AttachmentID {
        AttachmentID(unchecked: RandomHexID.generate())
    }

    /// Parses an id; nil unless it is exactly 32 lowercase hex characters.
    public init?(_ text: String) {
        guard RandomHexID.isValid(text) else { return nil }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try RandomHexID.decode(from: decoder, what: "an attachment id")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
