import AuditLog
import Foundation
import GRDB
import Intake

/// A consistent copy of the SQLite store, taken while the daemon keeps filing: what `backup` and
/// `audit export` put in their files, and what `restore` checks before it hands a folder back.
///
/// The copy is made with `VACUUM INTO`, which reads one transaction's view of the database (every
/// commit before it began, none after) and writes only live pages: unlike a page-by-page copy, no
/// deleted row survives in a free page of the copy. The copy is a single file in rollback-journal
/// mode; a daemon started on it switches it back to WAL.
public struct SQLiteSnapshot {
    public let file: URL
    /// Entries in the audit log of the copy.
    public let logSize: UInt64
    /// The last checkpoint the daemon had recorded in the database when the copy was taken.
    public let signedCheckpoint: String?
    let queue: DatabaseQueue

    /// Copies the store in `directory` to `file`, which must not exist yet. Works while a daemon
    /// writes (it waits for the write lock no longer than a reader would) and does not change the
    /// source. The copy is created owner-only.
    public static func take(of directory: URL, to file: URL) throws -> SQLiteSnapshot {
        let source = directory.appendingPathComponent(SQLiteStore.fileName)
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw SnapshotError("there is no database at \(source.path): pass the data folder the daemon runs with (--data)")
        }
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw SnapshotError("\(file.path) exists already: the snapshot is written only to a new file")
        }
        // Created 0600 first, so the copy is never readable by others, not even for a moment.
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SnapshotError("cannot create \(file.path): \(String(cString: strerror(errno)))") }
        close(fd)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.publicStatementArguments = false
        let live = try DatabaseQueue(path: source.path, configuration: configuration)
        try live.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [file.path]) }
        try live.close()
        return try SQLiteSnapshot(file: file)
    }

    /// Writes tables copied from another store (`PostgresStore.copyForAudit`) into the new SQLite
    /// file `file`, with the same table and column names, so that the auditor's checks read a
    /// PostgreSQL deployment's data exactly as they read a SQLite one. The one difference of shape
    /// is bridged here: PostgreSQL keys its single signed checkpoint by `singleton`, SQLite by
    /// `id = 1`.
    public static func write(_ tables: [TableCopy], to file: URL) throws -> SQLiteSnapshot {
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw SnapshotError("\(file.path) exists already: the copy is written only to a new file")
        }
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SnapshotError("cannot create \(file.path): \(String(cString: strerror(errno)))") }
        close(fd)
        var configuration = Configuration()
        configuration.publicStatementArguments = false
        let queue = try DatabaseQueue(path: file.path, configuration: configuration)
        try queue.write { db in
            for table in tables {
                let bridged = table.name == "signed_checkpoint" && !table.columns.contains("id")
                let columns = (bridged ? ["id"] : []) + table.columns
                try db.execute(sql: "CREATE TABLE \(quoted(table.name)) (\(columns.map(quoted).joined(separator: ", ")))")
                let insert = try db.makeStatement(sql: "INSERT INTO \(quoted(table.name)) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
                for row in table.rows {
                    let values: [DatabaseValue] = (bridged ? [1.databaseValue] : []) + row.map(databaseValue)
                    try insert.execute(arguments: StatementArguments(values))
                }
            }
        }
        try queue.close()
        return try SQLiteSnapshot(file: file)
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private static func databaseValue(_ value: TableCopy.Value) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }

    /// Opens a snapshot file (from `take`, or unpacked from a backup) to read its log.
    public init(file: URL) throws {
        var configuration = Configuration()
        configuration.readonly = true
        self.file = file
        queue = try DatabaseQueue(path: file.path, configuration: configuration)
        (logSize, signedCheckpoint) = try queue.read { db in
            (try AuditAppender.size(db), try String.fetchOne(db, sql: "SELECT note FROM signed_checkpoint WHERE id = 1"))
        }
    }

    /// The Merkle root of the first `size` entries, from the nodes stored in the copy.
    public func root(size: UInt64) throws -> [UInt8] {
        guard size <= logSize else {
            throw SnapshotError("the copy's log holds \(logSize) entries, fewer than the \(size) asked for")
        }
        return try queue.read { db in
            // A copy of a PostgreSQL deployment keeps its nodes by (level, node_index).
            guard try db.columns(in: "audit_nodes").contains(where: { $0.name == "position" }) else {
                return try MerkleTree.root(size: size, reader: LevelIndexNodeReader(db: db))
            }
            return try MerkleTree.root(size: size, reader: DatabaseNodeReader(db: db))
        }
    }

    /// SQLite's own check of the copy's pages and indexes; nil when it is sound.
    public func integrityProblem() throws -> String? {
        let result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return result == ["ok"] ? nil : result.prefix(3).joined(separator: "; ")
    }

    /// Closes the file (before it is moved or deleted).
    public func closeDatabase() throws {
        try queue.close()
    }
}

/// Why a snapshot could not be taken or read.
public struct SnapshotError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Merkle nodes stored by (level, node_index), as PostgreSQL keeps them.
struct LevelIndexNodeReader: MerkleNodeReader {
    let db: Database

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        guard let hash = try Data.fetchOne(db, sql: "SELECT hash FROM audit_nodes WHERE level = ? AND node_index = ?",
                                           arguments: [level, Int64(index)]) else {
            throw MissingNode(level: level, index: index)
        }
        return [UInt8](hash)
    }
}
