import ArgumentParser
import Foundation
import Storage

/// `safeintake bench-log`: grows a real SQLite audit log to millions of entries and, at each size
/// asked for, times what the daemon does with it: single appends, proofs, checkpoints (issue 4,
/// "Performance"). Results go to Docs/benchmarks.md, "Audit log at scale"; nothing here is a
/// pass/fail test.
///
/// Growing the log one fsync'd transaction per entry, as the daemon does, would take hours at 10
/// million entries, so the log is filled in large transactions through the same append code
/// (`SQLiteStore.appendAuditEntriesForBenchmark`), and only the timed appends commit one by one.
struct BenchLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-log",
        abstract: "Measure audit-log appends, proofs and checkpoints as the log grows to millions of entries.",
        discussion: """
            Fills a scratch SQLite log in large transactions through the daemon's own append code, then at \
            each size times single appends (fsync'd, as the daemon commits, and without fsync), inclusion \
            and consistency proofs, the root and a signed checkpoint, and measures the files on disk. \
            10 million entries need about 5 GB of free disk and some tens of minutes.
            """)

    @Option(help: "Log sizes to measure at, comma-separated and increasing (default: 10000,1000000,10000000).", transform: Self.parseSizes)
    var sizes: [UInt64] = [10_000, 1_000_000, 10_000_000]

    @Option(help: "Folder for the scratch database; a fresh subfolder is made in it and removed at the end.")
    var dataDir: String = FileManager.default.temporaryDirectory.path

    @Option(help: "Single-entry appends to time at each size, in each mode.")
    var appends = 200

    @Option(help: "Random proofs (and checkpoints) to time at each size.")
    var samples = 1000

    @Option(help: "Entries per transaction while filling the log.")
    var batch = 50_000

    func validate() throws {
        guard !sizes.isEmpty, sizes.first! > 0, zip(sizes, sizes.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ValidationError("--sizes must be positive and increasing, e.g. 10000,1000000,10000000")
        }
        guard appends > 0, samples > 0, batch > 0 else {
            throw ValidationError("--appends, --samples and --batch must be positive")
        }
    }

    func run() throws {
        let parent = URL(fileURLWithPath: dataDir, isDirectory: true)
        try ScratchSpace.requireFreeSpace(in: parent, forEntries: sizes.last!)
        let folder = parent.appendingPathComponent("safeintake-bench-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let store = try SQLiteStore(directory: folder)
        let probe = try AuditLogProbe(store: store, folder: folder, samples: samples, appends: appends)
        var entries = SyntheticAuditEntries()
        Self.progress("scratch log in \(folder.path); \(batch) entries per filling transaction")
        var rows: [AuditLogProbe.Row] = []
        for size in sizes {
            let fillRate = try fill(store, to: size, from: &entries)
            rows.append(try probe.measure(fillRate: fillRate, entries: &entries))
            Self.progress("measured at \(rows.last!.size) entries")
        }
        print(AuditLogProbe.Row.tables(rows))
    }

    /// Appends batches until the log holds `size` entries; returns the entries per second the
    /// appends achieved (entry generation not counted), or nil if the log was already that long.
    private func fill(_ store: SQLiteStore, to size: UInt64, from entries: inout SyntheticAuditEntries) throws -> Double? {
        var current = try store.auditLogSize()
        guard current < size else { return nil }
        let start = current
        var seconds = 0.0
        var nextReport = current + 1_000_000
        while current < size {
            let batchEntries = entries.next(Int(min(UInt64(batch), size - current)))
            seconds += try Stopwatch.seconds { try store.appendAuditEntriesForBenchmark(batchEntries) }
            current += UInt64(batchEntries.count)
            if current >= nextReport {
                Self.progress("filled \(current) entries (\(Int(Double(current - start) / seconds)) appends/s in batches)")
                nextReport += 1_000_000
            }
        }
        return Double(size - start) / seconds
    }

    static func parseSizes(_ text: String) throws -> [UInt64] {
        try text.split(separator: ",").map { part in
            guard let size = UInt64(part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) else {
                throw ValidationError("'\(part)' is not a whole number of entries")
            }
            return size
        }
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data("bench-log: \(line)\n".utf8))
    }
}

/// Disk space for the scratch log, checked before hours of filling rather than discovered after.
enum ScratchSpace {
    /// Generous bytes per entry on disk: 256 bytes of data, two 32-byte Merkle nodes on average,
    /// keys and B-tree overhead (the measured figure is about 400), plus the write-ahead log.
    static let bytesPerEntry: UInt64 = 600

    static func requireFreeSpace(in folder: URL, forEntries count: UInt64) throws {
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: folder.path)
        guard let free = (attributes[.systemFreeSize] as? NSNumber)?.uint64Value else { return }
        let needed = count * bytesPerEntry + 256 << 20
        guard free >= needed else {
            throw SetupError("""
                \(folder.path) has \(free >> 20) MiB free; \(count) entries need about \(needed >> 20) MiB. \
                Point --data-dir at a filesystem with more room, or lower --sizes.
                """)
        }
    }
}

/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
