import AuditLog

/// A node reader that counts reads, to check proofs cost O(log n) lookups.
final class CountingReader<Base: MerkleNodeReader>: MerkleNodeReader {
    let base: Base
    private(set) var reads = 0
    init(_ base: Base) { self.base = base }
    func node(level: Int, index: UInt64) throws -> [UInt8] {
        reads += 1
        return try base.node(level: level, index: index)
    }
}
