import Intake
import PostgresNIO

extension PostgresStore {
    public func lastSignedCheckpoint() throws -> String? {
        try session { s in
            try s.rows("SELECT note FROM signed_checkpoint").first.map { row in try decodeRow { try row.decode(String.self) } }
        }
    }

    /// Keeps the larger of the stored and the new checkpoint. Daemons sharing the database sign
    /// identical notes for one size (see `PostgresAuditAppender`), so which of two equal ones
    /// is kept does not matter.
    public func recordSignedCheckpoint(size: UInt64, note: String) throws {
        try transaction { s in
            try s.execute("""
                INSERT INTO signed_checkpoint (singleton, tree_size, note) VALUES (TRUE, \(Int64(clamping: size)), \(note))
                ON CONFLICT (singleton) DO UPDATE SET tree_size = excluded.tree_size, note = excluded.note
                WHERE excluded.tree_size > signed_checkpoint.tree_size
                """)
        }
    }

    public func recordPolicy(_ policyHash: String, audit: [[UInt8]]) throws -> Bool {
        try transaction { s in
            // The log lock first: daemons starting together with one policy record it once.
            try PostgresAuditAppender.lock(s)
            let last = try s.rows("SELECT policy_hash FROM policy_history ORDER BY position DESC LIMIT 1").first.map { row in
                try decodeRow { try row.decode(String.self) }
            }
            guard last != policyHash else { return false }
            try s.execute("INSERT INTO policy_history (policy_hash) VALUES (\(policyHash))")
            try PostgresAuditAppender.append(audit, in: s)
            return true
        }
    }
}
