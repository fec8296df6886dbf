import AuditLog
import Testing

/// The stored-node tree against the naive recursive definition, over random data and sizes.
@Suite("Stored tree agrees with the RFC 9162 reference")
struct ReferenceOracleTests {
    static let maxSize = 3_000

    /// A random log (the same for every test; the sizes tested are prefixes of it).
    static func makeLog() -> (store: InMemoryMerkleStore, leafHashes: [[UInt8]]) {
        var rng = SeededGenerator(seed: 0x5AFE_1A7A)
        let store = InMemoryMerkleStore()
        var hashes: [[UInt8]] = []
        for _ in 0..<maxSize {
            let data = (0..<Int.random(in: 0...48, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            hashes.append(ReferenceTree.leafHash(data))
            try! store.append(leafData: data)
        }
        return (store, hashes)
    }

    /// Every size up to 70, the powers of two and their neighbours, and random sizes.
    static let sizes: [Int] = {
        var rng = SeededGenerator(seed: 42)
        var sizes = Array(1...70)
        for shift in 6...11 { sizes += [(1 << shift) - 1, 1 << shift, (1 << shift) + 1] }
        sizes += (0..<25).map { _ in Int.random(in: 71...maxSize, using: &rng) }
        sizes.append(maxSize)
        return sizes
    }()

    @Test func rootsMatch() throws {
        let (store, hashes) = Self.makeLog()
        #expect(try store.root(size: 0) == ReferenceTree.root([]))
        for n in Self.sizes {
            #expect(try store.root(size: UInt64(n)) == ReferenceTree.root(hashes[..<n]), "size \(n)")
        }
    }

    @Test func streamingRootMatchesAtEverySize() {
        let hashes = Self.makeLog().leafHashes
        var accumulator = MerkleRootAccumulator()
        #expect(accumulator.root == ReferenceTree.root([]))
        for n in 1...300 {
            accumulator.append(leafHash: hashes[n - 1])
            #expect(accumulator.root == ReferenceTree.root(hashes[..<n]), "size \(n)")
        }
    }

    @Test func inclusionProofsMatchAndVerify() throws {
        let (store, hashes) = Self.makeLog()
        var rng = SeededGenerator(seed: 7)
        for n in Self.sizes {
            let root = ReferenceTree.root(hashes[..<n])
            let indices = Set([0, n - 1] + (0..<4).map { _ in Int.random(in: 0..<n, using: &rng) })
            for m in indices {
                let proof = try store.inclusionProof(index: UInt64(m), size: UInt64(n))
                #expect(proof == ReferenceTree.path(m, hashes[..<n]), "leaf \(m) of \(n)")
                #expect(MerkleVerifier.verifyInclusion(leafHash: hashes[m], index: UInt64(m), size: UInt64(n), proof: proof, root: root))
                // And the verifier notices a wrong leaf or a wrong index. (A wrong size can go
                // unnoticed when both sizes give the path the same shape: leaf 1 of 3 and of 4.)
                let otherLeaf = ReferenceTree.leafHash(Array("not logged \(m)".utf8))
                #expect(!MerkleVerifier.verifyInclusion(leafHash: otherLeaf, index: UInt64(m), size: UInt64(n), proof: proof, root: root))
                if m ^ 1 < n {
                    #expect(!MerkleVerifier.verifyInclusion(leafHash: hashes[m], index: UInt64(m ^ 1), size: UInt64(n), proof: proof, root: root))
                }
                if !proof.isEmpty {
                    var bent = proof
                    bent[bent.count / 2][0] ^= 1
                    #expect(!MerkleVerifier.verifyInclusion(leafHash: hashes[m], index: UInt64(m), size: UInt64(n), proof: bent, root: root))
                }
            }
        }
    }

    @Test func consistencyProofsMatchAndVerify() throws {
        let (store, hashes) = Self.makeLog()
        var rng = SeededGenerator(seed: 9)
        for n in Self.sizes where n > 1 {
            let newRoot = ReferenceTree.root(hashes[..<n])
            let froms = Set([1, n - 1] + (0..<4).map { _ in Int.random(in: 1..<n, using: &rng) })
            for m in froms {
                let oldRoot = ReferenceTree.root(hashes[..<m])
                let proof = try store.consistencyProof(from: UInt64(m), to: UInt64(n))
                #expect(proof == ReferenceTree.proof(m, hashes[..<n]), "\(m) → \(n)")
                #expect(MerkleVerifier.verifyConsistency(from: UInt64(m), to: UInt64(n), proof: proof, oldRoot: oldRoot, newRoot: newRoot), "\(m) → \(n)")
                var bent = proof
                bent[bent.count - 1][31] ^= 0x80
                #expect(!MerkleVerifier.verifyConsistency(from: UInt64(m), to: UInt64(n), proof: bent, oldRoot: oldRoot, newRoot: newRoot))
                #expect(!MerkleVerifier.verifyConsistency(from: UInt64(m), to: UInt64(n), proof: proof, oldRoot: newRoot, newRoot: oldRoot))
            }
        }
    }

    @Test func trivialProofs() throws {
        let store = Self.makeLog().store
        #expect(try store.consistencyProof(from: 0, to: 10) == [])
        #expect(try store.consistencyProof(from: 10, to: 10) == [])
        #expect(try store.inclusionProof(index: 0, size: 1) == [])
    }
}
