/// The one rule shared by the daemon (before signing) and the auditor (after fetching): a newer
/// tree head must extend an older one. Kept in one place so both sides judge identically.
enum TreeHeadComparison {
    /// Throws unless `new` extends `old`: not smaller, the same root at the same size, otherwise a
    /// valid RFC 9162 consistency proof. `context` starts each message ("refusing to sign", ...).
    static func requireExtension(from old: Checkpoint, to new: Checkpoint, proof: [[UInt8]], context: String) throws(AuditLogError) {
        let oldRoot = Hashes.describe(old.rootHash)
        let newRoot = Hashes.describe(new.rootHash)
        guard new.size >= old.size else {
            throw AuditLogError(.rollback, "\(context): the log shrank from \(old.size) entries (root \(oldRoot)) to \(new.size) (root \(newRoot)); entries were removed")
        }
        if new.size == old.size {
            guard new.rootHash == old.rootHash else {
                throw AuditLogError(.fork, "\(context): two different roots for the same \(new.size) entries (\(oldRoot) before, \(newRoot) now); the log's history was rewritten")
            }
            return
        }
        if old.size == 0 {
            // Every tree extends the empty tree; only its root needs checking.
            guard old.rootHash == MerkleHash.emptyRoot else {
                throw AuditLogError(.fork, "\(context): the earlier checkpoint has 0 entries but a root (\(oldRoot)) other than the empty tree's")
            }
            return
        }
        do {
            try MerkleVerifier.checkConsistency(from: old.size, to: new.size, proof: proof, oldRoot: old.rootHash, newRoot: new.rootHash)
        } catch {
            throw AuditLogError(.inconsistent, "\(context): the log at \(new.size) entries (root \(newRoot)) is not proven to extend the log at \(old.size) entries (root \(oldRoot)): \(error.reason)")
        }
    }
}
