import AuditLog
import Envelope
import Foundation
import Intake
import Sodium
import Testing

/// Complaints filed at the same moment: on SQLite they share one transaction (`CommitGroup`), and
/// each must still be stored whole, on its own, or not at all.
@Suite("Concurrent filing")
struct ConcurrentFilingTests {
    static let filers = 40

    @Test("every concurrent filing is stored, opens for its inspector, its token works once, and the log is whole",
          arguments: Backend.available)
    func everyConcurrentFilingIsStored(_ backend: Backend) async throws {
        let h = try Harness(backend)
        let intake = h.intake
        let sizeBefore = try h.store.auditLogSize()
        let filed = await withTaskGroup(of: FiledComplaint?.self) { group in
            for _ in 0..<Self.filers {
                group.addTask { try? await Thread.detachedResult { try intake.file(body: Harness.body(IntakePathTests.complaint)) } }
            }
            return await group.reduce(into: [FiledComplaint]()) { if let f = $1 { $0.append(f) } }
        }
        #expect(filed.count == Self.filers)
        #expect(Set(filed.map(\.caseID)).count == Self.filers)
        for complaint in filed {
            #expect(try h.open(complaint.caseID, as: h.inspector1) != nil)
            #expect(try intake.checkStatus(tokenText: complaint.token) != nil)
            #expect(try intake.checkStatus(tokenText: complaint.token) == nil, "a token works once")
        }
        // Each complaint appended its acceptance and one wrap per recipient (two), each check one
        // spend; firewall summaries come every 50 complaints.
        let size = try h.store.auditLogSize()
        #expect(size - sizeBefore >= UInt64(Self.filers * 4))
        let entries = try h.store.auditEntries(0..<size)
        let root = try MerkleTree.root(size: size, reader: h.store.auditNodeReader())
        #expect(root == MerkleVerifier.root(ofLeafHashes: entries.map(MerkleHash.leaf)))
        let accepted = entries.filter { String(decoding: $0, as: UTF8.self).contains(#""type":"complaint_accepted""#) }
        #expect(accepted.count == Self.filers)
    }

    @Test("a clashing locator fails alone: filings committed at the same moment are unaffected", arguments: Backend.available)
    func clashFailsAlone(_ backend: Backend) async throws {
        let h = try Harness(backend)
        let live = try #require(StatusToken.parse(try h.intake.file(body: Harness.body(IntakePathTests.complaint)).token)).locator
        let store = h.store, intake = h.intake
        let outcomes = await withTaskGroup(of: String.self) { group in
            for i in 0..<24 {
                group.addTask {
                    if i % 3 == 0 {
                        do {
                            try await Thread.detachedResult { try store.insertCase(Self.clashing(locator: live), audit: []) }
                            return "stored-clash"
                        } catch StoreError.locatorTaken {
                            return "refused-clash"
                        } catch {
                            return "other-error"
                        }
                    }
                    let filed = try? await Thread.detachedResult { try intake.file(body: Harness.body(IntakePathTests.complaint)) }
                    return filed == nil ? "filing-failed" : "filed"
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["refused-clash": 8, "filed": 16])
    }

    /// A case whose token locator is already live: the store must refuse it.
    static func clashing(locator: String) -> NewCase {
        let id = CaseID.generate()
        let verifier = TokenVerifier(salt: Random.bytes(16), hash: Random.bytes(32), cost: .minimum)
        return NewCase(id: id, day: CoarseTime().day(), agencyView: Random.bytes(64), wraps: [:],
                       token: StoredToken(locator: locator, caseID: id, verifier: verifier, reporterKeyWrap: nil),
                       reporterPublicKey: Random.bytes(32), duressVerifier: nil)
    }
}
