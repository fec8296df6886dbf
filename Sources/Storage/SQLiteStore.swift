import AuditLog
import Envelope
import Foundation
import GRDB
import Intake
import Sodium

/// The embedded default store: one SQLite file in WAL mode with `synchronous = FULL`, so a
/// transaction that returned is on disk before the reporter sees her token, and `secure_delete`,
/// so spent tokens and deleted rows are overwritten rather than left in free pages.
public final class SQLiteStore: CommitAwaitingStore {
    public static let fileName = "safeintake.sqlite"
    let pool: DatabasePool
    /// New complaints filed at the same moment commit together (one fsync); see `CommitGroup`.
    let commits: CommitGroup

    /// Opens (creating if needed) the database in `directory` and runs pending migrations.
    public init(directory: URL) throws {
        pool = try Self.openPool(at: directory.appendingPathComponent(Self.fileName))
        commits = CommitGroup(pool: pool)
        let migrator = Schema.migrator
        let unknown = try pool.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) }
        guard unknown.isEmpty else { throw NewerDatabase(unknownMigrations: unknown.sorted()) }
        try migrator.migrate(pool)
    }

    /// A WAL database with the store's durability and privacy settings, readable by its owner only.
    static func openPool(at file: URL) throws -> DatabasePool {
        try restrictToOwner(file)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;")
        }
        // Arguments of failed statements stay out of error messages (they may be ciphertext or verifiers).
        configuration.publicStatementArguments = false
        // Another process on the same file (a second daemon on this machine, the operator's sqlite3
        // shell) makes a writer wait for the lock instead of failing at once.
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: file.path, configuration: configuration)
        // GRDB switches its writer to synchronous = NORMAL when it enables WAL, after
        // prepareDatabase has run; NORMAL can lose the last commits on power loss. Put FULL back on
        // the one writer connection, which the pool keeps for its whole life (checked by a test).
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    /// Creates the database file 0600 if it is missing, and takes group and other permissions away
    /// from it and its -wal and -shm if an earlier version or an operator's umask left them there.
    /// SQLite creates -wal and -shm with the main file's permissions, so they follow. Only
    /// ciphertext is in these files, but wraps, verifiers and the log's timing are nobody else's
    /// business, and a data folder made 0755 by an operator must not expose them (security review
    /// 2026-12, I2).
    static func restrictToOwner(_ file: URL) throws {
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }  // SQLite will say what is wrong with the path
        close(fd)
        for path in [file.path, file.path + "-wal", file.path + "-shm"] {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            guard chmod(path, info.st_mode & 0o700) == 0 else {
                throw StoreFilePermissions(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The durability and privacy settings as SQLite reports them on a live connection, for tests
    /// and the operator's checks: journal_mode, synchronous (2 = FULL), secure_delete, foreign_keys.
    public func effectiveSettings() throws -> [String: String] {
        try pool.write { db in
            var settings: [String: String] = [:]
            for pragma in ["journal_mode", "synchronous", "secure_delete", "foreign_keys"] {
                settings[pragma] = try String.fetchOne(db, sql: "PRAGMA \(pragma)")
            }
            return settings
        }
    }

    /// The names of the tables and their columns, for the separation checks.
    public func schemaColumns() throws -> [String: [String]] {
        try pool.read { db in
            var columns: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'") {
                columns[table] = try db.columns(in: table).map(\.name)
            }
            return columns
        }
    }

    // MARK: audit log

    public func auditLogSize() throws -> UInt64 {
        try pool.read { db in try AuditAppender.size(db) }
    }

    public func auditEntries(_ range: Range<UInt64>) throws -> [[UInt8]] {
        try pool.read { db in
            try Data.fetchAll(db, sql: "SELECT data FROM audit_entries WHERE entry_index >= ? AND entry_index < ? ORDER BY entry_index",
                              arguments: [Int64(range.lowerBound), Int64(range.upperBound)]).map { [UInt8]($0) }
        }
    }

    public func auditNodeReader() -> any MerkleNodeReader {
        PoolNodeReader(pool: pool)
    }
}

/// A database file readable by others whose permissions could not be narrowed.
public struct StoreFilePermissions: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path) is readable by other users and cannot be made owner-only (\(reason)): chmod 600 it" }
}
