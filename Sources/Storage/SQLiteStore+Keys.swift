import Envelope
import Foundation
import GRDB
import Intake

extension SQLiteStore {
    public func registerAgencyKey(_ key: AgencyPublicKey, receivesNewCases: Bool, team: String, day: String, audit: [[UInt8]]) throws {
        do {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, receives_new_cases, registered_day, team)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key.keyID, key.name, key.role.rawValue, Data(key.boxPublicKey), Data(key.signPublicKey),
                                     receivesNewCases, day, team])
                try AuditAppender.append(audit, in: db)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.duplicateKey
        }
    }

    public func recordKeyRegistration(id: String, audit: [[UInt8]]) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM agency_keys WHERE key_id = ?", arguments: [id]) != nil else {
                throw StoreError.notFound
            }
            try AuditAppender.append(audit, in: db)
        }
    }

    public func revokeAgencyKey(id: String, day: String, audit: [[UInt8]]) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE agency_keys SET revoked_day = ?, receives_new_cases = 0 WHERE key_id = ? AND revoked_day IS NULL",
                           arguments: [day, id])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM case_key_wraps WHERE key_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM reporter_answers WHERE key_id = ?", arguments: [id])
            try AuditAppender.append(audit, in: db)
        }
    }

    public func agencyKey(id: String) throws -> RegisteredKey? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM agency_keys WHERE key_id = ?", arguments: [id]).map(Self.registeredKey)
        }
    }

    public func agencyKeys() throws -> [RegisteredKey] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM agency_keys ORDER BY name")).map(Self.registeredKey)
        }
    }

    static func registeredKey(_ row: Row) throws -> RegisteredKey {
        let publicKey = try AgencyPublicKey(
            name: row["name"], role: AgencyRole(rawValue: row["role"]) ?? .inspector,
            boxPublicKey: [UInt8](row["box_public_key"] as Data), signPublicKey: [UInt8](row["sign_public_key"] as Data))
        return RegisteredKey(publicKey: publicKey, receivesNewCases: row["receives_new_cases"],
                             revoked: row["revoked_day"] as String? != nil, team: row["team"])
    }
}
