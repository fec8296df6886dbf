import Sodium

/// Client-side checks of RFC 9162 proofs (§2.1.3.2 inclusion, §2.1.4.2 consistency), exactly as
/// the RFC writes the algorithms, plus up-front length checks so a bad proof is reported as "wrong
/// length" rather than as a mysterious root mismatch.
///
/// The `check…` functions throw an `AuditLogError` saying what failed; the `verify…` functions are
/// the same checks as a `Bool`.
public enum MerkleVerifier {
    public static func verifyInclusion(
        leafHash: [UInt8], index: UInt64, size: UInt64, proof: [[UInt8]], root: [UInt8]
    ) -> Bool {
        (try? checkInclusion(leafHash: leafHash, index: index, size: size, proof: proof, root: root)) != nil
    }

    public static func verifyConsistency(
        from: UInt64, to: UInt64, proof: [[UInt8]], oldRoot: [UInt8], newRoot: [UInt8]
    ) -> Bool {
        (try? checkConsistency(from: from, to: to, proof: proof, oldRoot: oldRoot, newRoot: newRoot)) != nil
    }

    /// RFC 9162 §2.1.3.2: does `proof` show that `leafHash` is leaf `index` of the tree of `size`
    /// leaves whose root is `root`?
    public static func checkInclusion(
        leafHash: [UInt8], index: UInt64, size: UInt64, proof: [[UInt8]], root: [UInt8]
    ) throws(AuditLogError) {
        guard index < size else {
            throw AuditLogError(.outOfRange, "leaf index \(index) is not inside a tree of \(size) leaves")
        }
        try MerkleTree.requireHashLength(leafHash, "the leaf hash")
        try MerkleTree.requireHashLength(root, "the root")
        try requireProofHashes(proof)
        let expected = ProofShape.inclusionLength(index: index, size: size)
        guard proof.count == expected else {
            throw AuditLogError(.badProofLength, "the inclusion proof for leaf \(index) in a tree of \(size) leaves must have \(expected) hashes; it has \(proof.count)")
        }

        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else {
                throw AuditLogError(.badProofLength, "the inclusion proof has more hashes than the tree has levels")
            }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else {
            throw AuditLogError(.badProofLength, "the inclusion proof stops before reaching the root")
        }
        guard ConstantTime.equals(r, root) else {
            throw AuditLogError(.rootMismatch, "the inclusion proof for leaf \(index) leads to root \(Hashes.describe(r)), not the expected \(Hashes.describe(root))")
        }
    }

    /// RFC 9162 §2.1.4.2: does `proof` show that the tree of `to` leaves with root `newRoot` extends
    /// the tree of `from` leaves with root `oldRoot`?
    ///
    /// Equal sizes need an empty proof and equal roots. A proof from size 0 is refused: any tree
    /// "extends" the empty one, so it would prove nothing (the transparency-dev vectors reject it);
    /// only 0 → 0 with both roots equal to the empty root and no proof holds.
    public static func checkConsistency(
        from: UInt64, to: UInt64, proof: [[UInt8]], oldRoot: [UInt8], newRoot: [UInt8]
    ) throws(AuditLogError) {
        guard from <= to else {
            throw AuditLogError(.invalidSizes, "the old tree (\(from) leaves) is larger than the new one (\(to) leaves)")
        }
        if from == 0 {
            guard to == 0 else {
                throw AuditLogError(.invalidSizes, "a consistency proof from the empty tree proves nothing; sizes must be above 0")
            }
            guard proof.isEmpty else {
                throw AuditLogError(.badProofLength, "two empty trees need an empty proof; it has \(proof.count) hashes")
            }
            guard oldRoot == MerkleHash.emptyRoot, newRoot == MerkleHash.emptyRoot else {
                throw AuditLogError(.rootMismatch, "an empty tree's root must be SHA-256(\"\") = \(Hashes.describe(MerkleHash.emptyRoot))")
            }
            return
        }
        if from == to {
            guard proof.isEmpty else {
                throw AuditLogError(.badProofLength, "trees of equal size (\(to) leaves) need an empty proof; it has \(proof.count) hashes")
            }
            guard ConstantTime.equals(oldRoot, newRoot) else {
                throw AuditLogError(.rootMismatch, "two trees of \(to) leaves have different roots \(Hashes.describe(oldRoot)) and \(Hashes.describe(newRoot))")
            }
            return
        }
        guard !proof.isEmpty else {
            throw AuditLogError(.badProofLength, "the consistency proof from \(from) to \(to) leaves is empty")
        }
        try MerkleTree.requireHashLength(oldRoot, "the old root")
        try MerkleTree.requireHashLength(newRoot, "the new root")
        try requireProofHashes(proof)
        let expected = ProofShape.consistencyLength(from: from, to: to)
        guard proof.count == expected else {
            throw AuditLogError(.badProofLength, "the consistency proof from \(from) to \(to) leaves must have \(expected) hashes; it has \(proof.count)")
        }

        var path = proof
        if from & (from - 1) == 0 { path.insert(oldRoot, at: 0) }
        var fn = from - 1
        var sn = to - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else {
                throw AuditLogError(.badProofLength, "the consistency proof has more hashes than the tree has levels")
            }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else {
            throw AuditLogError(.badProofLength, "the consistency proof stops before reaching the new root")
        }
        guard ConstantTime.equals(fr, oldRoot) else {
            throw AuditLogError(.rootMismatch, "the consistency proof rebuilds the old root (\(from) leaves) as \(Hashes.describe(fr)), not \(Hashes.describe(oldRoot))")
        }
        guard ConstantTime.equals(sr, newRoot) else {
            throw AuditLogError(.rootMismatch, "the consistency proof rebuilds the new root (\(to) leaves) as \(Hashes.describe(sr)), not \(Hashes.describe(newRoot))")
        }
    }

    /// The root of the tree with these leaf hashes, in order, in one pass and O(log n) memory.
    public static func root(ofLeafHashes leafHashes: some Sequence<[UInt8]>) -> [UInt8] {
        var accumulator = MerkleRootAccumulator()
        for hash in leafHashes { accumulator.append(leafHash: hash) }
        return accumulator.root
    }

    private static func requireProofHashes(_ proof: [[UInt8]]) throws(AuditLogError) {
        for (i, hash) in proof.enumerated() where hash.count != MerkleHash.byteCount {
            throw AuditLogError(.badHashLength, "proof hash \(i) has \(hash.count) bytes; SHA-256 hashes have \(MerkleHash.byteCount)")
        }
    }
}
