/// Why a Merkle proof, a signed note, a checkpoint or an audit did not hold.
///
/// The `code` is stable (tests and scripts compare it); the `reason` is written for the person at the
/// terminal: it says which check failed and what was expected. Log entries never appear in a reason,
/// only sizes, indices and hashes, so an auditor's output never carries complaint data.
public struct AuditLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        // Tree storage and proof generation.
        /// A node the tree needs was not in storage: the store is incomplete or the size is too large.
        case missingNode = "missing_node"
        /// A leaf index or tree size is out of range for the request.
        case outOfRange = "out_of_range"
        /// A hash did not have the 32 bytes of SHA-256.
        case badHashLength = "bad_hash_length"

        // Proof verification (RFC 9162 §2.1.3.2, §2.1.4.2).
        /// The proof has more or fewer hashes than the sizes require.
        case badProofLength = "bad_proof_length"
        /// The hashes chained from the proof do not reproduce the expected root.
        case rootMismatch = "root_mismatch"
        /// The sizes given cannot have a proof (second smaller than first, or a proof from the empty tree).
        case invalidSizes = "invalid_sizes"

        // Formats (c2sp.org/signed-note, c2sp.org/tlog-checkpoint).
        case malformedVerifierKey = "malformed_verifier_key"
        case malformedNote = "malformed_note"
        case malformedCheckpoint = "malformed_checkpoint"
        /// A signature by a trusted key did not verify: the note was altered or forged.
        case badSignature = "bad_signature"
        /// No signature on the note comes from a key we trust.
        case noTrustedSignature = "no_trusted_signature"

        // Audit outcomes.
        /// The checkpoint names another log than the one whose key we hold.
        case originMismatch = "origin_mismatch"
        /// The new checkpoint is smaller than one already trusted: the log lost entries.
        case rollback = "rollback"
        /// Two checkpoints of the same size with different roots: two histories exist.
        case fork = "fork"
        /// The consistency proof does not link the trusted checkpoint to the new one.
        case inconsistent = "inconsistent"
        /// Entries are missing, surplus, or delivered out of order.
        case entryCountMismatch = "entry_count_mismatch"
        /// The entries covered by the previously trusted checkpoint no longer reproduce its root.
        case historyRewritten = "history_rewritten"
        /// The root recomputed from all entries differs from the signed root.
        case recomputedRootMismatch = "recomputed_root_mismatch"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }
}
