import AuditLog
import Foundation
import Intake
import Sodium
import Storage

/// What `bench-log` measures at one log size, on the SQLite store and code paths the daemon uses:
/// proofs and roots from the stored nodes through `auditNodeReader()`, signed checkpoints through
/// `AuditPublisher`, appends through `AuditAppender`. Every timed proof is then verified with
/// `MerkleVerifier`, so a fast wrong answer cannot pass for a result.
struct AuditLogProbe {
    let store: SQLiteStore
    let folder: URL
    let samples: Int
    let appends: Int
    let publisher: AuditPublisher

    init(store: SQLiteStore, folder: URL, samples: Int, appends: Int) throws {
        self.store = store
        self.folder = folder
        self.samples = samples
        self.appends = appends
        publisher = AuditPublisher(store: store, signer: try NoteSigner(name: "bench.safeintake.invalid/log", keyPair: SigningKeyPair()))
    }

    /// Measures at the log's current size. The timed appends come last, since they grow the log.
    func measure(fillRate: Double?, entries: inout SyntheticAuditEntries) throws -> Row {
        let size = try store.auditLogSize()
        try store.checkpointWriteAheadLogForBenchmark()
        let footprint = try bytesOnDisk()
        let root = try MerkleTree.root(size: size, reader: store.auditNodeReader())
        let inclusion = try inclusionProofs(size: size, root: root)
        let consistency = try consistencyProofs(size: size, root: root)
        let roots = CountingNodeReader(store.auditNodeReader())
        let rootTimes = try Timings(samples) { _ in _ = try MerkleTree.root(size: size, reader: roots) }
        let checkpoints = try Timings(samples) { _ in _ = try publisher.signedCheckpoint() }
        let durable = try timedAppends(entries.next(appends), fsync: true)
        let unsynced = try timedAppends(entries.next(appends), fsync: false)
        return Row(size: size, fillRate: fillRate, durableAppends: durable, unsyncedAppends: unsynced,
                   inclusion: inclusion.times, inclusionReads: inclusion.reads,
                   consistency: consistency.times, consistencyReads: consistency.reads,
                   root: rootTimes, rootReads: Double(roots.reads) / Double(samples), checkpoint: checkpoints,
                   bytesOnDisk: footprint)
    }

    /// One transaction per entry, as the daemon commits: with `fsync`, synchronous = FULL.
    private func timedAppends(_ entries: [[UInt8]], fsync: Bool) throws -> Timings {
        try Timings(entries.count) { i in try store.appendAuditEntriesForBenchmark([entries[i]], fsync: fsync) }
    }

    private func inclusionProofs(size: UInt64, root: [UInt8]) throws -> (times: Timings, reads: Double) {
        let indices = (0..<samples).map { _ in UInt64.random(in: 0..<size) }
        let reader = CountingNodeReader(store.auditNodeReader())
        var proofs: [[[UInt8]]] = []
        let times = try Timings(samples) { i in
            proofs.append(try MerkleTree.inclusionProof(index: indices[i], size: size, reader: reader))
        }
        for (index, proof) in zip(indices, proofs) {
            let leaf = try store.auditEntries(index..<(index + 1))[0]
            try MerkleVerifier.checkInclusion(leafHash: MerkleHash.leaf(leaf), index: index, size: size, proof: proof, root: root)
        }
        return (times, Double(reader.reads) / Double(samples))
    }

    /// Proofs from a random earlier size to the current one, as an auditor holding an old
    /// checkpoint asks for.
    private func consistencyProofs(size: UInt64, root: [UInt8]) throws -> (times: Timings, reads: Double) {
        guard size >= 2 else { return (Timings(), 0) }
        let olds = (0..<samples).map { _ in UInt64.random(in: 1..<size) }
        let reader = CountingNodeReader(store.auditNodeReader())
        var proofs: [[[UInt8]]] = []
        let times = try Timings(samples) { i in
            proofs.append(try MerkleTree.consistencyProof(from: olds[i], to: size, reader: reader))
        }
        for (old, proof) in zip(olds, proofs) {
            let oldRoot = try MerkleTree.root(size: old, reader: store.auditNodeReader())
            try MerkleVerifier.checkConsistency(from: old, to: size, proof: proof, oldRoot: oldRoot, newRoot: root)
        }
        return (times, Double(reader.reads) / Double(samples))
    }

    /// Every file the store keeps: the database, its write-ahead log and the log's index.
    private func bytesOnDisk() throws -> UInt64 {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).reduce(0) { total, name in
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            return total + ((attributes[.size] as? NSNumber)?.uint64Value ?? 0)
        }
    }
}

/// Counts the node reads the tree algorithms make, to show proofs cost O(log n) lookups.
final class CountingNodeReader: MerkleNodeReader {
    let base: any MerkleNodeReader
    private(set) var reads = 0

    init(_ base: any MerkleNodeReader) { self.base = base }

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        reads += 1
        return try base.node(level: level, index: index)
    }
}

/// Durations of repeated operations, in seconds, sorted.
struct Timings {
    private(set) var sorted: [Double] = []

    init() {}

    /// Times `body(0)`, `body(1)`, … `body(count - 1)` one by one.
    init(_ count: Int, _ body: (Int) throws -> Void) rethrows {
        for i in 0..<count { sorted.append(try Stopwatch.seconds { try body(i) }) }
        sorted.sort()
    }

    func quantile(_ q: Double) -> Double {
        sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
    }

    /// Operations per second, run back to back.
    var perSecond: Double { Double(sorted.count) / sorted.reduce(0, +) }
}
