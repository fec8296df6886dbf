import Envelope
import Foundation
import Intake
import Sodium
import Storage
import Testing

@Suite("messages between inspector and reporter, and the duress code")
struct ReporterMessagingTests {
    static func complaint(duress: String? = nil) -> [UInt8] {
        var object = IntakePathTests.complaint
        if let duress { object["duress_code"] = duress }
        return Harness.body(object)
    }

    @Test("a reply is readable with the reporter's current token only, and never stored readable", arguments: Backend.available)
    func replyReachesTheTokenHolderOnly(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint())
        let text = "Thank you. Can you tell us the address where you work? Reply here."
        try h.reply(filed.caseID, text, kind: .requestInfo, by: h.inspector1)
        let answer = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(answer.messages == [ReporterMessage(from: "inspector", kind: .requestInfo, text: text, day: h.today, isNew: true)])
        #expect(try h.intake.checkStatus(tokenText: filed.token) == nil, "the old token is spent")
        // The next token still reads it: the reporter key was re-wrapped under it.
        #expect(try h.intake.checkStatus(tokenText: answer.nextToken)?.messages.map(\.text) == [text])
        #expect(!(try h.allStoredBytes().containsUTF8("address where you work")))
    }

    @Test("a message not signed by an agency key is not shown", arguments: Backend.available)
    func unsignedMessagesAreDropped(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint())
        let file = try h.caseKeys(filed.caseID, as: h.inspector1).file
        let stranger = try AgencyKeyPair.generate(name: "stranger", role: .inspector)
        let forged = try InspectorMessage(caseID: filed.caseID, from: h.inspector1.publicKey.keyID, kind: .reply, text: "come to the office")
            .seal(signedBy: stranger.signing, to: file.reporterPublicKey!)
        try h.caseWork.sendMessage(filed.caseID, sealed: forged, by: h.inspector1.publicKey)
        #expect(try h.intake.checkStatus(tokenText: filed.token)?.messages == [])
    }

    @Test("the reporter's answer passes the firewall and is sealed to each holder", arguments: Backend.available)
    func answersAreFirewalledAndSealed(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint())
        let reply = "The house is at 12 Jalan Besar. My visa expired last year. She still owes me three months of pay."
        _ = try #require(try h.intake.checkStatus(tokenText: filed.token, reply: reply))
        let file = try h.caseKeys(filed.caseID, as: h.inspector1).file
        let opened = try ReporterAnswer.open(try #require(file.answers.first), caseID: filed.caseID, with: h.inspector1.box)
        #expect(opened.text.contains("12 Jalan Besar") && opened.text.contains("owes me three months"))
        #expect(!opened.text.contains("visa expired"), "the firewall must remove status from answers too")
        #expect(try h.caseKeys(filed.caseID, as: h.supervisor).file.answers.count == 1)
        #expect(!(try h.allStoredBytes().containsUTF8("Jalan Besar")))
    }

    @Test("the duress code gives a no-news answer of the same shape, flags the case and stops replies", arguments: Backend.available)
    func duress(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint(duress: "246802"))
        try h.caseWork.setStatus(filed.caseID, to: .investigating, outcome: nil, by: h.inspector1.publicKey)
        try h.reply(filed.caseID, "We visited your employer.", by: h.inspector1)
        let locator = String(filed.token.prefix(9))  // "DDDD-DDDD"
        let coerced = try #require(try h.intake.checkStatus(tokenText: locator + "-246802"))
        #expect(coerced.state == .received && coerced.messages.isEmpty)
        #expect(coerced.nextToken.wholeMatch(of: /\d{4}(-\d{4}){5}/) != nil)
        // The decoy keeps answering "no news", as a real token would, and hands on another decoy.
        let again = try #require(try h.intake.checkStatus(tokenText: coerced.nextToken), "a decoy must not give itself away")
        #expect(again.state == .received && again.messages.isEmpty && again.outcome == nil)
        #expect(try h.intake.checkStatus(tokenText: coerced.nextToken) == nil, "a decoy is spent like a token")
        #expect(try h.intake.checkStatus(tokenText: again.nextToken)?.state == .received)
        #expect(try h.intake.checkStatus(tokenText: locator + "-135791") == nil, "a wrong duress code is refused like a bad token")
        #expect(try h.caseWork.cases(for: h.inspector1.publicKey.keyID).first?.duressFlagged == true)
        #expect(throws: CaseWorkError.self) { try h.reply(filed.caseID, "Are you safe?", by: h.inspector1) }
        // Her real token still works and shows the real state.
        let real = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(real.state == .investigating && real.messages.count == 1)
    }

    @Test("a duress code must be 6 to 8 digits", arguments: Backend.available)
    func duressCodeShape(_ backend: Backend) throws {
        let h = try Harness(backend)
        for bad in ["12", "1234", "12345", "123456789", "12a456", "   "] {
            #expect(throws: IntakeError.self) { try h.intake.file(body: Self.complaint(duress: bad)) }
        }
        #expect(try h.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty, "a refused complaint stores no case")
        #expect(DuressCode.parse("123456") != nil && DuressCode.parse("12345678") != nil)
        // A locator and a four- or five-digit code is no duress entry any more.
        #expect(DuressCode.parseEntry("1234-5678-1234") == nil && DuressCode.parseEntry("1234-5678-12345") == nil)
        #expect(DuressCode.parseEntry("1234-5678-123456")?.locator == "12345678")
    }
}
