/// An auditor's verification of the log, with nothing but the log's public key, its signed
/// checkpoint, the checkpoint the auditor trusted last time, a consistency proof, and the entries
/// (which hold no complaint content). Three checks, each failing with its own error code:
///
/// 1. signature: the checkpoint is a note signed by the pinned log key, for the expected origin;
/// 2. consistency: it extends the previously trusted checkpoint (no rollback, fork or rewrite);
/// 3. recomputation: the entries, hashed as RFC 9162 leaves, give exactly the signed root (and,
///    on the way, the previously trusted root at its size).
public struct LogAuditor: Sendable {
    public let verifierKey: NoteVerifierKey
    /// The origin line checkpoints must carry; by default the key's name.
    public let origin: String

    public init(verifierKey: NoteVerifierKey, origin: String? = nil) {
        self.verifierKey = verifierKey
        self.origin = origin ?? verifierKey.name
    }

    /// Check 1: the signature and format of a signed checkpoint.
    public func verifyCheckpoint(_ signedNote: String) throws(AuditLogError) -> Checkpoint {
        try Checkpoint.verified(from: signedNote, key: verifierKey, origin: origin)
    }

    /// Check 2: `checkpoint` extends `previous`; `proof` is the consistency proof between their sizes
    /// (`/v1/audit/proof/consistency?from=previous.size&to=checkpoint.size`).
    public func verifyConsistency(of checkpoint: Checkpoint, with previous: Checkpoint, proof: [[UInt8]]) throws(AuditLogError) {
        guard previous.origin == origin else {
            throw AuditLogError(.originMismatch, "the previously trusted checkpoint is for log \"\(previous.origin)\", not \"\(origin)\"")
        }
        try TreeHeadComparison.requireExtension(from: previous, to: checkpoint, proof: proof, context: "consistency with the previously trusted checkpoint fails")
    }

    /// Check 3, streaming: feed every entry in order to the replay, then call `finish()`.
    public func replay(checkpoint: Checkpoint, previous: Checkpoint? = nil) -> EntryReplay {
        EntryReplay(checkpoint: checkpoint, previous: previous)
    }

    /// All three checks, for entries already in memory.
    public func audit(
        signedCheckpoint: String,
        previous: Checkpoint?,
        consistencyProof: [[UInt8]],
        entries: some Sequence<[UInt8]>
    ) throws(AuditLogError) -> AuditReport {
        try audit(signedCheckpoint: signedCheckpoint, previous: previous, consistencyProof: consistencyProof) {
            (replay: inout EntryReplay) throws(AuditLogError) in
            for entry in entries { try replay.append(entryData: entry) }
        }
    }

    /// All three checks, with leaf hashes instead of entry data.
    public func audit(
        signedCheckpoint: String,
        previous: Checkpoint?,
        consistencyProof: [[UInt8]],
        leafHashes: some Sequence<[UInt8]>
    ) throws(AuditLogError) -> AuditReport {
        try audit(signedCheckpoint: signedCheckpoint, previous: previous, consistencyProof: consistencyProof) {
            (replay: inout EntryReplay) throws(AuditLogError) in
            for hash in leafHashes { try replay.append(leafHash: hash) }
        }
    }

    private func audit(
        signedCheckpoint: String,
        previous: Checkpoint?,
        consistencyProof: [[UInt8]],
        feed: (inout EntryReplay) throws(AuditLogError) -> Void
    ) throws(AuditLogError) -> AuditReport {
        var checks: [String] = []
        let checkpoint = try verifyCheckpoint(signedCheckpoint)
        checks.append("signature: checkpoint of \"\(checkpoint.origin)\" at \(checkpoint.size) entries is signed by \(verifierKey.encoded)")
        if let previous {
            try verifyConsistency(of: checkpoint, with: previous, proof: consistencyProof)
            checks.append("consistency: the log at \(checkpoint.size) entries extends the trusted checkpoint at \(previous.size) entries")
        } else {
            checks.append("consistency: no previously trusted checkpoint; this one becomes the reference")
        }
        var replay = self.replay(checkpoint: checkpoint, previous: previous)
        try feed(&replay)
        try replay.finish()
        checks.append("entries: all \(checkpoint.size) entries recompute the signed root \(Hashes.describe(checkpoint.rootHash))")
        return AuditReport(checkpoint: checkpoint, checks: checks)
    }
}
