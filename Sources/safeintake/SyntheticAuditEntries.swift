import Envelope
import Intake
import Sodium

/// Audit entries shaped like the daemon's, for `bench-log`: real `AuditEvent` entries (canonical
/// JSON padded to 256 bytes) naming random case and key ids, in the pattern an intake writes them.
///
/// A pool of distinct entries is made once and then cycled: formatting each of 10 million events
/// (a calendar lookup apiece) would take longer than storing them, and what an append costs
/// SQLite depends on an entry's length, not on its bytes.
struct SyntheticAuditEntries {
    static let poolSize = 4096
    private let pool: [[UInt8]]
    private var position = 0

    init() {
        let time = CoarseTime()
        let policyHash = Hex.encode(Random.bytes(32))
        let keyIDs = (0..<8).map { _ in Hex.encode(Random.bytes(16)) }
        var pool: [[UInt8]] = []
        while pool.count < Self.poolSize {
            let caseID = CaseID.generate()
            let inspector = keyIDs[pool.count % keyIDs.count]
            let events: [AuditEvent] = [
                .complaintAccepted(caseID: caseID, policyHash: policyHash, policyVersion: 1),
                .caseKeyWrapped(caseID: caseID, recipientKeyID: keyIDs[0]),
                .caseKeyWrapped(caseID: caseID, recipientKeyID: inspector),
                .keyReleased(caseID: caseID, recipientKeyID: inspector),
            ]
            pool += events.map { $0.entryData(time: time) }
        }
        self.pool = pool
    }

    /// The next `count` entries.
    mutating func next(_ count: Int) -> [[UInt8]] {
        var entries: [[UInt8]] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            entries.append(pool[position])
            position = (position + 1) % pool.count
        }
        return entries
    }
}
