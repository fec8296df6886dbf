import GRDB

extension SQLiteStore {
    /// Appends `entries` to the audit log in one transaction that changes nothing else, through the
    /// same `AuditAppender` (same SQL, same Merkle nodes) as every write the daemon makes.
    ///
    /// FOR BENCHMARKS AND TESTS ONLY: the daemon never logs an entry without the change it records,
    /// and has no reason to call this. It exists so `safeintake bench-log` can grow a log to
    /// millions of entries in minutes (one large batch amortises the commit's fsync) and then time
    /// single appends exactly as the daemon commits them.
    ///
    /// With `fsync: false` the writer connection runs this one transaction with
    /// `synchronous = OFF` (a power failure may lose it) and is put back to `FULL` before this
    /// returns, so a benchmark can separate the CPU and SQLite cost of an append from the disk's.
    public func appendAuditEntriesForBenchmark(_ entries: [[UInt8]], fsync: Bool = true) throws {
        if fsync {
            try pool.write { db in try AuditAppender.append(entries, in: db) }
            return
        }
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            let appended = Result { try db.inTransaction { try AuditAppender.append(entries, in: db); return .commit } }
            // Restore durability before reporting anything, so no later write runs without fsync.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try appended.get()
        }
    }

    /// Copies the write-ahead log into the database file and empties it, so the files' size is the
    /// log's own footprint rather than that of the last big transaction. For benchmarks only: the
    /// daemon leaves checkpoints to SQLite.
    public func checkpointWriteAheadLogForBenchmark() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
