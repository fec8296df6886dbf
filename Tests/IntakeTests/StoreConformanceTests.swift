import AuditLog
import Envelope
import Foundation
import Intake
import Sodium
import Testing

/// What every `IntakeStore` must do, run against each backend in `Backend.available`. A second
/// store opened on the same data stands for a restarted daemon or a second daemon beside the first
/// (its own connection pool, as a separate process would have).
@Suite("store conformance")
struct StoreConformanceTests {
    @Test("no column can hold a prohibited category", arguments: Backend.available)
    func schemaHasNoProhibitedColumn(_ backend: Backend) throws {
        let h = try Harness(backend)
        let prohibitedWords = ["status", "nationality", "passport", "visa", "permit", "document", "route", "ip",
                               "address", "agent", "country", "immigration", "token", "narrative", "plaintext", "fields"]
        let columns = try h.database.columns()
        #expect(columns.count >= 5)
        for (table, names) in columns {
            for column in names {
                let words = column.lowercased().split(separator: "_").map(String.init)
                #expect(prohibitedWords.allSatisfy { !words.contains($0) }, "\(table).\(column) names a prohibited category")
            }
        }
    }

    @Test("reopening a store keeps everything and runs no migration twice", arguments: Backend.available)
    func reopen(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let size = try h.store.auditLogSize()
        let reopened = try h.database.openAnother()
        #expect(try reopened.auditLogSize() == size)
        #expect(try reopened.cases(wrappedTo: h.inspector1.publicKey.keyID).map(\.id) == [filed.caseID])
        #expect(try reopened.agencyKeys().map(\.publicKey.name) == ["inspector-1", "inspector-2", "supervisor"])
    }

    @Test("a key name or id cannot be registered twice", arguments: Backend.available)
    func duplicateKeys(_ backend: Backend) throws {
        let h = try Harness(backend)
        let size = try h.store.auditLogSize()
        #expect(throws: StoreError.duplicateKey) { try h.agency.register(h.inspector1.publicKey, receivesNewCases: false) }
        let sameName = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector)
        #expect(throws: StoreError.duplicateKey) { try h.agency.register(sameName.publicKey, receivesNewCases: false) }
        #expect(try h.store.auditLogSize() == size, "a refused registration must leave no audit entry")
    }

    @Test("a replacement token whose locator is live is refused and the spend rolls back", arguments: Backend.available)
    func locatorCollisionRollsBack(_ backend: Backend) throws {
        let h = try Harness(backend)
        let first = try #require(StatusToken.parse(try h.intake.file(body: Harness.body(IntakePathTests.complaint)).token))
        let second = try #require(StatusToken.parse(try h.intake.file(body: Harness.body(IntakePathTests.complaint)).token))
        let stored = try #require(try h.store.token(locator: first.locator))
        let live = try #require(try h.store.token(locator: second.locator))
        let size = try h.store.auditLogSize()
        let clash = StoredToken(locator: live.locator, caseID: stored.caseID, verifier: stored.verifier, reporterKeyWrap: stored.reporterKeyWrap)
        #expect(throws: StoreError.locatorTaken) {
            try h.store.spendToken(stored, replacement: clash, answer: nil, seenThrough: nil, audit: [AuditEvent.tokenSpent.entryData(time: CoarseTime())])
        }
        #expect(try h.store.token(locator: first.locator) != nil, "the failed spend must not have deleted the token")
        #expect(try h.store.auditLogSize() == size)
    }

    @Test("a release names its own audit entry; no wrap means no release and no entry", arguments: Backend.available)
    func releaseEntryIndex(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let released = try #require(try h.caseWork.release(filed.caseID, to: h.inspector1.publicKey.keyID))
        let entry = try h.store.auditEntries(released.releaseEntryIndex..<released.releaseEntryIndex + 1)
        let text = String(decoding: try #require(entry.first), as: UTF8.self)
        #expect(text.contains("key_released") && text.contains(filed.caseID.rawValue))
        let size = try h.store.auditLogSize()
        #expect(try h.caseWork.release(filed.caseID, to: h.inspector2.publicKey.keyID) == nil)
        #expect(try h.store.auditLogSize() == size)
    }

    @Test("the stored Merkle tree matches a tree rebuilt from the entries at every size", arguments: Backend.available)
    func treeMatchesEntries(_ backend: Backend) throws {
        let h = try Harness(backend)
        for _ in 0..<3 { _ = try h.intake.file(body: Harness.body(IntakePathTests.complaint)) }
        try expectTreeMatchesEntries(h.store)
    }

    @Test("two daemons: of many concurrent checks with one token exactly one succeeds", arguments: Backend.available)
    func concurrentDoubleSpendAcrossDaemons(_ backend: Backend) async throws {
        let h = try Harness(backend)
        let other = try h.secondDaemon()
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let before = try h.store.auditLogSize()
        let daemons = [h.intake, other.intake]
        let successes = await withTaskGroup(of: Bool.self) { group in
            for attempt in 0..<16 {
                let intake = daemons[attempt % 2]
                group.addTask { (try? await Thread.detachedResult { try intake.checkStatus(tokenText: filed.token) }) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 1)
        #expect(try other.store.auditLogSize() == before + 1, "exactly one token_spent entry")
        #expect(try h.intake.checkStatus(tokenText: filed.token) == nil)
        #expect(try other.intake.checkStatus(tokenText: filed.token) == nil)
    }

    @Test("two daemons: a token issued by one is spent on the other, and then spent for both", arguments: Backend.available)
    func tokenSpentAcrossDaemons(_ backend: Backend) throws {
        let h = try Harness(backend)
        let other = try h.secondDaemon()
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let answer = try #require(try other.intake.checkStatus(tokenText: filed.token))
        #expect(try h.intake.checkStatus(tokenText: filed.token) == nil)
        #expect(try other.intake.checkStatus(tokenText: filed.token) == nil)
        #expect(try h.intake.checkStatus(tokenText: answer.nextToken) != nil)
    }

    @Test("two daemons appending at once write one log: one sequence, one tree, identical checkpoints", arguments: Backend.available)
    func concurrentAppendsAcrossDaemons(_ backend: Backend) async throws {
        let h = try Harness(backend)
        let other = try h.secondDaemon()
        let before = try h.store.auditLogSize()
        let daemons = [(h.intake, h.caseWork), (other.intake, CaseWorkService(store: other.store))]
        let inspector = h.inspector1.publicKey.keyID
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                let (intake, caseWork) = daemons[worker % 2]
                group.addTask {
                    _ = try await Thread.detachedResult {
                        for _ in 0..<3 {
                            let filed = try intake.file(body: Harness.body(IntakePathTests.complaint))
                            _ = try intake.checkStatus(tokenText: filed.token)
                            _ = try caseWork.release(filed.caseID, to: inspector)
                        }
                        return true
                    }
                }
            }
            try await group.waitForAll()
        }
        let size = try h.store.auditLogSize()
        // Per complaint: accepted + 2 wraps, one token spend, one release.
        #expect(size == before + 24 * 5)
        #expect(try other.store.auditLogSize() == size)
        try expectTreeMatchesEntries(h.store)
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        let one = try AuditPublisher(store: h.store, signer: signer).signedCheckpoint()
        let two = try AuditPublisher(store: other.store, signer: signer).signedCheckpoint()
        #expect(one == two, "two daemons with one log key must sign the same checkpoint for the same tree")
    }

    @Test("daemons starting together with one policy record it once", arguments: Backend.available)
    func concurrentPolicyRecording(_ backend: Backend) async throws {
        let h = try Harness(backend)
        let stores = [h.store, try h.database.openAnother(), try h.database.openAnother(), try h.database.openAnother()]
        let entry = AuditEvent.policyChanged(policyHash: "test-policy", policyVersion: 1).entryData(time: CoarseTime())
        let before = try h.store.auditLogSize()
        let recorded = try await withThrowingTaskGroup(of: Bool.self) { group in
            for store in stores {
                group.addTask { try await Thread.detachedResult { try store.recordPolicy("test-policy", audit: [entry]) } ?? false }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(recorded == 1)
        #expect(try h.store.auditLogSize() == before + 1)
    }

    /// Every prefix of the stored log has the root that a fresh in-memory tree over its entries has.
    private func expectTreeMatchesEntries(_ store: any IntakeStore) throws {
        let size = try store.auditLogSize()
        let entries = try store.auditEntries(0..<size)
        #expect(UInt64(entries.count) == size, "every index below the size holds exactly one entry")
        let reference = InMemoryMerkleStore()
        let reader = store.auditNodeReader()
        for (index, entry) in entries.enumerated() {
            _ = try reference.append(leafData: entry)
            let stored = try MerkleTree.root(size: UInt64(index + 1), reader: reader)
            #expect(stored == (try reference.root()), "root of size \(index + 1)")
        }
    }
}
