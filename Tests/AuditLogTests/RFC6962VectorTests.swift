import AuditLog
import Testing

/// transparency-dev/merkle's JSON vectors (../shared/vectors/rfc6962/testdata): every happy path
/// verifies, every mutation is rejected, and our generated proofs equal the happy-path proofs.
@Suite("RFC 6962 / 9162 vectors")
struct RFC6962VectorTests {
    static let inclusionFiles = SharedVectors.jsonFiles(under: "rfc6962/testdata/inclusion")
    static let consistencyFiles = SharedVectors.jsonFiles(under: "rfc6962/testdata/consistency")

    @Test func vectorsArePresent() {
        // Guards the loops below against passing vacuously when the folder moves.
        #expect(Self.inclusionFiles.count == 98)
        #expect(Self.consistencyFiles.count == 98)
    }

    @Test func inclusionVectors() throws {
        var accepted = 0
        for file in Self.inclusionFiles {
            let v = try SharedVectors.decode(InclusionVector.self, file)
            let ok = MerkleVerifier.verifyInclusion(
                leafHash: v.leafHash.bytes, index: v.leafIdx, size: v.treeSize,
                proof: (v.proof ?? []).map(\.bytes), root: v.root.bytes)
            #expect(ok == !v.wantErr, "\(file): \(v.desc)")
            if ok { accepted += 1 }
        }
        #expect(accepted == 6)
    }

    @Test func consistencyVectors() throws {
        var accepted = 0
        for file in Self.consistencyFiles {
            let v = try SharedVectors.decode(ConsistencyVector.self, file)
            let ok = MerkleVerifier.verifyConsistency(
                from: v.size1, to: v.size2, proof: (v.proof ?? []).map(\.bytes),
                oldRoot: v.root1.bytes, newRoot: v.root2.bytes)
            #expect(ok == !v.wantErr, "\(file): \(v.desc)")
            if ok { accepted += 1 }
        }
        #expect(accepted == 6)
    }

    /// The happy paths are proofs over the eight standard leaves: the stored-node tree must
    /// produce exactly those bytes.
    @Test func generatedProofsEqualHappyPaths() throws {
        let store = try Fixtures.store(Fixtures.standardLeaves)
        for file in Self.inclusionFiles where file.hasSuffix("happy-path.json") {
            let v = try SharedVectors.decode(InclusionVector.self, file)
            #expect(try store.root(size: v.treeSize) == v.root.bytes, "\(file)")
            #expect(try store.inclusionProof(index: v.leafIdx, size: v.treeSize) == (v.proof ?? []).map(\.bytes), "\(file)")
            #expect(MerkleHash.leaf(Fixtures.standardLeaves[Int(v.leafIdx)]) == v.leafHash.bytes, "\(file)")
        }
        for file in Self.consistencyFiles where file.hasSuffix("happy-path.json") {
            let v = try SharedVectors.decode(ConsistencyVector.self, file)
            #expect(try store.consistencyProof(from: v.size1, to: v.size2) == (v.proof ?? []).map(\.bytes), "\(file)")
            #expect(try store.root(size: v.size1) == v.root1.bytes, "\(file)")
            #expect(try store.root(size: v.size2) == v.root2.bytes, "\(file)")
        }
    }

    @Test func knownRoots() throws {
        let store = try Fixtures.store(Fixtures.standardLeaves)
        #expect(try store.root() == Fixtures.hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"))
        #expect(MerkleHash.emptyRoot == Fixtures.hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        #expect(try InMemoryMerkleStore().root() == MerkleHash.emptyRoot)
        #expect(MerkleVerifier.root(ofLeafHashes: Fixtures.standardLeaves.map(MerkleHash.leaf)) == (try store.root()))
        #expect(MerkleHash.leafPrefix == 0x00)
        #expect(MerkleHash.nodePrefix == 0x01)
    }
}
