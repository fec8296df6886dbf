import AuditLog
import Envelope
import Foundation
@testable import Intake
import Storage
import Testing

/// Filing in two steps — the work on a worker thread, then a commit awaited without holding a
/// thread (`CommitAwaitingStore`, SQLite's group commit) — stores exactly what one blocking call
/// stores, and each reporter still gets her token only after her own commit.
@Suite("Filing that awaits its commit")
struct CommitAwaitingTests {
    @Test("the SQLite store awaits commits; the PostgreSQL store blocks", arguments: Backend.available)
    func whichStoresAwait(_ backend: Backend) throws {
        #expect(try Harness(backend).intake.commitsWithoutHoldingThread == (backend == .sqlite))
    }

    @Test("64 filings awaiting their commits from Swift tasks are all stored, open, and their tokens work once")
    func concurrentAwaitedFilings() async throws {
        let h = try Harness(.sqlite)
        let intake = h.intake
        let sizeBefore = try h.store.auditLogSize()
        // Prepared up front, then all awaited at once from the cooperative pool's few threads:
        // blocking commits would run there one at a time; suspended ones share commits.
        let prepared = try (0..<64).map { _ in try intake.prepareFiling(body: Harness.body(IntakePathTests.complaint)) }
        let filed = try await withThrowingTaskGroup(of: FiledComplaint.self) { group in
            for filing in prepared { group.addTask { try await intake.storeFilingAwaitingCommit(filing) } }
            return try await group.reduce(into: [FiledComplaint]()) { $0.append($1) }
        }
        #expect(Set(filed.map(\.caseID)).count == 64)
        for complaint in filed {
            #expect(try h.open(complaint.caseID, as: h.inspector1) != nil)
            #expect(try intake.checkStatus(tokenText: complaint.token) != nil)
            #expect(try intake.checkStatus(tokenText: complaint.token) == nil, "a token works once")
        }
        let size = try h.store.auditLogSize()
        #expect(size - sizeBefore >= 64 * 4)
        let entries = try h.store.auditEntries(0..<size)
        #expect(try MerkleTree.root(size: size, reader: h.store.auditNodeReader()) == MerkleVerifier.root(ofLeafHashes: entries.map(MerkleHash.leaf)))
    }

    @Test("an awaited clash fails alone and says so; the filings committed with it are stored")
    func awaitedClashFailsAlone() async throws {
        let h = try Harness(.sqlite)
        let store = try #require(h.store as? SQLiteStore)
        let live = try #require(StatusToken.parse(try h.intake.file(body: Harness.body(IntakePathTests.complaint)).token)).locator
        let prepared = try (0..<16).map { _ in try h.intake.prepareFiling(body: Harness.body(IntakePathTests.complaint)) }
        let intake = h.intake
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        try await store.insertCaseAwaitingCommit(ConcurrentFilingTests.clashing(locator: live), audit: [])
                        return "stored-clash"
                    } catch {
                        return IntakeService.isLocatorClash(error) ? "refused-clash" : "other-error"
                    }
                }
            }
            for filing in prepared {
                group.addTask { (try? await intake.storeFilingAwaitingCommit(filing)) == nil ? "filing-failed" : "filed" }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["refused-clash": 8, "filed": 16])
    }

    @Test("a prepared filing whose locator was taken meanwhile is stored under a new token", arguments: [false, true])
    func takenLocatorDrawsNewToken(awaiting: Bool) async throws {
        let h = try Harness(.sqlite)
        let prepared = try h.intake.prepareFiling(body: Harness.body(IntakePathTests.complaint))
        let first = try #require(StatusToken.parse(prepared.filed.token)).locator
        try h.store.insertCase(ConcurrentFilingTests.clashing(locator: first), audit: [])

        let filed = awaiting ? try await h.intake.storeFilingAwaitingCommit(prepared) : try h.intake.storeFiling(prepared)
        #expect(filed.caseID == prepared.filed.caseID)
        #expect(try #require(StatusToken.parse(filed.token)).locator != first)
        #expect(try h.open(filed.caseID, as: h.inspector1) != nil)
        #expect(try h.intake.checkStatus(tokenText: filed.token) != nil, "the new token is the one stored")
        #expect(try h.intake.checkStatus(tokenText: prepared.filed.token) == nil, "the first token was never stored")
    }
}
