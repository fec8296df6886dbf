import AuditLog
import Testing

/// `MerkleNode.appendOrderPosition`, the key under which the SQLite store keeps each node.
@Suite("Merkle node append order")
struct AppendOrderTests {
    @Test("the nodes of each append take the next free positions, with no gap and no repeat, for 5,000 appends")
    func appendsFillPositionsInOrder() throws {
        let reader = SyntheticReader(size: 1 << 20)
        var next: Int64 = 0
        for index in UInt64(0)..<5000 {
            let nodes = try MerkleTree.nodesToStore(appendingLeafHash: MerkleHash.leaf(Array("\(index)".utf8)), at: index, reader: reader)
            for node in nodes {
                #expect(MerkleNode.appendOrderPosition(level: node.level, index: node.index) == next,
                        "level \(node.level), index \(node.index), appended as leaf \(index)")
                next += 1
            }
            // A log of n entries holds 2n − popcount(n) nodes.
            let size = index + 1
            #expect(next == Int64(2 * size) - Int64(size.nonzeroBitCount))
        }
    }

    @Test("the first positions by hand: leaf 0, leaf 1, parent, leaf 2, leaf 3, parent, grandparent, leaf 4")
    func firstPositions() {
        let order: [(level: Int, index: UInt64)] = [(0, 0), (0, 1), (1, 0), (0, 2), (0, 3), (1, 1), (2, 0), (0, 4)]
        #expect(order.map { MerkleNode.appendOrderPosition(level: $0.level, index: $0.index) } == Array(0..<8).map { Int64?($0) })
    }

    @Test("nodes no log of fewer than 2^62 entries has get no position")
    func outOfRange() {
        #expect(MerkleNode.appendOrderPosition(level: -1, index: 0) == nil)
        #expect(MerkleNode.appendOrderPosition(level: 63, index: 0) == nil)
        #expect(MerkleNode.appendOrderPosition(level: 0, index: 1 << 62) == nil)
        #expect(MerkleNode.appendOrderPosition(level: 62, index: 0) != nil)
        let last = MerkleNode.appendOrderPosition(level: 0, index: (1 << 62) - 1)
        #expect(last != nil && last! > 0)
    }
}
