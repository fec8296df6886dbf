/// One stored hash: the complete subtree at `level` covering leaves
/// `[index << level, (index + 1) << level)`. Level 0 is a leaf hash.
public struct MerkleNode: Sendable, Equatable, Hashable {
    public let level: Int
    public let index: UInt64
    public let hash: [UInt8]

    public init(level: Int, index: UInt64, hash: [UInt8]) {
        self.level = level
        self.index = index
        self.hash = hash
    }

    /// The first leaf this subtree covers.
    public var firstLeaf: UInt64 { index << UInt64(level) }

    /// How many leaves this subtree covers.
    public var leafCount: UInt64 { 1 << UInt64(level) }
}
