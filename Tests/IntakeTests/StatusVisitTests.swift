import Envelope
import Foundation
import Intake
import Sodium
import Testing

/// Issue 18: one number per visit, her dated thread, the outcome written for her, a duress decoy
/// that does not give itself away, and a supervisor clearing the duress flag.
@Suite("a reporter's visit: one number, a dated thread, the outcome")
struct StatusVisitTests {
    @Test("one visit reads, answers and reads again with one number; the typed number is spent once", arguments: Backend.available)
    func oneNumberPerVisit(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: ReporterMessagingTests.complaint())
        try h.reply(filed.caseID, "Which street is the house on?", kind: .requestInfo, by: h.inspector1)
        let first = try #require(try h.intake.checkStatus(tokenText: filed.token))
        let answered = try #require(try h.intake.continueVisit(pass: first.visitPass, reply: "Jalan Mawar, number 12"))
        let reread = try #require(try h.intake.continueVisit(pass: answered.visitPass))
        #expect(Set([first.nextToken, answered.nextToken, reread.nextToken]).count == 1, "one number for the whole visit")
        #expect(reread.messages.map(\.from) == ["inspector", "reporter"])
        #expect(reread.messages.last?.text == "Jalan Mawar, number 12" && reread.messages.last?.day == h.today)
        #expect(reread.messages.first?.isNew == true, "what was new when the visit began stays marked all visit")
        #expect(try h.caseKeys(filed.caseID, as: h.inspector1).file.answers.count == 1, "her answer reached the inspector once")
        // The number she leaves with is a real one-time token: typed on her next visit, it works once.
        let next = try #require(try h.intake.checkStatus(tokenText: reread.nextToken))
        #expect(next.nextToken != reread.nextToken)
        #expect(next.messages.first?.isNew == false, "read on the last visit, so no longer new")
        #expect(next.messages.last?.isNew == false, "her own answers are never new to her")
        #expect(try h.intake.checkStatus(tokenText: reread.nextToken) == nil)
        #expect(try h.intake.continueVisit(pass: reread.visitPass) == nil, "the visit's token was spent: the pass is dead")
    }

    @Test("a visit pass is refused when forged, from another deployment or too old")
    func passIsBoundToDeploymentAndTime() throws {
        let h = try Harness()
        let filed = try h.intake.file(body: ReporterMessagingTests.complaint())
        let answer = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(try h.intake.continueVisit(pass: "AAAA") == nil)
        var tampered = Array(Base64.decode(answer.visitPass)!)
        tampered[tampered.count - 1] ^= 1
        #expect(try h.intake.continueVisit(pass: Base64.encode(tampered)) == nil)
        let other = try Harness()  // another pepper
        #expect(try other.intake.continueVisit(pass: answer.visitPass) == nil)
        let key = try TokenHasher(pepper: h.pepper, cost: h.cost).visitKey()
        let pass = try #require(VisitPass.open(answer.visitPass, key: key, now: Date()))
        #expect(VisitPass.open(answer.visitPass, key: key, now: Date().addingTimeInterval(VisitPass.lifetime + 60)) == nil)
        #expect(pass.token.formatted() == answer.nextToken)
    }

    @Test("a closed case shows the outcome written for her, never the internal outcome note", arguments: Backend.available)
    func outcome(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: ReporterMessagingTests.complaint())
        try h.reply(filed.caseID, "You will be paid MYR 4,800 by 15 January.", kind: .outcome, by: h.inspector1)
        let open = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(open.outcome == nil, "an outcome is shown only once the case is closed")
        #expect(open.messages.isEmpty, "the outcome is not a message in her thread")
        let note = try h.note(filed.caseID, "Employer fined under s.60; internal ref 22/41", kind: .outcome, by: h.inspector1)
        try h.caseWork.setStatus(filed.caseID, to: .closed, outcome: note, by: h.inspector1.publicKey)
        let closed = try #require(try h.intake.checkStatus(tokenText: open.nextToken))
        #expect(closed.state == .closed)
        #expect(closed.outcome == "You will be paid MYR 4,800 by 15 January.")
    }

    @Test("she is told the day it was received and the day she will hear back by, from the operator's deadlines", arguments: Backend.available)
    func promisedDays(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: ReporterMessagingTests.complaint())
        let first = try #require(try h.intake.checkStatus(tokenText: filed.token))
        #expect(first.receivedOn == h.today)
        #expect(first.replyBy == CalendarDay.adding(7, to: h.today), "acknowledgement within 7 days while only received")
        try h.caseWork.setStatus(filed.caseID, to: .investigating, outcome: nil, by: h.inspector1.publicKey)
        let working = try #require(try h.intake.continueVisit(pass: first.visitPass))
        #expect(working.replyBy == CalendarDay.adding(90, to: h.today), "feedback within 3 months once someone works on it")
        try h.caseWork.setStatus(filed.caseID, to: .closed, outcome: try h.note(filed.caseID, "done", kind: .outcome, by: h.inspector1),
                                 by: h.inspector1.publicKey)
        #expect(try h.intake.continueVisit(pass: first.visitPass)?.replyBy == nil, "nothing more is promised once closed")
    }

    @Test("calendar days: month, year and leap-day boundaries; bad days refused")
    func calendarDays() {
        #expect(CalendarDay.adding(7, to: "2026-12-30") == "2027-01-06")
        #expect(CalendarDay.adding(1, to: "2028-02-28") == "2028-02-29")
        #expect(CalendarDay.adding(1, to: "2027-02-28") == "2027-03-01")
        #expect(CalendarDay.adding(90, to: "2026-12-06") == "2027-03-06")
        #expect(CalendarDay.adding(-1, to: "2026-01-01") == "2025-12-31")
        #expect(CalendarDay.adding(1, to: "2026-13-01") == nil && CalendarDay.adding(1, to: "yesterday") == nil)
    }

    @Test("a decoy keeps answering no news after the case moves on; clearing the flag is a supervisor's, with a reason", arguments: Backend.available)
    func decoyAndClearing(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: ReporterMessagingTests.complaint(duress: "246802"))
        let locator = String(filed.token.prefix(9))
        let decoy = try #require(try h.intake.checkStatus(tokenText: locator + "-246802"))
        try h.caseWork.setStatus(filed.caseID, to: .investigating, outcome: nil, by: h.inspector1.publicKey)
        let visit = try #require(try h.intake.continueVisit(pass: decoy.visitPass, reply: "all fine"))
        #expect(visit.state == .received && visit.messages.isEmpty && visit.nextToken == decoy.nextToken)
        #expect(try h.caseKeys(filed.caseID, as: h.inspector1).file.answers.isEmpty, "nothing written through a decoy reaches inspectors")
        let later = try #require(try h.intake.checkStatus(tokenText: decoy.nextToken))
        #expect(later.state == .received && later.messages.isEmpty)

        let reason = try h.note(filed.caseID, "her caseworker met her: she is safe and asks to be contacted", by: h.inspector1)
        #expect(throws: CaseWorkError.self, "an inspector cannot clear it") {
            try h.caseWork.clearDuress(filed.caseID, reason: reason, by: h.inspector1.publicKey)
        }
        let size = try h.store.auditLogSize()
        try h.caseWork.clearDuress(filed.caseID, reason: try h.note(filed.caseID, "caseworker confirmed", by: h.supervisor),
                                   by: h.supervisor.publicKey)
        #expect(try h.caseWork.cases(for: h.supervisor.publicKey.keyID).first?.duressFlagged == false)
        let logged = try h.store.auditEntries(size..<h.store.auditLogSize()).map { String(decoding: $0, as: UTF8.self) }
        #expect(logged.contains { $0.contains("\"duress_cleared\"") && $0.contains(filed.caseID.rawValue) })
        #expect(!logged.contains { $0.contains("caseworker") }, "the reason is sealed, not logged")
        try h.reply(filed.caseID, "Thank you for confirming.", by: h.inspector1)
        #expect(throws: CaseWorkError.self, "a flag can be cleared only once it is set") {
            try h.caseWork.clearDuress(filed.caseID, reason: try h.note(filed.caseID, "again", by: h.supervisor), by: h.supervisor.publicKey)
        }
        #expect(try h.intake.checkStatus(tokenText: later.nextToken)?.state == .received, "the decoy still says nothing")
    }
}
