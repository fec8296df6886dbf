import Envelope
import Intake
import NIOCore
import PostgresNIO

extension PostgresStore {
    public func registerAgencyKey(_ key: AgencyPublicKey, receivesNewCases: Bool, team: String, day: String, audit: [[UInt8]]) throws {
        do {
            try transaction { s in
                try s.execute("""
                    INSERT INTO agency_keys (key_id, name, role, box_public_key, sign_public_key, receives_new_cases, registered_day, team)
                    VALUES (\(key.keyID), \(key.name), \(key.role.rawValue), \(key.boxPublicKey.bytea), \(key.signPublicKey.bytea),
                            \(receivesNewCases), \(day), \(team))
                    """)
                try PostgresAuditAppender.append(audit, in: s)
            }
        } catch let error as PostgresStoreError where error.sqlState == SQLState.uniqueViolation {
            throw StoreError.duplicateKey
        }
    }

    public func recordKeyRegistration(id: String, audit: [[UInt8]]) throws {
        try transaction { s in
            guard try !s.rows("SELECT 1 FROM agency_keys WHERE key_id = \(id)").isEmpty else { throw StoreError.notFound }
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func revokeAgencyKey(id: String, day: String, audit: [[UInt8]]) throws {
        try transaction { s in
            let revoked = try s.execute("""
                UPDATE agency_keys SET revoked_day = \(day), receives_new_cases = FALSE WHERE key_id = \(id) AND revoked_day IS NULL
                """)
            guard revoked == 1 else { throw StoreError.notFound }
            try s.execute("DELETE FROM case_key_wraps WHERE key_id = \(id)")
            try s.execute("DELETE FROM reporter_answers WHERE key_id = \(id)")
            try PostgresAuditAppender.append(audit, in: s)
        }
    }

    public func agencyKey(id: String) throws -> RegisteredKey? {
        try session { s in
            try s.rows("SELECT \(unescaped: Self.keyColumns()) FROM agency_keys WHERE key_id = \(id)").first.map(Self.registeredKey)
        }
    }

    public func agencyKeys() throws -> [RegisteredKey] {
        try session { s in
            try s.rows("SELECT \(unescaped: Self.keyColumns()) FROM agency_keys ORDER BY name").map(Self.registeredKey)
        }
    }

    /// The columns `registeredKey` decodes, in its order, optionally qualified by a table alias.
    static func keyColumns(of alias: String? = nil) -> String {
        let prefix = alias.map { $0 + "." } ?? ""
        return ["name", "role", "box_public_key", "sign_public_key", "receives_new_cases", "revoked_day", "team"]
            .map { prefix + $0 }.joined(separator: ", ")
    }

    static func registeredKey(_ row: PostgresRow) throws -> RegisteredKey {
        let (name, role, box, sign, receives, revoked, team) = try decodeRow {
            try row.decode((String, String, ByteBuffer, ByteBuffer, Bool, String?, String).self)
        }
        let publicKey = try AgencyPublicKey(name: name, role: AgencyRole(rawValue: role) ?? .inspector,
                                            boxPublicKey: [UInt8](bytea: box), signPublicKey: [UInt8](bytea: sign))
        return RegisteredKey(publicKey: publicKey, receivesNewCases: receives, revoked: revoked != nil, team: team)
    }
}
