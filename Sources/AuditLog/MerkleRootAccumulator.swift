/// Computes a tree root from leaf hashes streamed in order, keeping one hash per set bit of the
/// count (at most 64), so an auditor can recompute the root of millions of entries page by page.
///
/// This is the "compact range" of the tree's left edge: the complete subtrees, largest first, that
/// `MerkleTree` also reads from storage, only held in memory.
public struct MerkleRootAccumulator: Sendable {
    /// The complete subtrees covering all leaves so far, largest (leftmost) first.
    private var subtrees: [[UInt8]] = []
    /// How many leaves have been added.
    public private(set) var size: UInt64 = 0

    public init() {}

    public mutating func append(leafData: [UInt8]) {
        append(leafHash: MerkleHash.leaf(leafData))
    }

    public mutating func append(leafHash: [UInt8]) {
        var hash = leafHash
        // Each trailing 1 bit of the old size is a complete subtree that the new leaf's subtree
        // now pairs with, exactly like carrying in binary addition.
        var carry = size
        while carry & 1 == 1 {
            hash = MerkleHash.node(subtrees.removeLast(), hash)
            carry >>= 1
        }
        subtrees.append(hash)
        size += 1
    }

    /// The root of the leaves so far (the empty root when there are none).
    public var root: [UInt8] {
        guard var hash = subtrees.last else { return MerkleHash.emptyRoot }
        for left in subtrees.dropLast().reversed() {
            hash = MerkleHash.node(left, hash)
        }
        return hash
    }
}
