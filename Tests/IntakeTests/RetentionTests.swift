import Firewall
import Foundation
import Intake
import Sodium
import Testing

@Suite("retention")
struct RetentionTests {
    @Test("closed cases past the period are deleted with everything about them; open or recent ones stay", arguments: Backend.available)
    func purge(_ backend: Backend) throws {
        let h = try Harness(backend)
        let longAgo = CoarseTime(now: { Date().addingTimeInterval(-400 * 86_400) })
        let oldIntake = IntakeService(store: h.store, policy: .makeDefault(),
                                      tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum), time: longAgo)
        let oldClosed = try oldIntake.file(body: Harness.body(IntakePathTests.complaint))
        let oldOpen = try oldIntake.file(body: Harness.body(IntakePathTests.complaint))
        let recent = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        for filed in [oldClosed, recent] {
            let outcome = try h.note(filed.caseID, "resolved", kind: .outcome, by: h.inspector1)
            try h.caseWork.setStatus(filed.caseID, to: .closed, outcome: outcome, by: h.inspector1.publicKey)
        }
        #expect(try RetentionService(store: h.store).purgeClosedCases(olderThanDays: 365) == 1)
        let remaining = try h.caseWork.cases(for: h.supervisor.publicKey.keyID).map(\.id)
        #expect(Set(remaining) == [oldOpen.caseID, recent.caseID])
        #expect(try h.intake.checkStatus(tokenText: oldClosed.token) == nil, "the deleted case's token is gone")
        #expect(try h.auditLog().contains { $0.contains("case_deleted") && $0.contains(oldClosed.caseID.rawValue) })
    }
}
