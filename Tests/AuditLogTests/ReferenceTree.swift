import Sodium

/// The RFC 9162 §2.1 definitions transcribed literally (recursive, over all leaf hashes, no
/// storage): the oracle the stored-node tree must agree with. Hashes are spelled out here rather
/// than taken from `MerkleHash`, so a mistake there cannot hide in both.
enum ReferenceTree {
    static func leafHash(_ data: [UInt8]) -> [UInt8] { SHA256.hash([0x00] + data) }
    static func nodeHash(_ l: [UInt8], _ r: [UInt8]) -> [UInt8] { SHA256.hash([0x01] + l + r) }

    /// The largest power of two smaller than n (n > 1).
    static func k(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// MTH(D[n]).
    static func root(_ d: ArraySlice<[UInt8]>) -> [UInt8] {
        switch d.count {
        case 0: return SHA256.hash([])
        case 1: return d.first!
        default:
            let k = k(d.count)
            return nodeHash(root(d.prefix(k)), root(d.dropFirst(k)))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [[UInt8]] {
        if d.count <= 1 { return [] }
        let k = k(d.count)
        if m < k { return path(m, d.prefix(k)) + [root(d.dropFirst(k))] }
        return path(m - k, d.dropFirst(k)) + [root(d.prefix(k))]
    }

    /// PROOF(m, D[n]) for 0 < m < n.
    static func proof(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [[UInt8]] {
        subproof(m, d, true)
    }

    private static func subproof(_ m: Int, _ d: ArraySlice<[UInt8]>, _ b: Bool) -> [[UInt8]] {
        if m == d.count { return b ? [] : [root(d)] }
        let k = k(d.count)
        if m <= k { return subproof(m, d.prefix(k), b) + [root(d.dropFirst(k))] }
        return subproof(m - k, d.dropFirst(k), false) + [root(d.prefix(k))]
    }
}
