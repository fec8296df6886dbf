import Envelope
import Foundation
import GRDB
import Intake

extension SQLiteStore {
    public func cases(wrappedTo keyID: String) throws -> [CaseSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.case_id, c.workflow_state, c.duress_flagged, c.filed_day,
                       (SELECT COUNT(*) FROM reporter_answers a WHERE a.case_id = c.case_id AND a.key_id = ?1) AS answer_count,
                       max(c.filed_day, coalesce((SELECT max(day) FROM case_notes n WHERE n.case_id = c.case_id), ''),
                           coalesce((SELECT max(day) FROM reporter_inbox i WHERE i.case_id = c.case_id), '')) AS last_activity
                FROM cases c WHERE EXISTS (SELECT 1 FROM case_key_wraps w WHERE w.case_id = c.case_id AND w.key_id = ?1)
                ORDER BY c.filed_day, c.case_id
                """, arguments: [keyID]).compactMap { row in
                guard let id = CaseID(row["case_id"] as String) else { return nil }
                return CaseSummary(id: id, state: CaseState(rawValue: row["workflow_state"]) ?? .received,
                                   duressFlagged: row["duress_flagged"], filedDay: row["filed_day"],
                                   lastActivityDay: row["last_activity"], answerCount: row["answer_count"])
            }
        }
    }

    public func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseFile? {
        try pool.write { db in
            var wraps: [Int: [UInt8]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT epoch, wrap FROM case_key_wraps WHERE case_id = ? AND key_id = ?",
                                        arguments: [id.rawValue, keyID]) {
                wraps[row["epoch"]] = [UInt8](row["wrap"] as Data)
            }
            guard !wraps.isEmpty,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE case_id = ?", arguments: [id.rawValue]) else { return nil }
            let firstIndex = try AuditAppender.size(db)
            try AuditAppender.append(audit, in: db)
            let notes = try Row.fetchAll(db, sql: "SELECT epoch, author_key_id, record, day FROM case_notes WHERE case_id = ? ORDER BY note_index",
                                         arguments: [id.rawValue]).map {
                StoredNote(epoch: $0["epoch"], author: $0["author_key_id"], record: [UInt8]($0["record"] as Data), day: $0["day"])
            }
            let answerRows = try Row.fetchAll(db, sql: "SELECT sealed, day FROM reporter_answers WHERE case_id = ? AND key_id = ? ORDER BY answer_index",
                                              arguments: [id.rawValue, keyID])
            let answers = answerRows.map { [UInt8]($0["sealed"] as Data) }
            return CaseFile(
                id: id, state: CaseState(rawValue: row["workflow_state"]) ?? .received, duressFlagged: row["duress_flagged"],
                epoch: row["key_epoch"], agencyView: [UInt8](row["agency_view"] as Data), wraps: wraps, notes: notes,
                answers: answers, answerDays: answerRows.map { $0["day"] }, holders: try Self.holders(of: id, in: db).sorted(),
                reporterPublicKey: (row["reporter_public_key"] as Data?).map { [UInt8]($0) }, releaseEntryIndex: firstIndex,
                transfers: try Self.transfers(of: id, in: db))
        }
    }

    public func assign(_ id: CaseID, to assignee: String, by: String, wraps: [[UInt8]], forwarded: [[UInt8]], audit: [[UInt8]]) throws {
        try pool.write { db in
            let epoch = try Self.epoch(of: id, in: db)
            let holders = try Self.holders(of: id, in: db)
            guard holders.contains(by) else { throw StoreError.notHolder }
            guard !holders.contains(assignee) else { throw StoreError.conflict("\(assignee) already holds the case") }
            guard wraps.count == epoch + 1 else {
                throw StoreError.conflict("the case is at key epoch \(epoch), so an assignment needs \(epoch + 1) wraps, got \(wraps.count)")
            }
            for (index, wrap) in wraps.enumerated() {
                try db.execute(sql: "INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (?, ?, ?, ?)",
                               arguments: [id.rawValue, assignee, index, Data(wrap)])
            }
            try db.execute(sql: "UPDATE cases SET workflow_state = 'assigned' WHERE case_id = ? AND workflow_state = 'received'",
                           arguments: [id.rawValue])
            if !forwarded.isEmpty {
                let days = try String?.fetchAll(db, sql: "SELECT day FROM reporter_answers WHERE case_id = ? AND key_id = ? ORDER BY answer_index",
                                                arguments: [id.rawValue, by])
                guard days.count == forwarded.count else { throw StoreError.conflict(CaseWorkLimitText.forwardedAnswers(days.count)) }
                for (sealed, day) in zip(forwarded, days) where !sealed.isEmpty {
                    try db.execute(sql: "INSERT INTO reporter_answers (case_id, key_id, sealed, day) VALUES (?, ?, ?, ?)",
                                   arguments: [id.rawValue, assignee, Data(sealed), day])
                }
            }
            try AuditAppender.append(audit, in: db)
        }
    }

    public func changeEpoch(_ id: CaseID, removing removed: String, by: String, epoch: Int, wraps: [String: [UInt8]], audit: [[UInt8]]) throws {
        try pool.write { db in
            let current = try Self.epoch(of: id, in: db)
            let holders = try Self.holders(of: id, in: db)
            guard holders.contains(by) else { throw StoreError.notHolder }
            guard holders.contains(removed) else { throw StoreError.conflict("\(removed) does not hold the case") }
            guard epoch == current + 1 else { throw StoreError.conflict("the next key epoch is \(current + 1), not \(epoch)") }
            guard Set(wraps.keys) == holders.subtracting([removed]) else {
                throw StoreError.conflict("the new epoch's wraps must cover exactly the remaining holders")
            }
            try db.execute(sql: "DELETE FROM case_key_wraps WHERE case_id = ? AND key_id = ?", arguments: [id.rawValue, removed])
            try db.execute(sql: "DELETE FROM reporter_answers WHERE case_id = ? AND key_id = ?", arguments: [id.rawValue, removed])
            for (keyID, wrap) in wraps.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (?, ?, ?, ?)",
                               arguments: [id.rawValue, keyID, epoch, Data(wrap)])
            }
            try db.execute(sql: "UPDATE cases SET key_epoch = ? WHERE case_id = ?", arguments: [epoch, id.rawValue])
            try AuditAppender.append(audit, in: db)
        }
    }

    public func setState(_ id: CaseID, _ state: CaseState, by: String, note: StoredNote?, noteLimit: Int, audit: [[UInt8]]) throws {
        try pool.write { db in
            try Self.requireHolder(by, of: id, in: db)
            guard try !Self.wasHandedOn(id, in: db) else { throw StoreError.conflict(CaseWorkLimitText.handedOn) }
            if let note { try Self.insertNote(note, for: id, limit: noteLimit, in: db) }
            try db.execute(sql: "UPDATE cases SET workflow_state = ? WHERE case_id = ?", arguments: [state.rawValue, id.rawValue])
            try AuditAppender.append(audit, in: db)
        }
    }

    public func addNote(_ id: CaseID, _ note: StoredNote, limit: Int, audit: [[UInt8]]) throws {
        try pool.write { db in
            try Self.requireHolder(note.author, of: id, in: db)
            try Self.insertNote(note, for: id, limit: limit, in: db)
            try AuditAppender.append(audit, in: db)
        }
    }

    public func recordHolderEvent(_ id: CaseID, holder: String, audit: [[UInt8]]) throws {
        try pool.write { db in
            try Self.requireHolder(holder, of: id, in: db)
            try AuditAppender.append(audit, in: db)
        }
    }

    public func reissueToken(_ id: CaseID, token: StoredToken, reporterPublicKey: [UInt8], by: String, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try pool.write { db in
                try Self.requireHolder(by, of: id, in: db)
                let flagged = try Bool.fetchOne(db, sql: "SELECT duress_flagged FROM cases WHERE case_id = ?", arguments: [id.rawValue]) ?? false
                guard !flagged else { throw StoreError.duressFlagged }
                try db.execute(sql: "DELETE FROM status_tokens WHERE case_id = ? AND decoy = 0", arguments: [id.rawValue])
                try Self.insertToken(token, in: db)
                let newest = try Int64.fetchOne(db, sql: "SELECT max(message_index) FROM reporter_inbox WHERE case_id = ?", arguments: [id.rawValue]) ?? 0
                try db.execute(sql: "UPDATE cases SET reporter_public_key = ?, reporter_seen_index = ? WHERE case_id = ?",
                               arguments: [Data(reporterPublicKey), newest, id.rawValue])
                try AuditAppender.append(audit, in: db)
            }
        }
    }

    public func addInboxMessage(_ id: CaseID, sealed: [UInt8], by: String, day: String, limit: Int, audit: [[UInt8]]) throws {
        try pool.write { db in
            try Self.requireHolder(by, of: id, in: db)
            let flagged = try Bool.fetchOne(db, sql: "SELECT duress_flagged FROM cases WHERE case_id = ?", arguments: [id.rawValue]) ?? false
            guard !flagged else { throw StoreError.duressFlagged }
            guard try !Self.wasHandedOn(id, in: db) else { throw StoreError.conflict(CaseWorkLimitText.handedOn) }
            let sent = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reporter_inbox WHERE case_id = ? AND author_key_id = ?",
                                        arguments: [id.rawValue, by]) ?? 0
            guard sent < limit else { throw StoreError.limitReached(CaseWorkLimitText.messages(limit)) }
            try db.execute(sql: "INSERT INTO reporter_inbox (case_id, sealed, author_key_id, day) VALUES (?, ?, ?, ?)",
                           arguments: [id.rawValue, Data(sealed), by, day])
            try AuditAppender.append(audit, in: db)
        }
    }

    public func clearDuress(_ id: CaseID, reason: StoredNote, noteLimit: Int, audit: [[UInt8]]) throws {
        try pool.write { db in
            try Self.requireHolder(reason.author, of: id, in: db)
            try db.execute(sql: "UPDATE cases SET duress_flagged = 0 WHERE case_id = ? AND duress_flagged = 1", arguments: [id.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try Self.insertNote(reason, for: id, limit: noteLimit, in: db)
            try AuditAppender.append(audit, in: db)
        }
    }

    private static func insertNote(_ note: StoredNote, for id: CaseID, limit: Int, in db: Database) throws {
        let epoch = try epoch(of: id, in: db)
        guard note.epoch == epoch else {
            throw StoreError.conflict("new records must be sealed under the key of epoch \(epoch), not \(note.epoch)")
        }
        let written = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_notes WHERE case_id = ? AND author_key_id = ?",
                                       arguments: [id.rawValue, note.author]) ?? 0
        guard written < limit else { throw StoreError.limitReached(CaseWorkLimitText.notes(limit)) }
        try db.execute(sql: "INSERT INTO case_notes (case_id, epoch, author_key_id, record, day) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id.rawValue, note.epoch, note.author, Data(note.record), note.day])
    }

    private static func epoch(of id: CaseID, in db: Database) throws -> Int {
        guard let epoch = try Int.fetchOne(db, sql: "SELECT key_epoch FROM cases WHERE case_id = ?", arguments: [id.rawValue]) else {
            throw StoreError.notFound
        }
        return epoch
    }

    private static func holders(of id: CaseID, in db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT key_id FROM case_key_wraps WHERE case_id = ?", arguments: [id.rawValue]))
    }

    static func requireHolder(_ keyID: String, of id: CaseID, in db: Database) throws {
        _ = try epoch(of: id, in: db)
        guard try holders(of: id, in: db).contains(keyID) else { throw StoreError.notHolder }
    }
}
