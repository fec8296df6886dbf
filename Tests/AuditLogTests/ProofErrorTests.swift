import AuditLog
import Testing

/// The throwing checks say *why* a proof fails; auditors see these reasons.
@Suite("Proof verification errors")
struct ProofErrorTests {
    static func log() throws -> InMemoryMerkleStore { try Fixtures.store(Fixtures.entries(13)) }

    @Test func inclusionFailuresAreNamed() throws {
        let store = try Self.log()
        let root = try store.root()
        let leaf = MerkleHash.leaf(Fixtures.entries(13)[5])
        let proof = try store.inclusionProof(index: 5, size: 13)
        try MerkleVerifier.checkInclusion(leafHash: leaf, index: 5, size: 13, proof: proof, root: root)

        var error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkInclusion(leafHash: leaf, index: 5, size: 13, proof: Array(proof.dropLast()), root: root)
        }
        #expect(error?.code == .badProofLength)
        #expect(error?.reason == "the inclusion proof for leaf 5 in a tree of 13 leaves must have \(proof.count) hashes; it has \(proof.count - 1)")

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkInclusion(leafHash: leaf, index: 5, size: 13, proof: proof + [root], root: root)
        }
        #expect(error?.code == .badProofLength)

        var bent = proof
        bent[0][0] ^= 1
        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkInclusion(leafHash: leaf, index: 5, size: 13, proof: bent, root: root)
        }
        #expect(error?.code == .rootMismatch)

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkInclusion(leafHash: leaf, index: 13, size: 13, proof: proof, root: root)
        }
        #expect(error?.code == .outOfRange)

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkInclusion(leafHash: leaf, index: 5, size: 13, proof: [[1, 2]] + proof.dropFirst(), root: root)
        }
        #expect(error?.code == .badHashLength)
    }

    @Test func consistencyFailuresAreNamed() throws {
        let store = try Self.log()
        let old = try store.root(size: 6)
        let new = try store.root()
        let proof = try store.consistencyProof(from: 6, to: 13)
        try MerkleVerifier.checkConsistency(from: 6, to: 13, proof: proof, oldRoot: old, newRoot: new)

        var error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkConsistency(from: 6, to: 13, proof: Array(proof.dropFirst()), oldRoot: old, newRoot: new)
        }
        #expect(error?.code == .badProofLength)
        #expect(error?.reason == "the consistency proof from 6 to 13 leaves must have \(proof.count) hashes; it has \(proof.count - 1)")

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkConsistency(from: 6, to: 13, proof: proof, oldRoot: new, newRoot: new)
        }
        #expect(error?.code == .rootMismatch)
        #expect(error?.reason.contains("rebuilds the old root (6 leaves)") == true)

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkConsistency(from: 6, to: 13, proof: proof, oldRoot: old, newRoot: old)
        }
        #expect(error?.code == .rootMismatch)
        #expect(error?.reason.contains("rebuilds the new root (13 leaves)") == true)

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkConsistency(from: 13, to: 6, proof: proof, oldRoot: new, newRoot: old)
        }
        #expect(error?.code == .invalidSizes)

        error = #expect(throws: AuditLogError.self) {
            try MerkleVerifier.checkConsistency(from: 0, to: 13, proof: [], oldRoot: MerkleHash.emptyRoot, newRoot: new)
        }
        #expect(error?.code == .invalidSizes)
        try MerkleVerifier.checkConsistency(from: 0, to: 0, proof: [], oldRoot: MerkleHash.emptyRoot, newRoot: MerkleHash.emptyRoot)
    }
}
