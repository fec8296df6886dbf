import Envelope
import Firewall
import Foundation
import Intake
import Sodium
import Testing

/// A stand-in for the sandbox in these domain tests: it "reads" a file whose bytes are a JPEG
/// header followed by UTF-8 text, and hands back clean bytes and that text as if OCR had read it.
/// The real reader is tested against real files in EvidenceSandboxTests and the interop suite.
struct TextPhotoReader: EvidenceReader {
    var failure: EvidenceError?
    var readability: TextReadability = .readable

    static func photo(saying text: String) -> UploadedEvidence {
        UploadedEvidence(bytes: [0xFF, 0xD8, 0xFF, 0xE0] + Array(text.utf8))
    }

    func read(_ upload: UploadedEvidence, language: String) throws(EvidenceError) -> SanitisedEvidence {
        if let failure { throw failure }
        let text = String(decoding: upload.bytes.dropFirst(4), as: UTF8.self)
        return SanitisedEvidence(mediaType: "image/jpeg", bytes: Array("CLEAN:\(text)".utf8), text: text,
                                 readability: text.isEmpty ? .noText : readability, pages: 1)
    }
}

@Suite("evidence at intake")
struct EvidenceIntakeTests {
    static let payslip = "PAYSLIP March 2026 Employer Mrs Tan Kowloon salary paid 0 hours 16 a day"
    static let disclosure = "my visa expired last year and I am overstaying since then"

    static func complaint(_ evidence: [UploadedEvidence]) -> Complaint {
        Complaint(language: "en", fields: [:], narrative: "My employer has not paid me for four months.", evidence: evidence)
    }

    static func intake(_ h: Harness, reader: (any EvidenceReader)?) -> IntakeService {
        var intake = h.intake
        intake.evidence = EvidenceSettings(reader: reader)
        return intake
    }

    @Test("a delivered attachment is sealed and opens for holders; a withheld one leaves only a count", arguments: Backend.available)
    func sealedAndWithheld(_ backend: Backend) throws {
        let h = try Harness(backend)
        let intake = Self.intake(h, reader: TextPhotoReader())
        let before = try h.store.auditLogSize()
        let filed = try intake.file(Self.complaint([TextPhotoReader.photo(saying: Self.payslip), TextPhotoReader.photo(saying: Self.disclosure)]))
        #expect(filed.evidence == [.delivered, .withheld(.statusDisclosed)])

        let view = try #require(try h.open(filed.caseID, as: h.inspector1))
        let entry = try #require(view.attachments?.first)
        #expect(view.attachments?.count == 1)
        #expect(view.withheldAttachments == 1)
        #expect(entry.text == Self.payslip)
        #expect(entry.mediaType == "image/jpeg")

        let sealed = try #require(try h.caseWork.attachment(entry.id, of: filed.caseID, for: h.inspector1.publicKey.keyID))
        #expect(sealed.count == 2 + SecretStream.headerBytes + SealedAttachment.smallestBucket + SecretStream.chunkOverhead,
                "a small file fills the smallest bucket")
        let opened = try SealedAttachment.open(sealed, caseID: filed.caseID, attachmentID: entry.id, key: entry.secretKey())
        #expect(opened.copyBytes() == Array("CLEAN:\(Self.payslip)".utf8))
        #expect(try h.caseWork.attachment(entry.id, of: filed.caseID, for: h.inspector2.publicKey.keyID) == nil,
                "a key that does not hold the case gets nothing")

        let entries = try h.store.auditEntries(before..<h.store.auditLogSize()).map { String(decoding: $0, as: UTF8.self) }
        let sealedEntry = try #require(entries.first { $0.contains("attachments_sealed") })
        #expect(sealedEntry.contains("\"count\":1") && sealedEntry.contains(filed.caseID.rawValue))
        #expect(!entries.joined().contains("withheld"), "the public log never counts what the document firewall held back")

        let stored = try h.allStoredBytes()
        for secret in ["CLEAN:", "PAYSLIP March", "overstaying"] {
            #expect(!stored.containsUTF8(secret), "\(secret) is stored in the clear")
        }
    }

    @Test("retention deletes the attachments with their case", arguments: Backend.available)
    func deletedWithCase(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try Self.intake(h, reader: TextPhotoReader()).file(Self.complaint([TextPhotoReader.photo(saying: Self.payslip)]))
        let entry = try #require(try h.open(filed.caseID, as: h.inspector1)?.attachments?.first)
        try h.store.deleteCase(filed.caseID, audit: [])
        #expect(try h.caseWork.attachment(entry.id, of: filed.caseID, for: h.inspector1.publicKey.keyID) == nil)
    }

    @Test("a file the reader cannot take is refused with its own code and nothing is stored",
          arguments: [(EvidenceError.malformed, IntakeError.Code.malformedAttachment), (.tooLarge, .attachmentTooLarge),
                      (.exhausted, .attachmentTooLarge), (.unsupportedType, .unsupportedAttachment),
                      (.readerUnavailable("bwrap missing"), .attachmentsUnavailable)])
    func refusals(_ failure: EvidenceError, _ code: IntakeError.Code) throws {
        let h = try Harness()
        let before = try h.store.auditLogSize()
        let intake = Self.intake(h, reader: TextPhotoReader(failure: failure))
        #expect(throws: IntakeError.self) { try intake.file(Self.complaint([TextPhotoReader.photo(saying: Self.payslip)])) }
        do {
            _ = try intake.file(Self.complaint([TextPhotoReader.photo(saying: Self.payslip)]))
        } catch let error as IntakeError {
            #expect(error.code == code)
            #expect(error.message.contains("attachment") && !error.message.contains("bwrap"), "\(error.message)")
        }
        #expect(try h.store.auditLogSize() == before, "nothing was stored")
    }

    @Test("bytes that are no accepted file type never reach the reader")
    func sniffedFirst() throws {
        let h = try Harness()
        let intake = Self.intake(h, reader: TextPhotoReader(failure: .readerUnavailable("must not be called")))
        let gif = UploadedEvidence(bytes: Array("GIF89a".utf8) + [0, 1, 2])
        #expect { try intake.file(Self.complaint([gif])) } throws: { ($0 as? IntakeError)?.code == .unsupportedAttachment }
    }

    @Test("without a reader, attachments are refused and a complaint without them still files")
    func noReader() throws {
        let h = try Harness()
        let intake = Self.intake(h, reader: nil)
        #expect { try intake.file(Self.complaint([TextPhotoReader.photo(saying: Self.payslip)])) } throws: {
            ($0 as? IntakeError)?.code == .attachmentsUnavailable
        }
        let filed = try intake.file(Self.complaint([]))
        #expect(filed.evidence.isEmpty)
        #expect(try h.open(filed.caseID, as: h.inspector1)?.attachments == nil)
    }

    @Test("unreadable text is withheld; a picture without text is delivered with none")
    func readability() throws {
        let h = try Harness()
        let unreadable = try Self.intake(h, reader: TextPhotoReader(readability: .unreadable))
            .file(Self.complaint([TextPhotoReader.photo(saying: "xx ~~ ;; 0l1I")]))
        #expect(unreadable.evidence == [.withheld(.unreadable)])
        let picture = try Self.intake(h, reader: TextPhotoReader()).file(Self.complaint([TextPhotoReader.photo(saying: "")]))
        #expect(picture.evidence == [.delivered])
        #expect(try h.open(picture.caseID, as: h.inspector1)?.attachments?.first?.text == "")
    }

    @Test("the JSON body carries attachments as base64, within the count and size limits")
    func parsing() throws {
        let h = try Harness()
        let photo = TextPhotoReader.photo(saying: Self.payslip).bytes
        let body: [String: Any] = ["language": "en", "narrative": "unpaid", "attachments": [["data": Data(photo).base64EncodedString()]]]
        #expect(try h.intake.parse(body: Harness.body(body)).evidence == [UploadedEvidence(bytes: photo)])
        let six = Array(repeating: ["data": Data(photo).base64EncodedString()], count: 6)
        #expect { try h.intake.parse(body: Harness.body(["language": "en", "narrative": "x", "attachments": six])) } throws: {
            ($0 as? IntakeError)?.code == .attachmentTooLarge
        }
        #expect { try h.intake.parse(body: Harness.body(["language": "en", "narrative": "x", "attachments": [["data": "not base64!"]]])) } throws: {
            ($0 as? IntakeError)?.code == .invalidValue
        }
        let padding = String(repeating: "a", count: 70 * 1024)
        #expect { try h.intake.parse(body: Harness.body(["language": "en", "narrative": "x", "fields": ["note": padding]])) } throws: {
            ($0 as? IntakeError)?.code == .tooLarge || ($0 as? IntakeError)?.code == .invalidValue
        }
    }
}

@Suite("evidence with her answers")
struct EvidenceAnswerTests {
    @Test("a photo sent with an answer reaches the holders, sealed, and the log does not name the case", arguments: Backend.available)
    func answerWithPhoto(_ backend: Backend) throws {
        let h = try Harness(backend)
        var intake = h.intake
        intake.evidence = EvidenceSettings(reader: TextPhotoReader())
        let filed = try intake.file(EvidenceIntakeTests.complaint([]))
        let screened = try intake.screenEvidence([TextPhotoReader.photo(saying: EvidenceIntakeTests.payslip),
                                                  TextPhotoReader.photo(saying: EvidenceIntakeTests.disclosure)], language: "en")
        let before = try h.store.auditLogSize()
        let answer = try #require(try intake.checkStatus(tokenText: filed.token, reply: "Here is my payslip.", evidence: screened))
        #expect(answer.evidence == [.delivered, .withheld(.statusDisclosed)])
        let entries = try h.store.auditEntries(before..<h.store.auditLogSize()).map { String(decoding: $0, as: UTF8.self) }
        #expect(entries.count == 1 && entries[0].contains("token_spent") && !entries[0].contains(filed.caseID.rawValue),
                "only token_spent, which names no case")

        let release = try #require(try h.caseWork.release(filed.caseID, to: h.inspector1.publicKey.keyID))
        let opened = try ReporterAnswer.open(try #require(release.answers.first), caseID: filed.caseID, with: h.inspector1.box)
        #expect(opened.text == "Here is my payslip." && opened.withheldAttachments == 1)
        let entry = try #require(opened.attachments?.first)
        let sealed = try #require(try h.caseWork.attachment(entry.id, of: filed.caseID, for: h.inspector1.publicKey.keyID))
        let bytes = try SealedAttachment.open(sealed, caseID: filed.caseID, attachmentID: entry.id, key: entry.secretKey())
        #expect(bytes.copyBytes() == Array("CLEAN:\(EvidenceIntakeTests.payslip)".utf8))
        #expect(!(try h.allStoredBytes()).containsUTF8("PAYSLIP March"))
    }

    @Test("attachments alone make an answer")
    func attachmentsAlone() throws {
        let h = try Harness()
        var intake = h.intake
        intake.evidence = EvidenceSettings(reader: TextPhotoReader())
        let filed = try intake.file(EvidenceIntakeTests.complaint([]))
        let screened = try intake.screenEvidence([TextPhotoReader.photo(saying: "")], language: "en")
        let answer = try #require(try intake.checkStatus(tokenText: filed.token, evidence: screened))
        #expect(answer.evidence == [.delivered])
        let release = try #require(try h.caseWork.release(filed.caseID, to: h.inspector1.publicKey.keyID))
        #expect(release.answers.count == 1)
    }
}
