import Envelope
import Foundation
import GRDB
import Intake

/// Cases handed between organisations (Docs/format.md §17).
extension SQLiteStore {
    public func transferCase(_ id: CaseID, _ transfer: OutgoingTransfer, audit: [[UInt8]]) throws -> Bool {
        try pool.write { db in
            let by = transfer.statement.by
            try Self.requireHolder(by, of: id, in: db)
            guard let row = try Row.fetchOne(db, sql: "SELECT workflow_state, duress_flagged FROM cases WHERE case_id = ?", arguments: [id.rawValue]) else {
                throw StoreError.notFound
            }
            let sentBefore = try Bool.fetchOne(db, sql: "SELECT 1 FROM case_transfers WHERE case_id = ? AND direction = 'sent'",
                                               arguments: [id.rawValue]) ?? false
            guard !sentBefore else { throw StoreError.conflict("the case was handed to another organisation already") }
            let record = transfer.record
            try db.execute(sql: """
                INSERT INTO case_transfers (case_id, direction, statement, signature, day, state_before) VALUES (?, 'sent', ?, ?, ?, ?)
                """, arguments: [id.rawValue, record.statement, Data(record.signature), record.day, row["workflow_state"] as String])
            if !transfer.statement.keepCopy {
                // Everything sealed for the agency goes; what her own status page needs (her token,
                // reporter key, receipt facts and thread) stays.
                for table in ["case_key_wraps", "case_notes", "reporter_answers", "case_attachments"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE case_id = ?", arguments: [id.rawValue])
                }
                try db.execute(sql: "UPDATE case_transfers SET thread = NULL WHERE case_id = ? AND direction = 'received'", arguments: [id.rawValue])
                try db.execute(sql: "UPDATE cases SET agency_view = X'' WHERE case_id = ?", arguments: [id.rawValue])
            }
            let flagged: Bool = row["duress_flagged"]
            if let notice = transfer.notice, !flagged {
                try db.execute(sql: "INSERT INTO reporter_inbox (case_id, sealed, author_key_id, day) VALUES (?, ?, ?, ?)",
                               arguments: [id.rawValue, Data(notice), by, transfer.day])
            }
            try db.execute(sql: "UPDATE cases SET workflow_state = 'transferred' WHERE case_id = ?", arguments: [id.rawValue])
            try AuditAppender.append(audit, in: db)
            return transfer.notice != nil && !flagged
        }
    }

    public func importCase(_ imported: ImportedCase, audit: [[UInt8]]) throws {
        try pool.write { db in
            let taken = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM cases WHERE case_id = ?1 UNION ALL SELECT 1 FROM case_transfers WHERE case_id = ?1
                """, arguments: [imported.id.rawValue]) ?? false
            guard !taken else { throw StoreError.conflict("case \(imported.id) is here already: this handover was imported before") }
            try db.execute(sql: "INSERT INTO cases (case_id, filed_day, agency_view) VALUES (?, ?, ?)",
                           arguments: [imported.id.rawValue, imported.day, Data(imported.agencyView)])
            try db.execute(sql: "INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (?, ?, 0, ?)",
                           arguments: [imported.id.rawValue, imported.holder, Data(imported.wrap)])
            for attachment in imported.attachments {
                try db.execute(sql: "INSERT INTO case_attachments (case_id, attachment_id, sealed) VALUES (?, ?, ?)",
                               arguments: [imported.id.rawValue, attachment.id.rawValue, Data(attachment.sealed)])
            }
            let record = imported.record
            try db.execute(sql: """
                INSERT INTO case_transfers (case_id, direction, statement, signature, day, thread) VALUES (?, 'received', ?, ?, ?, ?)
                """, arguments: [imported.id.rawValue, record.statement, Data(record.signature), record.day, record.thread.map { Data($0) }])
            try AuditAppender.append(audit, in: db)
        }
    }

    /// The case's handovers, received first.
    static func transfers(of id: CaseID, in db: Database) throws -> [CaseTransferRecord] {
        try Row.fetchAll(db, sql: """
            SELECT direction, statement, signature, day, state_before, thread FROM case_transfers WHERE case_id = ? ORDER BY direction
            """, arguments: [id.rawValue]).compactMap { row in
            guard let direction = CaseTransferLogEntry.Direction(rawValue: row["direction"]) else { return nil }
            return CaseTransferRecord(direction: direction, statement: row["statement"], signature: [UInt8](row["signature"] as Data),
                                      day: row["day"], stateBefore: (row["state_before"] as String?).flatMap(CaseState.init(rawValue:)),
                                      thread: (row["thread"] as Data?).map { [UInt8]($0) })
        }
    }

    /// Whether the case was handed to another organisation: its work here is over.
    static func wasHandedOn(_ id: CaseID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM case_transfers WHERE case_id = ? AND direction = 'sent'", arguments: [id.rawValue]) ?? false
    }
}
