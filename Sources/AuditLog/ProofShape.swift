/// How many hashes a well-formed proof has, from the sizes alone.
///
/// RFC 9162's verification loops already reject proofs of the wrong length, but only as a root
/// mismatch or a size check at the end; knowing the length first lets the error say what is wrong.
/// An inclusion path for leaf `index` splits where the paths to `index` and to the last leaf
/// diverge: below that point every level contributes a sibling ("inner"); above it only the levels
/// where the path turns right do ("border").
enum ProofShape {
    static func inclusionLength(index: UInt64, size: UInt64) -> Int {
        let inner = innerLength(index: index, size: size)
        return inner + (index >> UInt64(inner)).nonzeroBitCount
    }

    /// Needs `0 < from < to`. The consistency proof is the inclusion path of leaf `from - 1` from
    /// the level of the largest complete subtree that ends the old tree, plus that subtree's hash
    /// unless the whole old tree is that subtree (a power of two), whose root the verifier has.
    static func consistencyLength(from: UInt64, to: UInt64) -> Int {
        let index = from - 1
        let inner = innerLength(index: index, size: to)
        let border = (index >> UInt64(inner)).nonzeroBitCount
        let shift = from.trailingZeroBitCount
        let seed = from == 1 << UInt64(shift) ? 0 : 1
        return seed + (inner - shift) + border
    }

    private static func innerLength(index: UInt64, size: UInt64) -> Int {
        64 - (index ^ (size - 1)).leadingZeroBitCount
    }
}
