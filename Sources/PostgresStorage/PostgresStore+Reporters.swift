import Envelope
import Intake
import NIOCore
import PostgresNIO
import Sodium

extension PostgresStore {
    public func insertCase(_ newCase: NewCase, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try transaction { s in
                let duress = newCase.duressVerifier
                try s.execute("""
                    INSERT INTO cases (case_id, filed_day, agency_view, reporter_public_key,
                                       duress_salt, duress_verifier, duress_opslimit, duress_memlimit, receipt_facts)
                    VALUES (\(newCase.id.rawValue), \(newCase.day), \(newCase.agencyView.bytea), \(newCase.reporterPublicKey.bytea),
                            \(duress?.salt.bytea), \(duress?.hash.bytea),
                            \(duress.map { Int64($0.cost.operations) }), \(duress.map { Int64($0.cost.memoryBytes) }),
                            \(newCase.receiptFacts?.bytea))
                    """)
                for (keyID, wrap) in newCase.wraps.sorted(by: { $0.key < $1.key }) {
                    try s.execute("INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (\(newCase.id.rawValue), \(keyID), 0, \(wrap.bytea))")
                }
                for attachment in newCase.attachments {
                    try s.execute("""
                        INSERT INTO case_attachments (case_id, attachment_id, sealed)
                        VALUES (\(newCase.id.rawValue), \(attachment.id.rawValue), \(attachment.sealed.bytea))
                        """)
                }
                try Self.insertToken(newCase.token, in: s)
                try PostgresAuditAppender.append(audit, in: s)
                // After the log's lock, in sorted order: every filing takes the same locks in the
                // same order, so concurrent filings queue rather than deadlock.
                try Self.addTallies(of: newCase, in: s)
            }
        }
    }

    public func token(locator: String) throws -> StoredToken? {
        try session { s in
            guard let row = try s.rows("""
                SELECT case_id, salt, verifier, opslimit, memlimit, reporter_key_wrap, decoy FROM status_tokens WHERE locator = \(locator)
                """).first else { return nil }
            let (rawCaseID, salt, hash, operations, memory, wrap, decoy) = try decodeRow {
                try row.decode((String, ByteBuffer, ByteBuffer, Int64, Int64, ByteBuffer?, Bool).self)
            }
            guard let caseID = CaseID(rawCaseID) else { return nil }
            let verifier = TokenVerifier(salt: [UInt8](bytea: salt), hash: [UInt8](bytea: hash),
                                         cost: PasswordHash.Cost(operations: UInt64(operations), memoryBytes: Int(memory)))
            return StoredToken(locator: locator, caseID: caseID, verifier: verifier, reporterKeyWrap: wrap.map { [UInt8](bytea: $0) },
                               isDecoy: decoy)
        }
    }

    public func reporterCaseData(_ id: CaseID) throws -> ReporterCaseData? {
        // One transaction holding the case row's share lock, so no change to its holders or
        // messages (which lock that row for update) can land between these reads.
        try transaction { s in
            guard let row = try s.rows("""
                SELECT workflow_state, duress_salt, duress_verifier, duress_opslimit, duress_memlimit, reporter_seen_index, filed_day,
                       receipt_facts, duress_flagged
                FROM cases WHERE case_id = \(id.rawValue) FOR SHARE
                """).first else { return nil }
            let (state, salt, hash, operations, memory, seen, filed, facts, flagged) = try decodeRow {
                try row.decode((String, ByteBuffer?, ByteBuffer?, Int64?, Int64?, Int64, String, ByteBuffer?, Bool).self)
            }
            var duress: TokenVerifier?
            if let salt, let hash, let operations, let memory {
                duress = TokenVerifier(salt: [UInt8](bytea: salt), hash: [UInt8](bytea: hash),
                                       cost: PasswordHash.Cost(operations: UInt64(operations), memoryBytes: Int(memory)))
            }
            let inbox = try s.rows("""
                SELECT message_index, sealed, day, from_reporter FROM reporter_inbox WHERE case_id = \(id.rawValue) ORDER BY message_index
                """).map { row in
                let (index, sealed, day, fromReporter) = try decodeRow { try row.decode((Int64, ByteBuffer, String?, Bool).self) }
                return InboxEntry(index: index, sealed: [UInt8](bytea: sealed), day: day, fromReporter: fromReporter)
            }
            let holders = try s.rows("""
                SELECT \(unescaped: Self.keyColumns(of: "k")) FROM agency_keys k WHERE k.revoked_day IS NULL
                AND EXISTS (SELECT 1 FROM case_key_wraps w WHERE w.key_id = k.key_id AND w.case_id = \(id.rawValue))
                ORDER BY k.key_id
                """).map(Self.registeredKey).map(\.publicKey)
            var signingKeys: [String: [UInt8]] = [:]
            for key in try s.rows("SELECT key_id, sign_public_key FROM agency_keys") {
                let (keyID, sign) = try decodeRow { try key.decode((String, ByteBuffer).self) }
                signingKeys[keyID] = [UInt8](bytea: sign)
            }
            return ReporterCaseData(state: CaseState(rawValue: state) ?? .received, duressVerifier: duress,
                                    inbox: inbox, seenThrough: seen, holders: holders, signingKeys: signingKeys, filedDay: filed,
                                    receiptFacts: facts.map { [UInt8](bytea: $0) }, duressFlagged: flagged,
                                    sentTransfer: try Self.transfers(of: id, in: s).first { $0.direction == .sent })
        }
    }

    public func spendToken(_ token: StoredToken, replacement: StoredToken?, answer: SealedReporterAnswer?, seenThrough: Int64?,
                           audit: [[UInt8]]) throws -> SpendOutcome {
        try mappingLocatorCollision {
            try transaction { s -> SpendOutcome in
                // Deleting only the row with this exact verifier makes the spend a compare-and-swap:
                // of two concurrent checks with one token, on one daemon or two, exactly one deletes
                // it (the other's DELETE waits for the row lock, then finds the row gone). A visit
                // going on (no replacement) locks the live row instead, and leaves it.
                if let replacement {
                    let deleted = try s.execute("""
                        DELETE FROM status_tokens WHERE locator = \(token.locator) AND verifier = \(token.verifier.hash.bytea)
                        """)
                    guard deleted == 1 else { return .alreadySpent }
                    try Self.insertToken(replacement, in: s)
                } else {
                    let live = try s.rows("""
                        SELECT 1 FROM status_tokens WHERE locator = \(token.locator) AND verifier = \(token.verifier.hash.bytea) FOR UPDATE
                        """)
                    guard !live.isEmpty else { return .alreadySpent }
                }
                if let answer { try Self.insert(answer, for: token.caseID, in: s) }
                if let seenThrough {
                    try s.execute("""
                        UPDATE cases SET reporter_seen_index = GREATEST(reporter_seen_index, \(seenThrough)) WHERE case_id = \(token.caseID.rawValue)
                        """)
                }
                try PostgresAuditAppender.append(audit, in: s)
                let row = try s.rows("SELECT workflow_state FROM cases WHERE case_id = \(token.caseID.rawValue)").first
                let raw = try row.map { row in try decodeRow { try row.decode(String.self) } }
                return .spent(state: raw.flatMap(CaseState.init(rawValue:)) ?? .received)
            }
        }
    }

    /// Her answer: one copy per key holder, and hers in her thread. A copy goes only to a key that
    /// still holds the case when the check commits (the case row's share lock waits for a change of
    /// holders or a handover in progress): one removed, revoked or handed away meanwhile gets
    /// nothing, and evidence nobody here can open is not kept.
    private static func insert(_ answer: SealedReporterAnswer, for caseID: CaseID, in s: PostgresSession) throws {
        try s.execute("SELECT 1 FROM cases WHERE case_id = \(caseID.rawValue) FOR SHARE")
        var delivered = 0
        for (keyID, sealed) in answer.toHolders.sorted(by: { $0.key < $1.key }) {
            delivered += try s.execute("""
                INSERT INTO reporter_answers (case_id, key_id, sealed, day)
                SELECT \(caseID.rawValue), \(keyID), \(sealed.bytea), \(answer.day)
                WHERE EXISTS (SELECT 1 FROM case_key_wraps WHERE case_id = \(caseID.rawValue) AND key_id = \(keyID))
                """)
        }
        try s.execute("""
            INSERT INTO reporter_inbox (case_id, sealed, day, from_reporter) VALUES (\(caseID.rawValue), \(answer.toReporter.bytea), \(answer.day), TRUE)
            """)
        for attachment in answer.attachments where delivered > 0 {
            try s.execute("""
                INSERT INTO case_attachments (case_id, attachment_id, sealed)
                VALUES (\(caseID.rawValue), \(attachment.id.rawValue), \(attachment.sealed.bytea))
                """)
        }
    }

    public func flagDuress(_ id: CaseID, decoy: StoredToken, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try transaction { s in
                let flagged = try s.execute("UPDATE cases SET duress_flagged = TRUE WHERE case_id = \(id.rawValue)")
                guard flagged == 1 else { throw StoreError.notFound }
                try Self.insertToken(decoy, in: s)
                try PostgresAuditAppender.append(audit, in: s)
            }
        }
    }

    static func insertToken(_ token: StoredToken, in s: PostgresSession) throws {
        try s.execute("""
            INSERT INTO status_tokens (locator, case_id, salt, verifier, opslimit, memlimit, reporter_key_wrap, decoy)
            VALUES (\(token.locator), \(token.caseID.rawValue), \(token.verifier.salt.bytea), \(token.verifier.hash.bytea),
                    \(Int64(token.verifier.cost.operations)), \(Int64(token.verifier.cost.memoryBytes)), \(token.reporterKeyWrap?.bytea),
                    \(token.isDecoy))
            """)
    }

    /// A unique violation on `status_tokens`' key means the random locator is live already.
    func mappingLocatorCollision<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresStoreError where error.sqlState == SQLState.uniqueViolation && error.constraint == "status_tokens_pkey" {
            throw StoreError.locatorTaken
        }
    }
}
