/// The daemon's rule for signing checkpoints: never sign one that is inconsistent with the last one
/// it signed (tlog-checkpoint: "A log MUST not sign any checkpoint which is inconsistent with any
/// checkpoint it previously signed"). Consistency is transitive along the chain of signed
/// checkpoints, so checking against the last one suffices.
///
/// A new checkpoint is signed only if its size is at least the last one's and a consistency proof
/// links the two roots; an equal size needs an equal root. Because the proof is built from stored
/// nodes and checked against the root that was signed, a database edited underneath the daemon
/// makes signing fail instead of publishing the edit.
///
/// The guard is only as good as its memory: persist each signed note durably before publishing it,
/// and rebuild the guard from the last persisted one on start-up.
public struct CheckpointGuard: Sendable {
    public let signer: NoteSigner
    /// The origin line of every checkpoint this log signs.
    public let origin: String
    public private(set) var lastSigned: Checkpoint?

    public init(signer: NoteSigner, origin: String? = nil, lastSigned: Checkpoint?) throws(AuditLogError) {
        let origin = origin ?? signer.name
        if let lastSigned, lastSigned.origin != origin {
            throw AuditLogError(.originMismatch, "the last signed checkpoint is for log \"\(lastSigned.origin)\", not \"\(origin)\"")
        }
        self.signer = signer
        self.origin = origin
        self.lastSigned = lastSigned
    }

    /// Throws unless `candidate` may be signed after the last signed checkpoint. `consistencyProof`
    /// runs from the last signed size to the candidate's.
    public func check(_ candidate: Checkpoint, consistencyProof: [[UInt8]]) throws(AuditLogError) {
        guard candidate.origin == origin else {
            throw AuditLogError(.originMismatch, "refusing to sign a checkpoint for log \"\(candidate.origin)\" with the key of \"\(origin)\"")
        }
        guard let last = lastSigned else { return }
        try TreeHeadComparison.requireExtension(from: last, to: candidate, proof: consistencyProof, context: "refusing to sign")
    }

    /// Checks `candidate`, signs it and remembers it as the last signed checkpoint.
    public mutating func sign(_ candidate: Checkpoint, consistencyProof: [[UInt8]]) throws(AuditLogError) -> SignedNote {
        try check(candidate, consistencyProof: consistencyProof)
        let note = try candidate.signedNote(by: signer)
        lastSigned = candidate
        return note
    }

    /// Builds the checkpoint of the first `size` stored leaves and its consistency proof from the
    /// same store, then checks and signs it.
    public mutating func signCheckpoint(size: UInt64, reader: some MerkleNodeReader) throws -> SignedNote {
        let candidate = try Checkpoint(origin: origin, size: size, rootHash: MerkleTree.root(size: size, reader: reader))
        let proof = try lastSigned.map { last in
            last.size <= size ? try MerkleTree.consistencyProof(from: last.size, to: size, reader: reader) : []
        } ?? []
        return try sign(candidate, consistencyProof: proof)
    }
}
