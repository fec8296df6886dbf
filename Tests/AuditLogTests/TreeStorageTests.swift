import AuditLog
import Testing

/// Structural costs, counted rather than timed: appends write O(1) nodes amortised, roots and
/// proofs read O(log n) nodes, and only complete subtrees are ever asked for.
@Suite("Tree storage costs")
struct TreeStorageTests {
    @Test func appendingWritesLinearlyManyNodes() throws {
        let store = InMemoryMerkleStore()
        var maxPerAppend = 0
        for i in 0..<4_096 {
            let before = store.nodesWritten
            try store.append(leafData: [UInt8(i & 0xFF), UInt8(i >> 8)])
            let written = store.nodesWritten - before
            maxPerAppend = max(maxPerAppend, written)
            // Leaf i completes one subtree per trailing 1 bit of i.
            #expect(written == 1 + (~UInt64(i)).trailingZeroBitCount, "append \(i)")
        }
        // Exactly 2n - popcount(n) nodes for n leaves: fewer than two per append.
        #expect(store.nodesWritten == 2 * 4_096 - 1)
        #expect(maxPerAppend == 13)  // 1 + log2(4096): only at the append that completes the tree
    }

    @Test func nodesToStoreNamesTheCompletedSubtrees() throws {
        let store = try Fixtures.store(Array(Fixtures.standardLeaves.prefix(7)))
        let leaf = MerkleHash.leaf(Fixtures.standardLeaves[7])
        let nodes = try MerkleTree.nodesToStore(appendingLeafHash: leaf, at: 7, reader: store)
        #expect(nodes.map(\.level) == [0, 1, 2, 3])
        #expect(nodes.map(\.index) == [7, 3, 1, 0])
        #expect(nodes.first?.hash == leaf)
        #expect(nodes.last?.hash == Fixtures.hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"))
        #expect(throws: AuditLogError.self) {
            try MerkleTree.nodesToStore(appendingLeafHash: [1, 2, 3], at: 7, reader: store)
        }
    }

    /// A tree of 2^40 + ... leaves, never built: the synthetic reader answers only complete
    /// subtrees, so any request outside them throws, and it counts every read.
    @Test(arguments: [1, 2, 3, 1_000, 1 << 20, (1 << 40) + 12_345, UInt64.max >> 1] as [UInt64])
    func rootsAndProofsReadLogarithmicallyManyNodes(size: UInt64) throws {
        let bits = 64 - size.leadingZeroBitCount
        let rootReader = SyntheticReader(size: size)
        _ = try MerkleTree.root(size: size, reader: rootReader)
        #expect(rootReader.reads == size.nonzeroBitCount)

        for index in Set([0, size / 3, size / 2, size - 1]) {
            let reader = SyntheticReader(size: size)
            let proof = try MerkleTree.inclusionProof(index: index, size: size, reader: reader)
            #expect(proof.count <= bits)
            #expect(reader.reads <= 2 * bits, "inclusion \(index) of \(size): \(reader.reads) reads")
        }
        for from in Set([1, size / 3, size / 2, size - 1]) where from > 0 && from < size {
            let reader = SyntheticReader(size: size)
            let proof = try MerkleTree.consistencyProof(from: from, to: size, reader: reader)
            #expect(proof.count <= 2 * bits)
            #expect(reader.reads <= 3 * bits, "consistency \(from) → \(size): \(reader.reads) reads")
        }
    }

    @Test func requestsBeyondTheStoreFail() throws {
        let store = try Fixtures.store(Fixtures.standardLeaves)
        #expect(throws: AuditLogError.self) { try store.root(size: 9) }
        #expect(throws: AuditLogError.self) { try store.inclusionProof(index: 8, size: 8) }
        #expect(throws: AuditLogError.self) { try store.consistencyProof(from: 5, to: 4) }
        #expect(throws: AuditLogError.self) { try store.consistencyProof(from: 5, to: 12) }
        let error = #expect(throws: AuditLogError.self) { try store.leafData(at: 8) }
        #expect(error?.code == .outOfRange)
        #expect(try store.leafData(at: 3) == Fixtures.standardLeaves[3])
    }

    @Test func countingReaderSeesTheSameAsSynthetic() throws {
        let store = try Fixtures.store(Fixtures.entries(1_000))
        let reader = CountingReader(store)
        _ = try MerkleTree.inclusionProof(index: 517, size: 1_000, reader: reader)
        #expect(reader.reads <= 20)
    }
}
