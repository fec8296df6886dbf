import AuditLog
import Foundation
import GRDB

/// Schema v5: Merkle nodes keyed by the order the log creates them (`MerkleNode.appendOrderPosition`)
/// instead of by (level, index).
///
/// Why: keyed by (level, index), each level's newest nodes sit on a page of their own, so every
/// commit rewrote about 4.5 pages of this table; in append order, the nodes of one commit share the
/// last page (Docs/benchmarks.md, "What limits intake now"). Hashes are copied unchanged, so every
/// root, proof and signed checkpoint stays the same; a test migrates a v4 log and compares them.
enum AuditNodeMigration {
    static func keyByAppendOrder(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE audit_nodes_by_position (position INTEGER PRIMARY KEY NOT NULL, hash BLOB NOT NULL)")
        let insert = try db.makeStatement(sql: "INSERT INTO audit_nodes_by_position (position, hash) VALUES (?, ?)")
        let nodes = try Row.fetchCursor(db, sql: "SELECT level, node_index, hash FROM audit_nodes")
        while let node = try nodes.next() {
            let level: Int = node["level"]
            let index: Int64 = node["node_index"]
            guard index >= 0, let position = MerkleNode.appendOrderPosition(level: level, index: UInt64(index)) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT,
                                    message: "audit_nodes holds a node at level \(level), index \(index), which no audit log has: the database is damaged")
            }
            try insert.execute(arguments: [position, node["hash"] as Data])
        }
        try db.execute(sql: """
            DROP TABLE audit_nodes;
            ALTER TABLE audit_nodes_by_position RENAME TO audit_nodes;
            """)
    }
}
