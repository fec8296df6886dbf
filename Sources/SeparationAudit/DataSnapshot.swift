import AuditLog
import Foundation
import GRDB

/// A read-only view of a data folder's database, read independently of the daemon's storage code
/// so the checks do not trust the code they check.
struct DataSnapshot {
    struct Wrap { let caseID: String; let keyID: String; let epoch: Int; let bytes: [UInt8] }

    let columns: [String: [String]]
    let rows: [String: [Row]]
    let entries: [[UInt8]]
    let signedCheckpoint: String?
    let queue: DatabaseQueue

    static let tables = ["cases", "case_key_wraps", "case_notes", "reporter_inbox", "reporter_answers", "status_tokens", "agency_keys",
                         "case_transfers"]

    init(folder: URL) throws {
        let file = folder.appendingPathComponent("safeintake.sqlite")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw SeparationError("\(file.path) does not exist: pass the data folder the daemon was started with (--data)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: file.path, configuration: configuration)
        (columns, rows, entries, signedCheckpoint) = try queue.read { db in
            var columns: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'") {
                columns[table] = try db.columns(in: table).map(\.name)
            }
            var rows: [String: [Row]] = [:]
            for table in Self.tables where columns[table] != nil {
                rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
            }
            let indexed = try Row.fetchAll(db, sql: "SELECT entry_index, data FROM audit_entries ORDER BY entry_index")
            for (position, row) in indexed.enumerated() where (row["entry_index"] as Int64) != Int64(position) {
                throw SeparationError("audit entry \(position) is missing: the stored indexes jump to \(row["entry_index"] as Int64)")
            }
            let entries = indexed.map { [UInt8]($0["data"] as Data) }
            let note = columns["signed_checkpoint"] == nil ? nil : try String.fetchOne(db, sql: "SELECT note FROM signed_checkpoint WHERE id = 1")
            return (columns, rows, entries, note)
        }
    }

    func rows(_ table: String) -> [Row] { rows[table] ?? [] }

    var wraps: [Wrap] {
        rows("case_key_wraps").map {
            Wrap(caseID: $0["case_id"], keyID: $0["key_id"], epoch: $0["epoch"] ?? 0, bytes: [UInt8]($0["wrap"] as Data))
        }
    }

    /// Merkle nodes as the daemon stored them.
    var nodeReader: some MerkleNodeReader { StoredNodes(queue: queue) }
}

struct StoredNodes: MerkleNodeReader {
    let queue: DatabaseQueue

    func node(level: Int, index: UInt64) throws -> [UInt8] {
        guard let hash = try queue.read({ db in try Self.hash(level: level, index: index, in: db) }) else {
            throw SeparationError("the stored Merkle tree has no node at level \(level), index \(index)")
        }
        return [UInt8](hash)
    }
}

extension StoredNodes {
    /// One node's hash, from a snapshot of either layout: keyed by append order (schema v5 on) or
    /// by (level, index) (a snapshot taken from a daemon before v5).
    static func hash(level: Int, index: UInt64, in db: Database) throws -> Data? {
        if try db.columns(in: "audit_nodes").contains(where: { $0.name == "position" }) {
            guard let position = MerkleNode.appendOrderPosition(level: level, index: index) else { return nil }
            return try Data.fetchOne(db, sql: "SELECT hash FROM audit_nodes WHERE position = ?", arguments: [position])
        }
        return try Data.fetchOne(db, sql: "SELECT hash FROM audit_nodes WHERE level = ? AND node_index = ?", arguments: [level, Int64(index)])
    }
}

/// Why the separation audit could not run at all (as opposed to a check that failed).
public struct SeparationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
