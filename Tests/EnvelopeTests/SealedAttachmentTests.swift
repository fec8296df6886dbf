import Envelope
import Sodium
import Testing

@Suite("sealed attachments")
struct SealedAttachmentTests {
    @Test("sizes are padded to power-of-two buckets from 64 KiB, hiding the exact size")
    func buckets() {
        #expect(SealedAttachment.bucket(for: 0) == 64 * 1024)
        #expect(SealedAttachment.bucket(for: 64 * 1024 - 1) == 64 * 1024)
        #expect(SealedAttachment.bucket(for: 64 * 1024) == 128 * 1024, "the padding's marker byte needs room")
        #expect(SealedAttachment.bucket(for: 3_000_000) == 4 * 1024 * 1024)
        #expect(SealedAttachment.bucket(for: 10 * 1024 * 1024) == 16 * 1024 * 1024)
    }

    @Test("an attachment opens only for its own case and id, with its own key")
    func binding() throws {
        let caseID = CaseID.generate()
        let id = AttachmentID.generate()
        let photo = SecureBytes(randomCount: 100_000)
        let (sealed, key) = try SealedAttachment.seal(photo, caseID: caseID, attachmentID: id)
        #expect(sealed[0] == EnvelopeFormat.version && sealed[1] == RecordType.attachment.rawValue)
        #expect(sealed.count == 2 + SecretStream.headerBytes + 128 * 1024 + 2 * SecretStream.chunkOverhead)
        #expect(try SealedAttachment.open(sealed, caseID: caseID, attachmentID: id, key: key).copyBytes() == photo.copyBytes())
        #expect(throws: EnvelopeError.self) { try SealedAttachment.open(sealed, caseID: .generate(), attachmentID: id, key: key) }
        #expect(throws: EnvelopeError.self) { try SealedAttachment.open(sealed, caseID: caseID, attachmentID: .generate(), key: key) }
        #expect(throws: EnvelopeError.self) { try SealedAttachment.open(sealed, caseID: caseID, attachmentID: id, key: SecretStream.generateKey()) }
        var otherVersion = sealed
        otherVersion[0] = 0x02
        #expect { try SealedAttachment.open(otherVersion, caseID: caseID, attachmentID: id, key: key) } throws: {
            ($0 as? EnvelopeError)?.code == .unsupportedVersion
        }
        #expect { try SealedAttachment.open(Array(sealed.prefix(10)), caseID: caseID, attachmentID: id, key: key) } throws: {
            ($0 as? EnvelopeError)?.code == .truncated
        }
    }

    @Test("the view's entry carries the key and names the file by id, never by what she called it")
    func entry() throws {
        let key = SecretStream.generateKey()
        let entry = AttachmentEntry(id: try #require(AttachmentID("0123456789abcdef0123456789abcdef")), mediaType: "application/pdf",
                                    key: key, text: "", pages: 3)
        #expect(try entry.secretKey().copyBytes() == key.copyBytes())
        #expect(entry.fileName == "01234567.pdf")
    }
}
