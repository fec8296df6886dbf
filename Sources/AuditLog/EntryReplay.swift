/// Recomputes a log's root from its entries, streamed in order (a page at a time is fine), and
/// compares it with a signed checkpoint and, on the way, with the checkpoint trusted before.
///
/// The intermediate check matters: if the entries before the previously trusted size no longer
/// reproduce that checkpoint's root, the error says that *old* history was rewritten, which is a
/// stronger and more precise finding than "the root differs".
public struct EntryReplay: Sendable {
    public let checkpoint: Checkpoint
    public let previous: Checkpoint?
    private var accumulator = MerkleRootAccumulator()

    public init(checkpoint: Checkpoint, previous: Checkpoint? = nil) {
        self.checkpoint = checkpoint
        self.previous = previous
    }

    /// How many entries have been replayed.
    public var count: UInt64 { accumulator.size }

    /// Adds the next entry's data (leaf hash = SHA-256(0x00 || data)).
    public mutating func append(entryData: [UInt8]) throws(AuditLogError) {
        try append(leafHash: MerkleHash.leaf(entryData))
    }

    /// Adds an entry delivered with its index, which must be the next one: a gap means entries
    /// were withheld, a repeat or step back means they were reordered or duplicated.
    public mutating func append(entryData: [UInt8], index: UInt64) throws(AuditLogError) {
        guard index == count else {
            let problem = index > count
                ? "entries \(count)..<\(index) are missing"
                : "entry \(index) was delivered again or out of order"
            throw AuditLogError(.entryCountMismatch, "expected entry \(count) next but got entry \(index): \(problem)")
        }
        try append(entryData: entryData)
    }

    /// Adds the next entry by its leaf hash.
    public mutating func append(leafHash: [UInt8]) throws(AuditLogError) {
        try MerkleTree.requireHashLength(leafHash, "leaf hash \(count)")
        guard count < checkpoint.size else {
            throw AuditLogError(.entryCountMismatch, "more entries were supplied than the \(checkpoint.size) the checkpoint covers")
        }
        accumulator.append(leafHash: leafHash)
        if let previous, previous.size == count, previous.size <= checkpoint.size {
            let root = accumulator.root
            guard root == previous.rootHash else {
                throw AuditLogError(.historyRewritten, "the first \(count) entries recompute to root \(Hashes.describe(root)), but the checkpoint trusted before at that size has root \(Hashes.describe(previous.rootHash)): entries the log had already committed to were changed, removed, inserted or reordered")
            }
        }
    }

    /// Call after the last entry: checks that exactly the checkpoint's entries arrived and that
    /// they recompute its root. Returns the root.
    @discardableResult
    public func finish() throws(AuditLogError) -> [UInt8] {
        guard count == checkpoint.size else {
            throw AuditLogError(.entryCountMismatch, "the checkpoint covers \(checkpoint.size) entries but only \(count) were supplied: entries \(count)..<\(checkpoint.size) are missing")
        }
        let root = accumulator.root
        guard root == checkpoint.rootHash else {
            throw AuditLogError(.recomputedRootMismatch, "the root recomputed from all \(count) entries is \(Hashes.describe(root)), but the signed checkpoint says \(Hashes.describe(checkpoint.rootHash)): an entry was changed, removed, inserted or reordered")
        }
        return root
    }
}
