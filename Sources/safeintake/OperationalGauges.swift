import Foundation
import Intake
import Server
import Storage

/// What the metrics listener reads at each scrape besides the request counters: how much work is
/// queued, how large the database and the audit log are, how long since a checkpoint was signed.
/// Sizes and ages only: nothing about any case.
struct OperationalGauges: Sendable {
    let store: any IntakeStore
    let audit: AuditPublisher
    let work: BlockingWork
    let folder: URL
    let sqlite: Bool

    func read() async -> [DaemonMetrics.Gauge] {
        var gauges = [DaemonMetrics.Gauge(name: "safeintake_work_queue_depth",
                                          help: "Calls waiting for or running on the worker pool (Argon2id, sealing, commits).",
                                          value: Double(work.queueDepth))]
        let store = self.store
        if let size = try? await work.run({ try store.auditLogSize() }) {
            gauges.append(.init(name: "safeintake_audit_log_entries", help: "Entries in the audit log.", value: Double(size)))
        }
        if let age = audit.secondsSinceLastSigning {
            gauges.append(.init(name: "safeintake_checkpoint_age_seconds",
                                help: "Seconds since this daemon last signed a checkpoint (at start, then for each auditor's or inspector's request).",
                                value: age))
        }
        if sqlite {
            let base = folder.appendingPathComponent(SQLiteStore.fileName).path
            let bytes = [base, base + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber }
                .reduce(0.0) { $0 + $1.doubleValue }
            gauges.append(.init(name: "safeintake_database_bytes", help: "Size of the SQLite database and its write-ahead log.", value: bytes))
        }
        return gauges
    }
}
