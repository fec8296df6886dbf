import Envelope
import Intake
import NIOCore
import PostgresNIO

/// Cases handed between organisations (Docs/format.md §17).
extension PostgresStore {
    public func transferCase(_ id: CaseID, _ transfer: OutgoingTransfer, audit: [[UInt8]]) throws -> Bool {
        try transaction { s in
            // The case row's lock orders the handover with every other change to the case and with
            // her answers (which take its share lock before they look for holders).
            let flagged = try Self.lockCase(id, in: s).duressFlagged
            let by = transfer.statement.by
            try Self.requireHolder(by, of: id, in: s)
            guard try !Self.wasHandedOn(id, in: s) else { throw StoreError.conflict("the case was handed to another organisation already") }
            let state = try s.rows("SELECT workflow_state FROM cases WHERE case_id = \(id.rawValue)").first
                .map { row in try decodeRow { try row.decode(String.self) } } ?? CaseState.received.rawValue
            let record = transfer.record
            try s.execute("""
                INSERT INTO case_transfers (case_id, direction, statement, signature, day, state_before)
                VALUES (\(id.rawValue), 'sent', \(record.statement), \(record.signature.bytea), \(record.day), \(state))
                """)
            if !transfer.statement.keepCopy {
                // Everything sealed for the agency goes; what her own status page needs (her token,
                // reporter key, receipt facts and thread) stays.
                for table in ["case_key_wraps", "case_notes", "reporter_answers", "case_attachments"] {
                    try s.execute("DELETE FROM \(unescaped: table) WHERE case_id = \(id.rawValue)")
                }
                try s.execute("UPDATE case_transfers SET thread = NULL WHERE case_id = \(id.rawValue) AND direction = 'received'")
                try s.execute("UPDATE cases SET agency_view = ''::bytea WHERE case_id = \(id.rawValue)")
            }
            if let notice = transfer.notice, !flagged {
                try s.execute("""
                    INSERT INTO reporter_inbox (case_id, sealed, author_key_id, day) VALUES (\(id.rawValue), \(notice.bytea), \(by), \(transfer.day))
                    """)
            }
            try s.execute("UPDATE cases SET workflow_state = 'transferred' WHERE case_id = \(id.rawValue)")
            try PostgresAuditAppender.append(audit, in: s)
            return transfer.notice != nil && !flagged
        }
    }

    public func importCase(_ imported: ImportedCase, audit: [[UInt8]]) throws {
        do {
            try transaction { s in
                let id = imported.id.rawValue
                let taken = try s.rows("SELECT 1 FROM cases WHERE case_id = \(id) UNION ALL SELECT 1 FROM case_transfers WHERE case_id = \(id)")
                guard taken.isEmpty else { throw StoreError.conflict("case \(imported.id) is here already: this handover was imported before") }
                try s.execute("INSERT INTO cases (case_id, filed_day, agency_view) VALUES (\(id), \(imported.day), \(imported.agencyView.bytea))")
                // Orders the wrap with a concurrent revocation of the holder, as an assignment does.
                try s.execute("SELECT 1 FROM agency_keys WHERE key_id = \(imported.holder) FOR SHARE")
                try s.execute("INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (\(id), \(imported.holder), 0, \(imported.wrap.bytea))")
                for attachment in imported.attachments {
                    try s.execute("""
                        INSERT INTO case_attachments (case_id, attachment_id, sealed) VALUES (\(id), \(attachment.id.rawValue), \(attachment.sealed.bytea))
                        """)
                }
                let record = imported.record
                try s.execute("""
                    INSERT INTO case_transfers (case_id, direction, statement, signature, day, thread)
                    VALUES (\(id), 'received', \(record.statement), \(record.signature.bytea), \(record.day), \(record.thread?.bytea))
                    """)
                try PostgresAuditAppender.append(audit, in: s)
            }
        } catch let error as PostgresStoreError where error.sqlState == SQLState.uniqueViolation && error.constraint == "cases_pkey" {
            // Two daemons importing the same bundle at once: the second finds the first's row.
            throw StoreError.conflict("case \(imported.id) is here already: this handover was imported before")
        }
    }

    /// The case's handovers, received first.
    static func transfers(of id: CaseID, in s: PostgresSession) throws -> [CaseTransferRecord] {
        try s.rows("""
            SELECT direction, statement, signature, day, state_before, thread FROM case_transfers WHERE case_id = \(id.rawValue) ORDER BY direction
            """).compactMap { row in
            let (direction, statement, signature, day, before, thread) = try decodeRow {
                try row.decode((String, String, ByteBuffer, String, String?, ByteBuffer?).self)
            }
            guard let direction = CaseTransferLogEntry.Direction(rawValue: direction) else { return nil }
            return CaseTransferRecord(direction: direction, statement: statement, signature: [UInt8](bytea: signature), day: day,
                                      stateBefore: before.flatMap(CaseState.init(rawValue:)), thread: thread.map { [UInt8](bytea: $0) })
        }
    }

    /// Whether the case was handed to another organisation: its work here is over.
    static func wasHandedOn(_ id: CaseID, in s: PostgresSession) throws -> Bool {
        try !s.rows("SELECT 1 FROM case_transfers WHERE case_id = \(id.rawValue) AND direction = 'sent'").isEmpty
    }
}
