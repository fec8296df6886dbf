import AuditLog
import Testing

/// The daemon never signs two inconsistent checkpoints.
@Suite("Checkpoint guard")
struct CheckpointGuardTests {
    @Test func signsAGrowingLog() throws {
        let signer = try Fixtures.signer()
        let store = InMemoryMerkleStore()
        var guardian = try CheckpointGuard(signer: signer, lastSigned: nil)
        var notes: [SignedNote] = [try guardian.signCheckpoint(size: 0, reader: store)]
        for (i, entry) in Fixtures.entries(40).enumerated() {
            try store.append(leafData: entry)
            if i % 7 == 3 { notes.append(try guardian.signCheckpoint(size: store.size, reader: store)) }
        }
        notes.append(try guardian.signCheckpoint(size: store.size, reader: store))
        notes.append(try guardian.signCheckpoint(size: store.size, reader: store))  // same size, same root: fine
        #expect(guardian.lastSigned?.size == 40)
        // Every pair of signed checkpoints is provably consistent.
        let checkpoints = try notes.map { try Checkpoint.verified(from: $0, key: signer.verifierKey) }
        for (a, b) in zip(checkpoints, checkpoints.dropFirst()) where a.size > 0 && a.size < b.size {
            let proof = try store.consistencyProof(from: a.size, to: b.size)
            #expect(MerkleVerifier.verifyConsistency(from: a.size, to: b.size, proof: proof, oldRoot: a.rootHash, newRoot: b.rootHash))
        }
    }

    @Test func refusesToShrinkForkOrRewrite() throws {
        let signer = try Fixtures.signer()
        let honest = try Fixtures.store(Fixtures.entries(20))
        let last = try Fixtures.checkpoint(honest, size: 12)
        var guardian = try CheckpointGuard(signer: signer, lastSigned: last)

        // Smaller than the last signed.
        let smaller = try Fixtures.checkpoint(honest, size: 10)
        var error = #expect(throws: AuditLogError.self) { try guardian.sign(smaller, consistencyProof: []) }
        #expect(error?.code == .rollback)

        // Same size, other root: a database edited under the daemon.
        var edited = Fixtures.entries(20)
        edited[4][0] ^= 1
        let forked = try Fixtures.store(edited)
        error = #expect(throws: AuditLogError.self) { try guardian.signCheckpoint(size: 12, reader: forked) }
        #expect(error?.code == .fork)

        // Larger, but the stored history no longer extends what was signed.
        error = #expect(throws: AuditLogError.self) { try guardian.signCheckpoint(size: 20, reader: forked) }
        #expect(error?.code == .inconsistent)
        #expect(error?.reason.contains("refusing to sign") == true)

        // A proof that is simply missing.
        let next = try Fixtures.checkpoint(honest, size: 20)
        error = #expect(throws: AuditLogError.self) { try guardian.sign(next, consistencyProof: []) }
        #expect(error?.code == .inconsistent)

        // Another origin.
        let foreign = try Fixtures.checkpoint(honest, size: 20, origin: "other.example/log")
        error = #expect(throws: AuditLogError.self) { try guardian.sign(foreign, consistencyProof: honest.consistencyProof(from: 12, to: 20)) }
        #expect(error?.code == .originMismatch)

        // Nothing above was recorded; the honest extension is still accepted.
        #expect(guardian.lastSigned == last)
        _ = try guardian.signCheckpoint(size: 20, reader: honest)
        #expect(guardian.lastSigned == next)
    }

    @Test func rejectsALastSignedCheckpointOfAnotherLog() throws {
        let store = try Fixtures.store(Fixtures.entries(2))
        let foreign = try Fixtures.checkpoint(store, size: 2, origin: "other.example/log")
        #expect(throws: AuditLogError.self) { try CheckpointGuard(signer: Fixtures.signer(), lastSigned: foreign) }
    }
}
