import AuditLog
import Envelope
import Synchronization

/// Serves the audit log to auditors: the verifier key, signed checkpoints, entries and proofs
/// (../shared/CONTRACT.md, RFC 9162 §2.1, C2SP tlog-checkpoint and signed-note).
///
/// Checkpoints are computed from the stored Merkle nodes, and each is signed only after a
/// consistency proof links it to the last checkpoint signed, which is kept durably in the store
/// (`CheckpointGuard`): across restarts, and with several daemons on one database, the log never
/// signs two inconsistent checkpoints. A database edited underneath makes signing fail loudly
/// instead of publishing the edit.
///
/// The database is not the only memory: whoever can write to it could delete the last signed
/// checkpoint along with the entries it covers. So the last signed tree head is also kept beside
/// the signing key (`SignedHeadMemory`, outside the database), written before a note is published,
/// and a checkpoint is signed only when it extends both.
public struct AuditPublisher: Sendable {
    /// At most this many entries per `entries` request, so one request cannot pin the daemon.
    public static let maxEntriesPerRequest: UInt64 = 1000

    let store: any IntakeStore
    let signer: NoteSigner
    let memory: (any SignedHeadMemory)?
    let lastSigning = LastSigning()

    public init(store: any IntakeStore, signer: NoteSigner, memory: (any SignedHeadMemory)? = nil) {
        self.store = store
        self.signer = signer
        self.memory = memory
    }

    /// The log's origin line, which is also its key name.
    public var origin: String { signer.name }

    /// The C2SP verifier key: `NAME+KEYID+BASE64(0x01 || ed25519 public key)`.
    public var verifierKey: String { signer.encodedVerifierKey }

    /// A freshly signed checkpoint of the whole log, as note text.
    public func signedCheckpoint() throws -> String {
        // The last signed checkpoint first, then the size: another request or another daemon may
        // sign a larger checkpoint in between, and the size read after it is at least as large.
        let last = try store.lastSignedCheckpoint().map { try Checkpoint.verified(from: $0, key: signer.verifierKey, origin: origin) }
        let kept = try memory?.lastSignedNote().map { try Checkpoint.verified(from: $0, key: signer.verifierKey, origin: origin) }
        let size = try store.auditLogSize()
        for head in [last, kept].compactMap({ $0 }) where head.size > size {
            throw AuditLogError(.rollback, "the log holds \(size) entries but a checkpoint of \(head.size) was signed: entries were removed; refusing to sign")
        }
        let reader = store.auditNodeReader()
        // The larger head signs (its guard remembers it); the other must be extended as well, so a
        // database whose memory was deleted or rolled back cannot lead the key to sign a fork.
        let heads = [last, kept].compactMap { $0 }.sorted { $0.size > $1.size }
        var guardian = try CheckpointGuard(signer: signer, origin: origin, lastSigned: heads.first)
        let candidate = try Checkpoint(origin: origin, size: size, rootHash: MerkleTree.root(size: size, reader: reader))
        for head in heads.dropFirst() {
            try CheckpointGuard(signer: signer, origin: origin, lastSigned: head)
                .check(candidate, consistencyProof: MerkleTree.consistencyProof(from: head.size, to: size, reader: reader))
        }
        let proof = try heads.first.map { try MerkleTree.consistencyProof(from: $0.size, to: size, reader: reader) } ?? []
        let note = try guardian.sign(candidate, consistencyProof: proof).encoded
        if size > kept?.size ?? 0 || kept == nil {
            try memory?.recordSignedNote(note, size: size)
        }
        if size > last?.size ?? 0 || last == nil {
            try store.recordSignedCheckpoint(size: size, note: note)
        }
        lastSigning.instant.withLock { $0 = .now }
        return note
    }

    /// Seconds since this process last signed a checkpoint (at start, then for each auditor's or
    /// inspector's request): the metrics' checkpoint age. Nil before the first.
    public var secondsSinceLastSigning: Double? {
        lastSigning.instant.withLock { instant in
            instant.map { let elapsed = ContinuousClock.now - $0; return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 }
        }
    }

    /// Records the firewall policy in force at start-up; a change is a `policy_changed` entry.
    public func recordPolicy(hash: String, version: Int, time: CoarseTime = CoarseTime()) throws {
        _ = try store.recordPolicy(hash, audit: [AuditEvent.policyChanged(policyHash: hash, policyVersion: version).entryData(time: time)])
    }

    /// Entries `start..<end`, clamped to the log and to `maxEntriesPerRequest`.
    public func entries(start: UInt64, end: UInt64) throws -> [(index: UInt64, data: [UInt8])] {
        let size = try store.auditLogSize()
        let upper = min(end, size, start &+ Self.maxEntriesPerRequest)
        guard start < upper else { return [] }
        return try store.auditEntries(start..<upper).enumerated().map { (start + UInt64($0.offset), $0.element) }
    }

    /// RFC 9162 §2.1.3 inclusion proof of entry `index` in the tree of `size` entries.
    public func inclusionProof(index: UInt64, size: UInt64) throws -> [[UInt8]] {
        try requireSize(size)
        return try MerkleTree.inclusionProof(index: index, size: size, reader: store.auditNodeReader())
    }

    /// RFC 9162 §2.1.4 consistency proof between tree sizes `from` and `to`.
    public func consistencyProof(from: UInt64, to: UInt64) throws -> [[UInt8]] {
        try requireSize(to)
        return try MerkleTree.consistencyProof(from: from, to: to, reader: store.auditNodeReader())
    }

    private func requireSize(_ size: UInt64) throws {
        let current = try store.auditLogSize()
        guard size <= current else {
            throw AuditLogError(.outOfRange, "the log has \(current) entries; size \(size) is beyond it")
        }
    }
}

/// When the publisher last signed, shared by every copy of the `AuditPublisher` value (memory only:
/// a monotonic instant, never written anywhere).
final class LastSigning: Sendable {
    let instant = Mutex<ContinuousClock.Instant?>(nil)
}
