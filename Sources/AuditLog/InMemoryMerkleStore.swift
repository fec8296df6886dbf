/// A log kept in memory: leaf data plus complete-subtree hashes, laid out exactly as durable storage
/// would keep them. For tests, benchmarks and the CLI's from-scratch recomputation; the daemon keeps
/// the same nodes in its database.
public final class InMemoryMerkleStore: MerkleNodeReader {
    /// `levels[level]` holds that level's hashes back to back, 32 bytes each, in index order: one
    /// buffer per level rather than one array per node keeps millions of nodes affordable.
    private var levels: [[UInt8]] = []
    private var entries: [[UInt8]] = []
    /// How many nodes appends have written in total; never decreases. Lets tests check that
    /// appending stays O(1) amortised.
    public private(set) var nodesWritten = 0

    public init() {}

    /// The number of leaves.
    public var size: UInt64 { UInt64(entries.count) }

    /// Appends one entry and returns its leaf index.
    @discardableResult
    public func append(leafData: [UInt8]) throws -> UInt64 {
        let index = size
        let nodes = try MerkleTree.nodesToStore(appendingLeafHash: MerkleHash.leaf(leafData), at: index, reader: self)
        for node in nodes { store(node) }
        entries.append(leafData)
        return index
    }

    /// The data of entry `index`.
    public func leafData(at index: UInt64) throws(AuditLogError) -> [UInt8] {
        guard index < size else {
            throw AuditLogError(.outOfRange, "entry \(index) does not exist in a log of \(size) entries")
        }
        return entries[Int(index)]
    }

    public func node(level: Int, index: UInt64) throws -> [UInt8] {
        let width = UInt64(MerkleHash.byteCount)
        guard level >= 0, level < levels.count, index < UInt64(levels[level].count) / width else {
            throw AuditLogError(.missingNode, "no stored node at level \(level), index \(index) (log has \(size) entries)")
        }
        let start = Int(index * width)
        return Array(levels[level][start..<(start + MerkleHash.byteCount)])
    }

    public func root() throws -> [UInt8] {
        try MerkleTree.root(size: size, reader: self)
    }

    public func root(size: UInt64) throws -> [UInt8] {
        try MerkleTree.root(size: size, reader: self)
    }

    public func inclusionProof(index: UInt64, size: UInt64) throws -> [[UInt8]] {
        try MerkleTree.inclusionProof(index: index, size: size, reader: self)
    }

    public func consistencyProof(from: UInt64, to: UInt64) throws -> [[UInt8]] {
        try MerkleTree.consistencyProof(from: from, to: to, reader: self)
    }

    private func store(_ node: MerkleNode) {
        while levels.count <= node.level { levels.append([]) }
        // Appends only ever complete nodes left to right, so each level grows at its end.
        precondition(levels[node.level].count == Int(node.index) * MerkleHash.byteCount, "nodes must be stored in order")
        levels[node.level].append(contentsOf: node.hash)
        nodesWritten += 1
    }
}
