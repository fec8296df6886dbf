import Envelope
import Firewall
import Foundation
import GRDB
import Intake
import SeparationAudit
import Sodium
import Storage
import Testing

/// Security review 2026-12, item 4: whoever can write to the database must not be able to add a key
/// to the directory. Keys count only with the operator's signed registration in the log: routing,
/// assignment, request signatures and separation check 4 all hold to that.
@Suite struct KeyDirectoryAnchorTests {
    struct Directory {
        let store: SQLiteStore
        let operatorKey: OperatorKeyPair
        let anchor: KeyDirectoryAnchor
        let agency: AgencyService
        let caseWork: CaseWorkService
        let supervisor: AgencyKeyPair
        let inspector: AgencyKeyPair
        /// A key registered by a database writer: a row and an unsigned log entry, as before the fix.
        let rogue: AgencyKeyPair

        init(folder: URL) throws {
            store = try SQLiteStore(directory: folder)
            operatorKey = OperatorKeyPair.generate(devOnly: true)
            anchor = KeyDirectoryAnchor(store: store, operatorKey: operatorKey.publicKey)
            agency = AgencyService(store: store, anchor: anchor)
            caseWork = CaseWorkService(store: store, anchor: anchor)
            supervisor = try AgencyKeyPair.generate(name: "supervisor", role: .supervisor, devOnly: true)
            inspector = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
            rogue = try AgencyKeyPair.generate(name: "rogue", role: .inspector)
            for key in [supervisor, inspector] {
                try agency.register(operatorKey.sign(KeyRegistration(key: key.publicKey, team: "default", receivesNewCases: true)))
            }
            try AgencyService(store: store).register(rogue.publicKey, receivesNewCases: true)
        }

        func intake(anchored: Bool) -> IntakeService {
            IntakeService(store: store, policy: FirewallPolicy.makeDefault(), tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum),
                          anchor: anchored ? anchor : nil)
        }

        func file(_ intake: IntakeService) throws -> CaseID {
            try intake.file(body: Harness.body(["language": "en", "fields": ["employer_name": "Mrs Lim"], "narrative": "She keeps my wages."])).caseID
        }
    }

    @Test func aKeyWrittenIntoTheDirectoryReceivesNoCaseAndCannotSignRequests() throws {
        try withTemporaryFolder { folder in
            let directory = try Directory(folder: folder)
            let caseID = try directory.file(directory.intake(anchored: true))
            #expect(try directory.caseWork.release(caseID, to: directory.rogue.publicKey.keyID) == nil)
            #expect(try directory.caseWork.release(caseID, to: directory.inspector.publicKey.keyID) != nil)
            #expect(try directory.agency.activeKey(id: directory.rogue.publicKey.keyID) == nil)
            #expect(try directory.agency.activeKey(id: directory.inspector.publicKey.keyID) != nil)
            #expect(try directory.agency.registration(of: directory.rogue.publicKey.keyID) == nil)
        }
    }

    @Test func aRenamedRowIsNotTheKeyTheOperatorRegistered() throws {
        try withTemporaryFolder { folder in
            let directory = try Directory(folder: folder)
            let caseID = try directory.file(directory.intake(anchored: true))
            // The reviewer's repro B: the real row renamed, the attacker's key under the real name.
            let queue = try DatabaseQueue(path: folder.appendingPathComponent("safeintake.sqlite").path)
            try queue.write { db in
                try db.execute(sql: "UPDATE agency_keys SET name = 'inspector-2-old' WHERE name = 'inspector-1'")
                try db.execute(sql: "UPDATE agency_keys SET name = 'inspector-1' WHERE name = 'rogue'")
            }
            try queue.close()
            let supervisor = directory.supervisor
            let file = try #require(try directory.caseWork.release(caseID, to: supervisor.publicKey.keyID))
            let caseKey = try KeyWrap.unwrap(try #require(file.wraps[0]), caseID: caseID, with: supervisor.box)
            for target in [directory.rogue, directory.inspector] {
                let wraps = [try KeyWrap.wrap(caseKey, caseID: caseID, to: target.publicKey.boxPublicKey)]
                let statement = CaseAssignment(caseID: caseID, assignee: target.publicKey.keyID, assigner: supervisor.publicKey.keyID, wraps: wraps)
                #expect(throws: CaseWorkError.self) {
                    try directory.caseWork.assign(caseID, to: target.publicKey.keyID, wraps: wraps,
                                                  signature: statement.sign(with: supervisor.signing), by: supervisor.publicKey)
                }
            }
            // Neither row matches what the operator signed any more, so neither gets new cases.
            let later = try directory.file(directory.intake(anchored: true))
            #expect(try directory.caseWork.release(later, to: directory.rogue.publicKey.keyID) == nil)
            #expect(try directory.caseWork.release(later, to: directory.inspector.publicKey.keyID) == nil)
            #expect(try directory.caseWork.release(later, to: supervisor.publicKey.keyID) != nil)
        }
    }

    @Test func aRevocationInTheLogOutlivesARowUnrevokedInTheDatabase() throws {
        try withTemporaryFolder { folder in
            let directory = try Directory(folder: folder)
            let inspectorID = directory.inspector.publicKey.keyID
            try directory.agency.revoke(keyID: inspectorID)
            let queue = try DatabaseQueue(path: folder.appendingPathComponent("safeintake.sqlite").path)
            try queue.write { db in
                try db.execute(sql: "UPDATE agency_keys SET revoked_day = NULL, receives_new_cases = 1 WHERE key_id = ?", arguments: [inspectorID])
            }
            try queue.close()
            #expect(try directory.agency.activeKey(id: inspectorID) == nil)
            let caseID = try directory.file(directory.intake(anchored: true))
            #expect(try directory.caseWork.release(caseID, to: inspectorID) == nil)
        }
    }

    @Test func checkFourFailsOnAWrapWithoutASignedRegistration() throws {
        try withTemporaryFolder { folder in
            let directory = try Directory(folder: folder)
            // A daemon that routes by the bare table (the code before the fix) wraps to the rogue key.
            _ = try directory.file(directory.intake(anchored: false))
            let check = try SeparationAuditor(folder: folder, logKey: nil, openAPI: nil, operatorKey: directory.operatorKey.publicKey).run()[3]
            #expect(!check.passed)
            #expect(check.findings.contains { $0.contains(directory.rogue.publicKey.keyID) && $0.contains("no registration signed by the operator") })
            #expect(check.findings.count == 1, "the signed registrations of the supervisor and inspector-1 count")

            let anotherOperator = OperatorKeyPair.generate(devOnly: true).publicKey
            let underAnother = try SeparationAuditor(folder: folder, logKey: nil, openAPI: nil, operatorKey: anotherOperator).run()[3]
            #expect(underAnother.findings.count == 3, "registrations signed by another operator key count for nothing")
        }
    }

    @Test func checkFourPassesWhenEveryWrapIsToASignedRegistration() throws {
        try withTemporaryFolder { folder in
            let directory = try Directory(folder: folder)
            _ = try directory.file(directory.intake(anchored: true))
            let check = try SeparationAuditor(folder: folder, logKey: nil, openAPI: nil, operatorKey: directory.operatorKey.publicKey).run()[3]
            #expect(check.passed, "\(check.findings)")
        }
    }
}
