extension MerkleNode {
    /// Where the node with this `level` and `index` falls in the order the log creates its nodes:
    /// leaf 0, leaf 1, their parent, leaf 2, leaf 3, their parent, the parent of both, leaf 4, …
    /// (the post-order of the tree). Every number from 0 up is used exactly once.
    ///
    /// Why: a store keyed by this number writes every node of an append, and of the appends made
    /// together, next to the last one stored, on one page, instead of one page per level when keyed
    /// by (level, index). See Docs/benchmarks.md, "What limits intake now".
    ///
    /// The node completes when the log reaches `m = (index + 1) · 2^level` entries. Before that
    /// append the log of `m − 1` entries held `2(m − 1) − popcount(m − 1)` nodes, and the append
    /// stores its leaf and then one node per level up to this one.
    ///
    /// Nil for a node that no log of fewer than 2^62 entries has (a negative level, or one so high
    /// that the number would not fit in a signed 64-bit database key).
    public static func appendOrderPosition(level: Int, index: UInt64) -> Int64? {
        guard level >= 0, level <= 62, index < (1 << (62 - UInt64(level))) else { return nil }
        let before = ((index + 1) << UInt64(level)) - 1
        return Int64(2 * before - UInt64(before.nonzeroBitCount) + UInt64(level))
    }
}
