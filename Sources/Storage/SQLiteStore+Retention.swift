import Envelope
import Foundation
import GRDB
import Intake

extension SQLiteStore {
    public func closedCases(filedBefore day: String) throws -> [CaseID] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT case_id FROM cases WHERE workflow_state IN ('closed', 'transferred') AND filed_day < ? ORDER BY case_id",
                                arguments: [day]).compactMap(CaseID.init)
        }
    }

    public func deleteCase(_ id: CaseID, audit: [[UInt8]]) throws {
        try pool.write { db in
            for table in ["case_transfers", "case_attachments", "case_key_wraps", "case_notes", "reporter_inbox", "reporter_answers", "status_tokens"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE case_id = ?", arguments: [id.rawValue])
            }
            try db.execute(sql: "DELETE FROM cases WHERE case_id = ?", arguments: [id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try AuditAppender.append(audit, in: db)
        }
    }
}

extension SQLiteStore {
    public func attachment(_ id: AttachmentID, of caseID: CaseID, for keyID: String) throws -> [UInt8]? {
        try pool.read { db in
            try Data.fetchOne(db, sql: """
                SELECT a.sealed FROM case_attachments a
                WHERE a.case_id = ? AND a.attachment_id = ?
                AND EXISTS (SELECT 1 FROM case_key_wraps w WHERE w.case_id = a.case_id AND w.key_id = ?)
                """, arguments: [caseID.rawValue, id.rawValue, keyID]).map { [UInt8]($0) }
        }
    }
}
