/// Read access to the stored hashes of complete subtrees, as the tree algorithms need them.
///
/// The node at `level` and `index` is the hash of the complete subtree covering leaves
/// `[index << level, (index + 1) << level)`; level 0 holds the leaf hashes. Only complete subtrees
/// are ever requested, so stored nodes never change once written: that is what makes the log
/// append-only in storage, not just in the maths.
///
/// Implementations throw when a node is not stored (the store has fewer leaves than asked for, or
/// was damaged); any error is passed through to the caller unchanged.
public protocol MerkleNodeReader {
    func node(level: Int, index: UInt64) throws -> [UInt8]
}
