import AuditLog
import Envelope
import Foundation
import Intake
import Sodium
import Testing

@Suite("complaint receipts")
struct ComplaintReceiptTests {
    static let signer = try! NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())

    @Test("she gets the employer only when she asks, from what the firewall let through", arguments: Backend.available)
    func employerOnRequest(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(Complaint(language: "en", fields: ["employer_name": "Mrs Tan", "visa_status": "expired"],
                                                narrative: "Not paid since May."))
        let answer = try #require(try h.intake.checkStatus(tokenText: filed.token))
        let facts = try #require(answer.receipt)
        #expect(facts == ReceiptFacts(filedDay: h.today, employer: "Mrs Tan"))
        let publisher = AuditPublisher(store: h.store, signer: Self.signer)
        let named = try ComplaintReceipt.verify(try publisher.receipt(facts, namingEmployer: true), key: Self.signer.verifierKey)
        #expect(named.employer == "Mrs Tan" && named.filed == h.today && named.deployment == Self.signer.name)
        #expect(try ComplaintReceipt.verify(try publisher.receipt(facts, namingEmployer: false), key: Self.signer.verifierKey).employer == nil)
    }

    @Test("under duress the receipt has the real filing day and no employer, on the decoy too")
    func duress() throws {
        let h = try Harness()
        var complaint = Complaint(language: "en", fields: ["employer_name": "Mrs Tan"], narrative: "Not paid since May.")
        complaint.duressCode = "246810"
        let filed = try h.intake.file(complaint)
        let locator = filed.token.split(separator: "-").prefix(2).joined(separator: "-")
        let coerced = try #require(try h.intake.checkStatus(tokenText: "\(locator)-246810"))
        #expect(coerced.receipt == ReceiptFacts(filedDay: h.today, employer: nil))
        let decoy = try #require(try h.intake.checkStatus(tokenText: coerced.nextToken))
        #expect(decoy.receipt == ReceiptFacts(filedDay: h.today, employer: nil))
    }

    @Test("a line break in the employer cannot add a line; a checkpoint by the same key is no receipt")
    func noForgedLines() throws {
        let text = ComplaintReceipt.text(ReceiptFacts(filedDay: "2026-12-07", employer: "Tan\nfiled: 2020-01-01"), origin: "o", namingEmployer: true)
        #expect(text.split(separator: "\n").count == 4)
        let checkpoint = try SignedNote(signing: "safeintake.invalid/audit/test\n5\n" + Base64.encode([UInt8](repeating: 1, count: 32)) + "\n",
                                        with: [Self.signer]).encoded
        #expect(throws: AuditLogError.self) { try ComplaintReceipt.verify(checkpoint, key: Self.signer.verifierKey) }
        let other = try NoteSigner(name: Self.signer.name, keyPair: SigningKeyPair())
        let foreign = try SignedNote(signing: ComplaintReceipt.text(ReceiptFacts(filedDay: "2026-12-07", employer: nil), origin: "o",
                                                                    namingEmployer: false), with: [other]).encoded
        #expect(throws: AuditLogError.self) { try ComplaintReceipt.verify(foreign, key: Self.signer.verifierKey) }
    }
}
