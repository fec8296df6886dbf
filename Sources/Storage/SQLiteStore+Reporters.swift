import Envelope
import Foundation
import GRDB
import Intake
import Sodium

extension SQLiteStore {
    public func insertCase(_ newCase: NewCase, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try commits.write { db in try Self.insert(newCase, audit: audit, in: db) }
        }
    }

    public func insertCaseAwaitingCommit(_ newCase: NewCase, audit: [[UInt8]]) async throws {
        do {
            try await commits.write { db in try Self.insert(newCase, audit: audit, in: db) }
        } catch {
            throw Self.locatorCollision(error) ?? error
        }
    }

    /// Stores many cases in one transaction (one fsync): for importing a caseload and for building
    /// large stores in benchmarks, never for live intake, where each reporter's token waits for her
    /// own commit. Any clash rolls the whole batch back.
    public func insertCases(_ batch: [(newCase: NewCase, audit: [[UInt8]])]) throws {
        try mappingLocatorCollision {
            try pool.write { db in
                for (newCase, audit) in batch { try Self.insert(newCase, audit: audit, in: db) }
            }
        }
    }

    private static func insert(_ newCase: NewCase, audit: [[UInt8]], in db: Database) throws {
        let duress = newCase.duressVerifier
        try db.runCached(sql: """
            INSERT INTO cases (case_id, filed_day, agency_view, reporter_public_key,
                               duress_salt, duress_verifier, duress_opslimit, duress_memlimit, receipt_facts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [newCase.id.rawValue, newCase.day, Data(newCase.agencyView), Data(newCase.reporterPublicKey),
                             duress.map { Data($0.salt) }, duress.map { Data($0.hash) },
                             duress.map { Int64($0.cost.operations) }, duress?.cost.memoryBytes, newCase.receiptFacts.map { Data($0) }])
        for (keyID, wrap) in newCase.wraps.sorted(by: { $0.key < $1.key }) {
            try db.runCached(sql: "INSERT INTO case_key_wraps (case_id, key_id, epoch, wrap) VALUES (?, ?, 0, ?)",
                           arguments: [newCase.id.rawValue, keyID, Data(wrap)])
        }
        for attachment in newCase.attachments {
            try db.runCached(sql: "INSERT INTO case_attachments (case_id, attachment_id, sealed) VALUES (?, ?, ?)",
                             arguments: [newCase.id.rawValue, attachment.id.rawValue, Data(attachment.sealed)])
        }
        try insertToken(newCase.token, in: db)
        try addTallies(of: newCase, in: db)
        try AuditAppender.append(audit, in: db)
    }

    public func token(locator: String) throws -> StoredToken? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM status_tokens WHERE locator = ?", arguments: [locator]).flatMap { row in
                guard let caseID = CaseID(row["case_id"] as String) else { return nil }
                let verifier = TokenVerifier(
                    salt: [UInt8](row["salt"] as Data), hash: [UInt8](row["verifier"] as Data),
                    cost: PasswordHash.Cost(operations: UInt64(row["opslimit"] as Int64), memoryBytes: row["memlimit"]))
                return StoredToken(locator: locator, caseID: caseID, verifier: verifier,
                                   reporterKeyWrap: (row["reporter_key_wrap"] as Data?).map { [UInt8]($0) }, isDecoy: row["decoy"])
            }
        }
    }

    public func reporterCaseData(_ id: CaseID) throws -> ReporterCaseData? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE case_id = ?", arguments: [id.rawValue]) else { return nil }
            var duress: TokenVerifier?
            if let salt = row["duress_salt"] as Data?, let hash = row["duress_verifier"] as Data? {
                duress = TokenVerifier(salt: [UInt8](salt), hash: [UInt8](hash),
                                       cost: PasswordHash.Cost(operations: UInt64(row["duress_opslimit"] as Int64), memoryBytes: row["duress_memlimit"]))
            }
            let inbox = try Row.fetchAll(db, sql: """
                SELECT message_index, sealed, day, from_reporter FROM reporter_inbox WHERE case_id = ? ORDER BY message_index
                """, arguments: [id.rawValue]).map { entry in
                InboxEntry(index: entry["message_index"], sealed: [UInt8](entry["sealed"] as Data), day: entry["day"],
                           fromReporter: entry["from_reporter"])
            }
            let holders = try Row.fetchAll(db, sql: """
                SELECT DISTINCT k.* FROM agency_keys k JOIN case_key_wraps w ON w.key_id = k.key_id
                WHERE w.case_id = ? AND k.revoked_day IS NULL ORDER BY k.key_id
                """, arguments: [id.rawValue]).map(Self.registeredKey).map(\.publicKey)
            var signingKeys: [String: [UInt8]] = [:]
            for key in try Row.fetchAll(db, sql: "SELECT key_id, sign_public_key FROM agency_keys") {
                signingKeys[key["key_id"]] = [UInt8](key["sign_public_key"] as Data)
            }
            return ReporterCaseData(state: CaseState(rawValue: row["workflow_state"]) ?? .received, duressVerifier: duress,
                                    inbox: inbox, seenThrough: row["reporter_seen_index"], holders: holders, signingKeys: signingKeys,
                                    filedDay: row["filed_day"], receiptFacts: (row["receipt_facts"] as Data?).map { [UInt8]($0) },
                                    duressFlagged: row["duress_flagged"],
                                    sentTransfer: try Self.transfers(of: id, in: db).first { $0.direction == .sent })
        }
    }

    public func spendToken(_ token: StoredToken, replacement: StoredToken?, answer: SealedReporterAnswer?, seenThrough: Int64?,
                           audit: [[UInt8]]) throws -> SpendOutcome {
        try mappingLocatorCollision {
            try pool.write { db -> SpendOutcome in
                // Deleting only the row with this exact verifier makes the spend a compare-and-swap:
                // of two concurrent checks with one token, exactly one deletes it. A visit going on
                // (no replacement) needs the token still live, and leaves it.
                if let replacement {
                    try db.runCached(sql: "DELETE FROM status_tokens WHERE locator = ? AND verifier = ?",
                                     arguments: [token.locator, Data(token.verifier.hash)])
                    guard db.changesCount == 1 else { return .alreadySpent }
                    try Self.insertToken(replacement, in: db)
                } else {
                    let live = try Bool.fetchOne(db, sql: "SELECT 1 FROM status_tokens WHERE locator = ? AND verifier = ?",
                                                 arguments: [token.locator, Data(token.verifier.hash)]) ?? false
                    guard live else { return .alreadySpent }
                }
                if let answer { try Self.insert(answer, for: token.caseID, in: db) }
                if let seenThrough {
                    try db.runCached(sql: "UPDATE cases SET reporter_seen_index = max(reporter_seen_index, ?) WHERE case_id = ?",
                                     arguments: [seenThrough, token.caseID.rawValue])
                }
                try AuditAppender.append(audit, in: db)
                let raw = try String.fetchOne(db.cachedStatement(sql: "SELECT workflow_state FROM cases WHERE case_id = ?"),
                                              arguments: [token.caseID.rawValue])
                return .spent(state: raw.flatMap(CaseState.init(rawValue:)) ?? .received)
            }
        }
    }

    /// Her answer: one copy per key holder, and hers in her thread.
    /// A copy goes only to a key that still holds the case when the check commits: one removed,
    /// revoked or handed away meanwhile gets nothing, and evidence nobody here can open is not kept.
    private static func insert(_ answer: SealedReporterAnswer, for caseID: CaseID, in db: Database) throws {
        var delivered = 0
        for (keyID, sealed) in answer.toHolders.sorted(by: { $0.key < $1.key }) {
            try db.runCached(sql: """
                INSERT INTO reporter_answers (case_id, key_id, sealed, day)
                SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM case_key_wraps WHERE case_id = ?1 AND key_id = ?2)
                """, arguments: [caseID.rawValue, keyID, Data(sealed), answer.day])
            delivered += db.changesCount
        }
        try db.runCached(sql: "INSERT INTO reporter_inbox (case_id, sealed, day, from_reporter) VALUES (?, ?, ?, 1)",
                         arguments: [caseID.rawValue, Data(answer.toReporter), answer.day])
        for attachment in answer.attachments where delivered > 0 {
            try db.runCached(sql: "INSERT INTO case_attachments (case_id, attachment_id, sealed) VALUES (?, ?, ?)",
                             arguments: [caseID.rawValue, attachment.id.rawValue, Data(attachment.sealed)])
        }
    }

    public func flagDuress(_ id: CaseID, decoy: StoredToken, audit: [[UInt8]]) throws {
        try mappingLocatorCollision {
            try pool.write { db in
                try db.runCached(sql: "UPDATE cases SET duress_flagged = 1 WHERE case_id = ?", arguments: [id.rawValue])
                guard db.changesCount == 1 else { throw StoreError.notFound }
                try Self.insertToken(decoy, in: db)
                try AuditAppender.append(audit, in: db)
            }
        }
    }

    static func insertToken(_ token: StoredToken, in db: Database) throws {
        try db.runCached(sql: """
            INSERT INTO status_tokens (locator, case_id, salt, verifier, opslimit, memlimit, reporter_key_wrap, decoy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [token.locator, token.caseID.rawValue, Data(token.verifier.salt), Data(token.verifier.hash),
                             Int64(token.verifier.cost.operations), token.verifier.cost.memoryBytes,
                             token.reporterKeyWrap.map { Data($0) }, token.isDecoy])
    }

    /// A primary-key clash on `status_tokens.locator` means the random locator is live already.
    func mappingLocatorCollision<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.locatorCollision(error) ?? error
        }
    }

    /// `StoreError.locatorTaken` when `error` is a clash on a live token's locator.
    static func locatorCollision(_ error: any Error) -> StoreError? {
        guard let error = error as? DatabaseError, error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY,
              (error.message ?? "").contains("status_tokens.locator") else { return nil }
        return .locatorTaken
    }
}
