import Foundation

extension AuditLogProbe {
    /// The figures measured at one log size.
    struct Row {
        var size: UInt64
        /// Entries per second while filling up to this size in large transactions; nil if no filling was needed.
        var fillRate: Double?
        var durableAppends: Timings
        var unsyncedAppends: Timings
        var inclusion: Timings
        var inclusionReads: Double
        var consistency: Timings
        var consistencyReads: Double
        var root: Timings
        var rootReads: Double
        var checkpoint: Timings
        /// Database, write-ahead log and its index, just after a checkpoint has emptied the log.
        var bytesOnDisk: UInt64

        /// Two Markdown tables, appends and storage then proofs and checkpoints, ready for Docs/benchmarks.md.
        static func tables(_ rows: [Row]) -> String {
            var lines = [
                "| entries | filling in batches, appends/s | single appends fsync'd, appends/s (p50 / p99 ms) | single appends without fsync, appends/s (p50 / p99 ms) | on disk (bytes per entry) |",
                "|---:|---:|---:|---:|---:|",
            ]
            for row in rows {
                let fill = row.fillRate.map { String(format: "%.0f", $0) } ?? "–"
                let perEntry = Double(row.bytesOnDisk) / Double(max(row.size, 1))
                lines.append("| \(row.size) | \(fill) | \(appends(row.durableAppends)) | \(appends(row.unsyncedAppends)) | "
                             + "\(megabytes(row.bytesOnDisk)) (\(String(format: "%.0f", perEntry))) |")
            }
            lines += [
                "",
                "| entries | log2 n | inclusion proof p50 / p99 µs | node reads | consistency proof p50 / p99 µs | node reads | root p50 / p99 µs | node reads | signed checkpoint p50 / p99 µs |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
            for row in rows {
                lines.append("| \(row.size) | \(String(format: "%.1f", log2(Double(row.size)))) | \(micros(row.inclusion)) | "
                             + "\(String(format: "%.1f", row.inclusionReads)) | \(micros(row.consistency)) | "
                             + "\(String(format: "%.1f", row.consistencyReads)) | \(micros(row.root)) | "
                             + "\(String(format: "%.0f", row.rootReads)) | \(micros(row.checkpoint)) |")
            }
            return lines.joined(separator: "\n")
        }

        private static func appends(_ t: Timings) -> String {
            String(format: "%.0f (%.2f / %.2f)", t.perSecond, t.quantile(0.5) * 1e3, t.quantile(0.99) * 1e3)
        }

        private static func micros(_ t: Timings) -> String {
            String(format: "%.0f / %.0f", t.quantile(0.5) * 1e6, t.quantile(0.99) * 1e6)
        }

        private static func megabytes(_ bytes: UInt64) -> String {
            String(format: "%.1f MB", Double(bytes) / 1e6)
        }
    }
}
