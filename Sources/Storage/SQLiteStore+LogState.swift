import Foundation
import GRDB
import Intake

extension SQLiteStore {
    public func lastSignedCheckpoint() throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT note FROM signed_checkpoint WHERE id = 1") }
    }

    public func recordSignedCheckpoint(size: UInt64, note: String) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO signed_checkpoint (id, tree_size, note) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET tree_size = excluded.tree_size, note = excluded.note
                WHERE excluded.tree_size > signed_checkpoint.tree_size
                """, arguments: [Int64(size), note])
        }
    }

    public func recordPolicy(_ policyHash: String, audit: [[UInt8]]) throws -> Bool {
        try pool.write { db in
            let last = try String.fetchOne(db, sql: "SELECT policy_hash FROM policy_history ORDER BY position DESC LIMIT 1")
            guard last != policyHash else { return false }
            try db.execute(sql: "INSERT INTO policy_history (policy_hash) VALUES (?)", arguments: [policyHash])
            try AuditAppender.append(audit, in: db)
            return true
        }
    }
}
