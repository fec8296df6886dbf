import Foundation
import GRDB

/// Measures how many durable commits a second the disk under `directory` allows with the store's
/// own settings (WAL, `synchronous = FULL`): one tiny insert per transaction, one after the other.
/// Every complaint costs at least one such commit, so this is the ceiling intake is compared with
/// (`safeintake bench machine`, Docs/benchmarks.md). Writes a scratch database and removes it.
public enum CommitProbe {
    public static func commitsPerSecond(in directory: URL, seconds: Double) throws -> (commits: Int, seconds: Double) {
        let file = directory.appendingPathComponent("commit-probe-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
        let pool = try SQLiteStore.openPool(at: file)
        try pool.write { db in try db.execute(sql: "CREATE TABLE probe (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)") }
        // Steady state, as in a daemon that has been running: the WAL file already has its size
        // and commits overwrite it. While a fresh WAL grows, every fsync also flushes the file's
        // new size, which measured here costs about 40% more per commit.
        try pool.write { db in try db.execute(sql: "INSERT INTO probe (payload) VALUES (zeroblob(8388608))") }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        let payload = Data(repeating: 0xA5, count: 256)
        let start = DispatchTime.now().uptimeNanoseconds
        var commits = 0
        var elapsed = 0.0
        while elapsed < seconds {
            try pool.write { db in try db.execute(sql: "INSERT INTO probe (payload) VALUES (?)", arguments: [payload]) }
            commits += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        return (commits, elapsed)
    }
}

extension SQLiteStore {
    /// Copies the write-ahead log into the database file and makes the next commit start the log
    /// again from its beginning (`PRAGMA wal_checkpoint(RESTART)`: the log file keeps its size, so
    /// commits overwrite it rather than grow it). Benchmarks call it after a bulk fill so that what
    /// they time is the steady state, not the fill's tail.
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(RESTART)") }
    }
}
