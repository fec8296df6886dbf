import AuditLog
import Envelope
import Foundation
import Intake
import Sodium
import Statistics
import Testing

/// Issue 21's case-handling figures, computed from log entries as the daemon writes them.
@Suite("case-handling figures from the public log")
struct CaseHandlingTests {
    static func at(_ day: String) -> CoarseTime {
        let date = ISO8601DateFormatter().date(from: day + "T10:30:00Z")!
        return CoarseTime(now: { date })
    }

    @Test("acknowledged within 7 days, feedback within 90, the state at 90 days; only the cohort's cases")
    func figures() throws {
        let (a, b, c, d, e) = (CaseID.generate(), CaseID.generate(), CaseID.generate(), CaseID.generate(), CaseID.generate())
        let handover = try CaseTransfer(caseID: e, receiverCaseID: CaseID.generate(), fromOperator: String(repeating: "a", count: 32), fromName: "A",
                                        toOperator: String(repeating: "b", count: 32), toName: "B", toKey: String(repeating: "c", count: 32),
                                        by: String(repeating: "d", count: 32), keepCopy: false, day: "2026-08-20",
                                        bundleHash: String(repeating: "0", count: 64))
        let entries: [[UInt8]] = [
            AuditEvent.complaintAccepted(caseID: a, policyHash: "p", policyVersion: 2).entryData(time: Self.at("2026-08-03")),
            AuditEvent.complaintAccepted(caseID: d, policyHash: "p", policyVersion: 2).entryData(time: Self.at("2026-08-10")),
            AuditEvent.statusChanged(caseID: a, state: .investigating, by: "k").entryData(time: Self.at("2026-08-05")),
            AuditEvent.statusChanged(caseID: d, state: .actionTaken, by: "k").entryData(time: Self.at("2026-08-25")),
            AuditEvent.complaintAccepted(caseID: b, policyHash: "p", policyVersion: 2).entryData(time: Self.at("2026-08-31")),
            AuditEvent.complaintAccepted(caseID: c, policyHash: "p", policyVersion: 2).entryData(time: Self.at("2026-09-01")),
            AuditEvent.messageSent(caseID: c, by: "k").entryData(time: Self.at("2026-09-01")),
            AuditEvent.messageSent(caseID: a, by: "k").entryData(time: Self.at("2026-10-30")),
            AuditEvent.statusChanged(caseID: a, state: .closed, by: "k").entryData(time: Self.at("2026-12-01")),
            AuditEvent.tokenSpent.entryData(time: Self.at("2026-12-01")),
            AuditEvent.complaintAccepted(caseID: e, policyHash: "p", policyVersion: 2).entryData(time: Self.at("2026-08-14")),
            AuditEvent.caseTransferred(TransferEntry(caseID: e, direction: .sent, by: handover.by, statement: handover.canonicalBytes(),
                                                     signature: [UInt8](repeating: 0, count: 64))).entryData(time: Self.at("2026-08-20")),
        ]
        var tally = CaseHandlingTally(cohort: "2026-08")
        for entry in entries { tally.add(entry) }
        let figures = Dictionary(uniqueKeysWithValues: tally.figures.map { ($0.cell, $0.value) })
        #expect(figures == ["filed": 4, "acknowledged_within_7_days": 2, "feedback_within_3_months": 1,
                            "outcome_action_taken": 1, "outcome_closed": 0, "outcome_transferred": 1, "outcome_open": 2],
                "a: acknowledged on day 2, message on day 88, closed on day 120 (after the window); d: action on day 15; b: nothing; c: other month; e: handed on day 6")
        #expect(CaseHandlingTally.cohort(threeMonthsBefore: "2026-11") == "2026-08")
        #expect(CaseHandlingTally.cohort(threeMonthsBefore: "2026-02") == "2025-11")
    }

    @Test("a release carries the figures of three months before, and they survive signing and CSV", arguments: Backend.available)
    func inRelease(_ backend: Backend) throws {
        let h = try Harness(backend)
        _ = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        let service = StatisticsService(store: h.store, tallying: h.intake.statistics, signer: signer)
        let month = String(CoarseTime().day().prefix(7))
        let (release, note) = try service.release(month: month, budget: .init(epsilon: try Rational(decimal: "1"), delta: nil), allowCurrentMonth: true)
        let handling = try #require(release.handling)
        #expect(handling.cohort == CaseHandlingTally.cohort(threeMonthsBefore: month))
        #expect(handling.figures.first?.cell == "filed" && handling.figures.first?.value == 0, "this month's filing is not in the cohort")
        #expect(try ReleaseNote.open(note, verifiedWith: signer.verifierKey).handling == handling)
        #expect(StatisticsRelease.csv([release]).contains("\r\n\(handling.cohort),handling,filed,0,false,none,,,,,"))
    }
}
