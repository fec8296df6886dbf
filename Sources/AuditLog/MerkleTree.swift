/// The RFC 9162 §2.1 Merkle tree over a log stored as complete-subtree hashes.
///
/// Storage holds each leaf hash and, once a subtree of 2^k leaves is complete, its hash: appending a
/// leaf writes the leaf plus one node per subtree it completes (two nodes per append on average),
/// and never rewrites a node. A tree of any size is a left-to-right sequence of at most 64 complete
/// subtrees (one per set bit of the size), so a root needs at most 64 reads and a proof O(log n).
///
/// These functions are pure: the caller writes what `nodesToStore` returns in the same transaction
/// as the event the leaf records, and reads through `MerkleNodeReader`.
public enum MerkleTree {
    /// The nodes to store when appending the leaf number `index` (the tree's size before the
    /// append): its leaf hash, then the hash of every complete subtree that this leaf completes,
    /// lowest level first.
    public static func nodesToStore(
        appendingLeafHash leafHash: [UInt8], at index: UInt64, reader: some MerkleNodeReader
    ) throws -> [MerkleNode] {
        try requireHashLength(leafHash, "leaf hash")
        var nodes = [MerkleNode(level: 0, index: index, hash: leafHash)]
        var level = 0
        var position = index
        var hash = leafHash
        // A node with an odd index is a right child: its left sibling is already stored, so the
        // parent is complete. Climb while that holds.
        while position & 1 == 1 {
            let left = try reader.node(level: level, index: position - 1)
            hash = MerkleHash.node(left, hash)
            level += 1
            position >>= 1
            nodes.append(MerkleNode(level: level, index: position, hash: hash))
        }
        return nodes
    }

    /// The root of the tree made of the first `size` leaves (RFC 9162 §2.1.1 MTH).
    public static func root(size: UInt64, reader: some MerkleNodeReader) throws -> [UInt8] {
        if size == 0 { return MerkleHash.emptyRoot }
        return try subtreeHash(from: 0, to: size, reader: reader)
    }

    /// MTH of leaves `[begin, end)`, where `begin` is a multiple of a power of two at least
    /// `end - begin`. Every range that RFC 9162's recursive definitions visit has that shape, so the
    /// range splits into complete, aligned subtrees (one per set bit of its length, largest first),
    /// and MTH folds them from the right.
    static func subtreeHash(from begin: UInt64, to end: UInt64, reader: some MerkleNodeReader) throws -> [UInt8] {
        precondition(begin < end, "empty range")
        var perfect: [[UInt8]] = []
        var position = begin
        let length = end - begin
        for level in stride(from: 63, through: 0, by: -1) where (length >> UInt64(level)) & 1 == 1 {
            perfect.append(try reader.node(level: level, index: position >> UInt64(level)))
            position += 1 << UInt64(level)
        }
        var hash = perfect.removeLast()
        while let left = perfect.popLast() {
            hash = MerkleHash.node(left, hash)
        }
        return hash
    }

    /// The largest power of two strictly below `n` (RFC 9162's split point `k`); `n` must be ≥ 2.
    static func splitPoint(_ n: UInt64) -> UInt64 {
        precondition(n >= 2)
        return 1 << UInt64(63 - (n - 1).leadingZeroBitCount)
    }

    static func requireHashLength(_ hash: [UInt8], _ what: String) throws(AuditLogError) {
        guard hash.count == MerkleHash.byteCount else {
            throw AuditLogError(.badHashLength, "\(what) has \(hash.count) bytes; SHA-256 hashes have \(MerkleHash.byteCount)")
        }
    }
}
