import Envelope
import Intake
import PostgresNIO

extension PostgresStore {
    public func closedCases(filedBefore day: String) throws -> [CaseID] {
        try session { s in
            try s.rows("SELECT case_id FROM cases WHERE workflow_state = 'closed' AND filed_day < \(day) ORDER BY case_id").compactMap { row in
                CaseID(try decodeRow { try row.decode(String.self) })
            }
        }
    }

    public func deleteCase(_ id: CaseID, audit: [[UInt8]]) throws {
        try transaction { s in
            _ = try Self.lockCase(id, in: s)
            for table in ["case_key_wraps", "case_notes", "reporter_inbox", "reporter_answers", "status_tokens"] {
                try s.execute("DELETE FROM \(unescaped: table) WHERE case_id = \(id.rawValue)")
            }
            try s.execute("DELETE FROM cases WHERE case_id = \(id.rawValue)")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }
}
