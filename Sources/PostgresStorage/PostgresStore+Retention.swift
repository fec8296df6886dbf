import Envelope
import Intake
import NIOCore
import PostgresNIO

extension PostgresStore {
    public func closedCases(filedBefore day: String) throws -> [CaseID] {
        try session { s in
            try s.rows("SELECT case_id FROM cases WHERE workflow_state IN ('closed', 'transferred') AND filed_day < \(day) ORDER BY case_id").compactMap { row in
                CaseID(try decodeRow { try row.decode(String.self) })
            }
        }
    }

    public func deleteCase(_ id: CaseID, audit: [[UInt8]]) throws {
        try transaction { s in
            _ = try Self.lockCase(id, in: s)
            for table in ["case_transfers", "case_attachments", "case_key_wraps", "case_notes", "reporter_inbox", "reporter_answers", "status_tokens"] {
                try s.execute("DELETE FROM \(unescaped: table) WHERE case_id = \(id.rawValue)")
            }
            try s.execute("DELETE FROM cases WHERE case_id = \(id.rawValue)")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }
}

extension PostgresStore {
    public func attachment(_ id: AttachmentID, of caseID: CaseID, for keyID: String) throws -> [UInt8]? {
        try session { s in
            guard let row = try s.rows("""
                SELECT a.sealed FROM case_attachments a
                WHERE a.case_id = \(caseID.rawValue) AND a.attachment_id = \(id.rawValue)
                AND EXISTS (SELECT 1 FROM case_key_wraps w WHERE w.case_id = a.case_id AND w.key_id = \(keyID))
                """).first else { return nil }
            return [UInt8](bytea: try decodeRow { try row.decode(ByteBuffer.self) })
        }
    }
}
