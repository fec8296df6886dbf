import Envelope
import Intake
import NIOCore
import PostgresNIO

extension PostgresStore {
    public func cases(wrappedTo keyID: String) throws -> [CaseSummary] {
        try session { s in
            try s.rows("""
                SELECT c.case_id, c.workflow_state, c.duress_flagged, c.filed_day,
                       (SELECT COUNT(*) FROM reporter_answers a WHERE a.case_id = c.case_id AND a.key_id = \(keyID)) AS answer_count,
                       GREATEST(c.filed_day, (SELECT max(day) FROM case_notes n WHERE n.case_id = c.case_id),
                                (SELECT max(day) FROM reporter_inbox i WHERE i.case_id = c.case_id)) AS last_activity
                FROM cases c
                WHERE EXISTS (SELECT 1 FROM case_key_wraps w WHERE w.case_id = c.case_id AND w.key_id = \(keyID))
                ORDER BY c.filed_day, c.case_id
                """).compactMap { row in
                let (id, state, flagged, filed, answers, last) = try decodeRow {
                    try row.decode((String, String, Bool, String, Int64, String).self)
                }
                return CaseID(id).map {
                    CaseSummary(id: $0, state: CaseState(rawValue: state) ?? .received, duressFlagged: flagged, filedDay: filed,
                                lastActivityDay: last, answerCount: Int(answers))
                }
            }
        }
    }

    public func releaseCase(_ id: CaseID, to keyID: String, audit: [[UInt8]]) throws -> CaseFile? {
        try transaction { s in
            // A share lock on the case: no assignment, new epoch or note lands between the reads below.
            guard let row = try s.rows("""
                SELECT workflow_state, duress_flagged, key_epoch, agency_view, reporter_public_key
                FROM cases WHERE case_id = \(id.rawValue) FOR SHARE
                """).first else { return nil }
            var wraps: [Int: [UInt8]] = [:]
            for wrap in try s.rows("SELECT epoch, wrap FROM case_key_wraps WHERE case_id = \(id.rawValue) AND key_id = \(keyID)") {
                let (epoch, bytes) = try decodeRow { try wrap.decode((Int, ByteBuffer).self) }
                wraps[epoch] = [UInt8](bytea: bytes)
            }
            guard !wraps.isEmpty else { return nil }
            let (state, flagged, epoch, view, reporterKey) = try decodeRow {
                try row.decode((String, Bool, Int, ByteBuffer, ByteBuffer?).self)
            }
            let firstIndex = try PostgresAuditAppender.append(audit, in: s)
            let notes = try s.rows("""
                SELECT epoch, author_key_id, record, day FROM case_notes WHERE case_id = \(id.rawValue) ORDER BY note_index
                """).map { note in
                let (epoch, author, record, day) = try decodeRow { try note.decode((Int, String, ByteBuffer, String?).self) }
                return StoredNote(epoch: epoch, author: author, record: [UInt8](bytea: record), day: day)
            }
            let answerRows = try s.rows("""
                SELECT sealed, day FROM reporter_answers WHERE case_id = \(id.rawValue) AND key_id = \(keyID) ORDER BY answer_index
                """).map { answer in try decodeRow { try answer.decode((ByteBuffer, String?).self) } }
            let answers = answerRows.map { [UInt8](bytea: $0.0) }
            return CaseFile(
                id: id, state: CaseState(rawValue: state) ?? .received, duressFlagged: flagged, epoch: epoch,
                agencyView: [UInt8](bytea: view), wraps: wraps, notes: notes, answers: answers, answerDays: answerRows.map(\.1),
                holders: try Self.holders(of: id, in: s).sorted(), reporterPublicKey: reporterKey.map { [UInt8](bytea: $0) },
                releaseEntryIndex: firstIndex, transfers: try Self.transfers(of: id, in: s))
        }
    }

    public func assign(_ id: CaseID, to assignee: String, by: String, wraps: [[UInt8]], forwarded: [[UInt8]], audit: [[UInt8]]) throws {
        try transaction { s in
            let epoch = try Self.lockCase(id, in: s).epoch
            let holders = try Self.holders(of: id, in: s)
            guard holders.contains(by) else { throw StoreError.notHolder }
            guard !holders.contains(assignee) else { throw StoreError.conflict("\(assignee) already holds the case") }
            guard wraps.count == epoch + 1 else {
                throw StoreError.conflict("the case is at key epoch \(epoch), so an assignment needs \(epoch + 1) wraps, got \(wraps.count)")
            }
            // Orders this assignment with a concurrent revocation of the assignee: whichever commits
            // second sees the other (a revocation then deletes this wrap too).
            try s.execute("SELECT 1 FROM agency_keys WHERE key_id = \(assignee) FOR SHARE")
            for (index, wrap) in wraps.enumerated() {
                try s.execute("INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (\(id.rawValue), \(assignee), \(index), \(wrap.bytea))")
            }
            try s.execute("UPDATE cases SET workflow_state = 'assigned' WHERE case_id = \(id.rawValue) AND workflow_state = 'received'")
            if !forwarded.isEmpty {
                let days = try s.rows("SELECT day FROM reporter_answers WHERE case_id = \(id.rawValue) AND key_id = \(by) ORDER BY answer_index")
                    .map { row in try decodeRow { try row.decode(String?.self) } }
                guard days.count == forwarded.count else { throw StoreError.conflict(CaseWorkLimitText.forwardedAnswers(days.count)) }
                for (sealed, day) in zip(forwarded, days) where !sealed.isEmpty {
                    try s.execute("INSERT INTO reporter_answers (case_id, key_id, sealed, day) VALUES (\(id.rawValue), \(assignee), \(sealed.bytea), \(day))")
                }
            }
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func changeEpoch(_ id: CaseID, removing removed: String, by: String, epoch: Int, wraps: [String: [UInt8]], audit: [[UInt8]]) throws {
        try transaction { s in
            let current = try Self.lockCase(id, in: s).epoch
            let holders = try Self.holders(of: id, in: s)
            guard holders.contains(by) else { throw StoreError.notHolder }
            guard holders.contains(removed) else { throw StoreError.conflict("\(removed) does not hold the case") }
            guard epoch == current + 1 else { throw StoreError.conflict("the next key epoch is \(current + 1), not \(epoch)") }
            guard Set(wraps.keys) == holders.subtracting([removed]) else {
                throw StoreError.conflict("the new epoch's wraps must cover exactly the remaining holders")
            }
            try s.execute("DELETE FROM case_key_wraps WHERE case_id = \(id.rawValue) AND key_id = \(removed)")
            try s.execute("DELETE FROM reporter_answers WHERE case_id = \(id.rawValue) AND key_id = \(removed)")
            for (keyID, wrap) in wraps.sorted(by: { $0.key < $1.key }) {
                try s.execute("INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (\(id.rawValue), \(keyID), \(epoch), \(wrap.bytea))")
            }
            try s.execute("UPDATE cases SET key_epoch = \(epoch) WHERE case_id = \(id.rawValue)")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func setState(_ id: CaseID, _ state: CaseState, by: String, note: StoredNote?, noteLimit: Int, audit: [[UInt8]]) throws {
        try transaction { s in
            let epoch = try Self.lockCase(id, in: s).epoch
            try Self.requireHolder(by, of: id, in: s)
            guard try !Self.wasHandedOn(id, in: s) else { throw StoreError.conflict(CaseWorkLimitText.handedOn) }
            if let note { try Self.insertNote(note, for: id, epoch: epoch, limit: noteLimit, in: s) }
            try s.execute("UPDATE cases SET workflow_state = \(state.rawValue) WHERE case_id = \(id.rawValue)")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func addNote(_ id: CaseID, _ note: StoredNote, limit: Int, audit: [[UInt8]]) throws {
        try transaction { s in
            let epoch = try Self.lockCase(id, in: s).epoch
            try Self.requireHolder(note.author, of: id, in: s)
            try Self.insertNote(note, for: id, epoch: epoch, limit: limit, in: s)
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func recordHolderEvent(_ id: CaseID, holder: String, audit: [[UInt8]]) throws {
        try transaction { s in
            _ = try Self.lockCase(id, in: s)
            try Self.requireHolder(holder, of: id, in: s)
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func reissueToken(_ id: CaseID, token: StoredToken, reporterPublicKey: [UInt8], by: String, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try transaction { s in
                let flagged = try Self.lockCase(id, in: s).duressFlagged
                try Self.requireHolder(by, of: id, in: s)
                guard !flagged else { throw StoreError.duressFlagged }
                try s.execute("DELETE FROM status_tokens WHERE case_id = \(id.rawValue) AND decoy = false")
                try Self.insertToken(token, in: s)
                let newest = try s.rows("SELECT coalesce(max(message_index), 0) FROM reporter_inbox WHERE case_id = \(id.rawValue)").first
                    .map { row in try decodeRow { try row.decode(Int64.self) } } ?? 0
                try s.execute("""
                    UPDATE cases SET reporter_public_key = \(reporterPublicKey.bytea), reporter_seen_index = \(newest) WHERE case_id = \(id.rawValue)
                    """)
                try PostgresAuditAppender.append(audit, in: s)
            }
        }
    }

    public func addInboxMessage(_ id: CaseID, sealed: [UInt8], by: String, day: String, limit: Int, audit: [[UInt8]]) throws {
        try transaction { s in
            // The case row's lock also orders concurrent messages, so the count below cannot be overtaken.
            let flagged = try Self.lockCase(id, in: s).duressFlagged
            try Self.requireHolder(by, of: id, in: s)
            guard !flagged else { throw StoreError.duressFlagged }
            guard try !Self.wasHandedOn(id, in: s) else { throw StoreError.conflict(CaseWorkLimitText.handedOn) }
            let sent = try Self.messages(of: id, by: by, in: s)
            guard sent < limit else { throw StoreError.limitReached(CaseWorkLimitText.messages(limit)) }
            try s.execute("""
                INSERT INTO reporter_inbox (case_id, sealed, author_key_id, day) VALUES (\(id.rawValue), \(sealed.bytea), \(by), \(day))
                """)
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func clearDuress(_ id: CaseID, reason: StoredNote, noteLimit: Int, audit: [[UInt8]]) throws {
        try transaction { s in
            let (epoch, flagged) = try Self.lockCase(id, in: s)
            try Self.requireHolder(reason.author, of: id, in: s)
            guard flagged else { throw StoreError.notFound }
            try s.execute("UPDATE cases SET duress_flagged = FALSE WHERE case_id = \(id.rawValue)")
            try Self.insertNote(reason, for: id, epoch: epoch, limit: noteLimit, in: s)
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    private static func insertNote(_ note: StoredNote, for id: CaseID, epoch: Int, limit: Int, in s: PostgresSession) throws {
        guard note.epoch == epoch else {
            throw StoreError.conflict("new records must be sealed under the key of epoch \(epoch), not \(note.epoch)")
        }
        guard try notes(of: id, by: note.author, in: s) < limit else { throw StoreError.limitReached(CaseWorkLimitText.notes(limit)) }
        try s.execute("""
            INSERT INTO case_notes (case_id, epoch, author_key_id, record, day)
            VALUES (\(id.rawValue), \(note.epoch), \(note.author), \(note.record.bytea), \(note.day))
            """)
    }

    /// Notes `author` wrote on the case.
    private static func notes(of id: CaseID, by author: String, in s: PostgresSession) throws -> Int {
        try count(s.rows("SELECT COUNT(*) FROM case_notes WHERE case_id = \(id.rawValue) AND author_key_id = \(author)"))
    }

    /// Messages `author` sent to the case's reporter.
    private static func messages(of id: CaseID, by author: String, in s: PostgresSession) throws -> Int {
        try count(s.rows("SELECT COUNT(*) FROM reporter_inbox WHERE case_id = \(id.rawValue) AND author_key_id = \(author)"))
    }

    private static func count(_ rows: [PostgresRow]) throws -> Int {
        guard let row = rows.first else { return 0 }
        return try decodeRow { try row.decode(Int.self) }
    }

    /// Locks the case's row until the transaction ends, so the checks that follow (holders, epoch,
    /// duress) cannot be overtaken by another daemon's change; `notFound` when there is no such case.
    static func lockCase(_ id: CaseID, in s: PostgresSession) throws -> (epoch: Int, duressFlagged: Bool) {
        guard let row = try s.rows("SELECT key_epoch, duress_flagged FROM cases WHERE case_id = \(id.rawValue) FOR UPDATE").first else {
            throw StoreError.notFound
        }
        let (epoch, flagged) = try decodeRow { try row.decode((Int, Bool).self) }
        return (epoch, flagged)
    }

    private static func holders(of id: CaseID, in s: PostgresSession) throws -> Set<String> {
        Set(try s.rows("SELECT DISTINCT key_id FROM case_key_wraps WHERE case_id = \(id.rawValue)").map { row in
            try decodeRow { try row.decode(String.self) }
        })
    }

    static func requireHolder(_ keyID: String, of id: CaseID, in s: PostgresSession) throws {
        guard try holders(of: id, in: s).contains(keyID) else { throw StoreError.notHolder }
    }
}
