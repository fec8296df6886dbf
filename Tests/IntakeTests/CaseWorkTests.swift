import Envelope
import Foundation
import Intake
import Sodium
import Storage
import Testing

@Suite("case work: assignment, epochs, notes, replies")
struct CaseWorkTests {
    static let complaint = Harness.body(IntakePathTests.complaint)

    @Test("a supervisor assigns a case; only then can inspector-2 list and open it", arguments: Backend.available)
    func assignmentGivesAccess(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        #expect(try h.caseWork.cases(for: h.inspector2.publicKey.keyID).isEmpty)
        #expect(try h.caseWork.release(filed.caseID, to: h.inspector2.publicKey.keyID) == nil)
        try h.assign(filed.caseID, to: h.inspector2, by: h.supervisor)
        #expect(try h.caseWork.cases(for: h.inspector2.publicKey.keyID).map(\.id) == [filed.caseID])
        #expect(try h.open(filed.caseID, as: h.inspector2)?.fields["employer_name"] == "Mrs. Lim")
        #expect(try h.caseWork.cases(for: h.supervisor.publicKey.keyID).first?.state == .assigned)
        let log = try h.auditLog()
        let entry = try #require(log.last { $0.contains("case_assigned") })
        #expect(entry.contains(h.inspector2.publicKey.keyID) && entry.contains(h.supervisor.publicKey.keyID))
    }

    @Test("forged, unsigned, mismatched and non-supervisor assignments are refused and store nothing", arguments: Backend.available)
    func badAssignmentsAreRefused(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        let (wraps, signature) = try h.assignment(filed.caseID, to: h.inspector2, by: h.supervisor)
        let before = try h.store.auditLogSize()
        let attempts: [(String, () throws -> Void)] = [
            ("signed by another key", {
                let forged = CaseAssignment(caseID: filed.caseID, assignee: h.inspector2.publicKey.keyID,
                                            assigner: h.supervisor.publicKey.keyID, wraps: wraps).sign(with: h.inspector1.signing)
                try h.caseWork.assign(filed.caseID, to: h.inspector2.publicKey.keyID, wraps: wraps, signature: forged, by: h.supervisor.publicKey)
            }),
            ("unsigned", { try h.caseWork.assign(filed.caseID, to: h.inspector2.publicKey.keyID, wraps: wraps, signature: [], by: h.supervisor.publicKey) }),
            ("signature for other wraps", {
                let other = try [KeyWrap.wrap(AEAD.generateKey(), caseID: filed.caseID, to: h.inspector2.publicKey.boxPublicKey)]
                try h.caseWork.assign(filed.caseID, to: h.inspector2.publicKey.keyID, wraps: other, signature: signature, by: h.supervisor.publicKey)
            }),
            ("signature for another assignee", {
                try h.caseWork.assign(filed.caseID, to: h.inspector1.publicKey.keyID, wraps: wraps, signature: signature, by: h.supervisor.publicKey)
            }),
            ("by an inspector", {
                let own = CaseAssignment(caseID: filed.caseID, assignee: h.inspector2.publicKey.keyID,
                                         assigner: h.inspector1.publicKey.keyID, wraps: wraps).sign(with: h.inspector1.signing)
                try h.caseWork.assign(filed.caseID, to: h.inspector2.publicKey.keyID, wraps: wraps, signature: own, by: h.inspector1.publicKey)
            }),
        ]
        for (name, attempt) in attempts {
            #expect(throws: CaseWorkError.self, "\(name) must be refused") { try attempt() }
        }
        #expect(try h.store.auditLogSize() == before, "a refused assignment writes no audit entry")
        #expect(try h.caseWork.release(filed.caseID, to: h.inspector2.publicKey.keyID) == nil)
    }

    @Test("a supervisor who does not hold the case cannot assign it", arguments: Backend.available)
    func nonHolderCannotAssign(_ backend: Backend) throws {
        let h = try Harness(backend)
        let other = try AgencyKeyPair.generate(name: "supervisor-north", role: .supervisor)
        try h.agency.register(other.publicKey, receivesNewCases: false, team: "north")
        let filed = try h.intake.file(body: Self.complaint)
        let (wraps, _) = try h.assignment(filed.caseID, to: h.inspector2, by: h.supervisor)
        let signature = CaseAssignment(caseID: filed.caseID, assignee: h.inspector2.publicKey.keyID,
                                       assigner: other.publicKey.keyID, wraps: wraps).sign(with: other.signing)
        #expect(throws: CaseWorkError(.forbidden, "your key does not hold this case; ask a supervisor of its team to assign it to you")) {
            try h.caseWork.assign(filed.caseID, to: h.inspector2.publicKey.keyID, wraps: wraps, signature: signature, by: other.publicKey)
        }
    }

    @Test("removing an inspector deletes their wraps and seals later notes under a key they never had", arguments: Backend.available)
    func unassignStartsANewEpoch(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        try h.caseWork.addNote(filed.caseID, try h.note(filed.caseID, "first visit planned", by: h.inspector1), by: h.inspector1.publicKey)
        let oldKeys = try h.caseKeys(filed.caseID, as: h.inspector1).keys
        try h.unassign(filed.caseID, removing: h.inspector1, by: h.supervisor)
        #expect(try h.caseWork.release(filed.caseID, to: h.inspector1.publicKey.keyID) == nil)
        #expect(try h.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty)
        #expect(throws: CaseWorkError.self) {
            try h.caseWork.addNote(filed.caseID, StoredNote(epoch: 1, author: h.inspector1.publicKey.keyID, record: [1, 2, 3]), by: h.inspector1.publicKey)
        }
        try h.caseWork.addNote(filed.caseID, try h.note(filed.caseID, "employer interviewed", by: h.supervisor), by: h.supervisor.publicKey)
        let (file, keys) = try h.caseKeys(filed.caseID, as: h.supervisor)
        #expect(file.epoch == 1 && file.notes.map(\.epoch) == [0, 1])
        let latest = try #require(file.notes.last)
        #expect(try CaseNote.open(latest.record, caseID: filed.caseID, caseKey: keys[1]!, signingKey: h.signingKey).text == "employer interviewed")
        #expect(throws: EnvelopeError.self, "the removed inspector's old key must not open the new epoch's note") {
            try CaseNote.open(latest.record, caseID: filed.caseID, caseKey: oldKeys[0]!, signingKey: h.signingKey)
        }
        // A stale epoch change (same epoch again) is refused.
        #expect(throws: CaseWorkError.self) { try h.unassign(filed.caseID, removing: h.inspector2, by: h.supervisor) }
    }

    @Test("a revoked key loses its wraps and its cases", arguments: Backend.available)
    func revocation(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        try h.agency.revoke(keyID: h.inspector1.publicKey.keyID)
        #expect(try h.agency.activeKey(id: h.inspector1.publicKey.keyID) == nil)
        #expect(try h.caseWork.release(filed.caseID, to: h.inspector1.publicKey.keyID) == nil)
        #expect(try h.auditLog().contains { $0.contains("agency_key_revoked") && $0.contains(h.inspector1.publicKey.keyID) })
        let next = try h.intake.file(body: Self.complaint)
        #expect(try h.caseWork.cases(for: h.inspector1.publicKey.keyID).isEmpty, "no new case is routed to a revoked key: \(next.caseID)")
    }

    @Test("closing needs an outcome; states change only for holders and are logged", arguments: Backend.available)
    func statusChanges(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Self.complaint)
        try h.caseWork.setStatus(filed.caseID, to: .investigating, outcome: nil, by: h.inspector1.publicKey)
        #expect(throws: CaseWorkError.self) { try h.caseWork.setStatus(filed.caseID, to: .closed, outcome: nil, by: h.inspector1.publicKey) }
        #expect(throws: CaseWorkError.self) { try h.caseWork.setStatus(filed.caseID, to: .actionTaken, outcome: nil, by: h.inspector2.publicKey) }
        let outcome = try h.note(filed.caseID, "wages recovered: 2,700 SGD", kind: .outcome, by: h.inspector1)
        try h.caseWork.setStatus(filed.caseID, to: .closed, outcome: outcome, by: h.inspector1.publicKey)
        #expect(try h.intake.checkStatus(tokenText: filed.token)?.state == .closed)
        #expect(try h.auditLog().filter { $0.contains("status_changed") }.count == 2)
    }
}

extension Harness {
    func auditLog() throws -> [String] {
        try store.auditEntries(0..<store.auditLogSize()).map { String(decoding: $0, as: UTF8.self) }
    }
}
