/// Proof generation from stored nodes, following RFC 9162's recursive definitions exactly but
/// iterating over leaf ranges, so every hash is read from storage instead of recomputed.
extension MerkleTree {
    /// The inclusion proof of leaf `index` in the tree of the first `size` leaves
    /// (RFC 9162 §2.1.3.1, `PATH(m, D[n])`), lowest sibling first.
    public static func inclusionProof(index: UInt64, size: UInt64, reader: some MerkleNodeReader) throws -> [[UInt8]] {
        guard index < size else {
            throw AuditLogError(.outOfRange, "no inclusion proof for leaf \(index) in a tree of \(size) leaves")
        }
        // Walk down from the whole tree to the leaf, collecting each sibling subtree's hash; the
        // RFC lists them leaf-upwards, so reverse at the end.
        var siblings: [[UInt8]] = []
        var begin: UInt64 = 0
        var end = size
        while end - begin > 1 {
            let k = splitPoint(end - begin)
            if index - begin < k {
                siblings.append(try subtreeHash(from: begin + k, to: end, reader: reader))
                end = begin + k
            } else {
                siblings.append(try subtreeHash(from: begin, to: begin + k, reader: reader))
                begin += k
            }
        }
        return siblings.reversed()
    }

    /// The consistency proof between the trees of the first `from` and the first `to` leaves
    /// (RFC 9162 §2.1.4.1, `PROOF(m, D[n])`). Empty when `from` is 0 or equals `to`: those pairs
    /// need no proof (and a proof from the empty tree would prove nothing).
    public static func consistencyProof(from: UInt64, to: UInt64, reader: some MerkleNodeReader) throws -> [[UInt8]] {
        guard from <= to else {
            throw AuditLogError(.outOfRange, "no consistency proof from \(from) leaves back to \(to)")
        }
        if from == 0 || from == to { return [] }
        // SUBPROOF(m, D[begin:end], b), unrolled: `m` counts the old tree's leaves inside the
        // current range, and `b` is true while the range's left edge is the old tree's left edge.
        var hashes: [[UInt8]] = []
        var begin: UInt64 = 0
        var end = to
        var m = from
        var startsAtOldRoot = true
        while m != end - begin {
            let k = splitPoint(end - begin)
            if m <= k {
                hashes.append(try subtreeHash(from: begin + k, to: end, reader: reader))
                end = begin + k
            } else {
                hashes.append(try subtreeHash(from: begin, to: begin + k, reader: reader))
                m -= k
                begin += k
                startsAtOldRoot = false
            }
        }
        if !startsAtOldRoot {
            hashes.append(try subtreeHash(from: begin, to: end, reader: reader))
        }
        return hashes.reversed()
    }
}
