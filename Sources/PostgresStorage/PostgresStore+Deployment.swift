import NIOCore
import PostgresNIO
import Sodium

/// What every daemon on one database must share, in a form the database may hold: the audit log's
/// public verifier key, and keyed BLAKE2b hashes of fixed labels under the token pepper and the
/// reporter pages' form-token key (which say nothing about those keys but whether two daemons
/// have the same ones).
///
/// Daemons with another pepper would reject every token the others issued; another form-token key,
/// every form the others served; another log key would sign checkpoints of the same log under two
/// names. All are set-up mistakes the database can catch at start, before any reporter meets them.
public struct DeploymentFingerprint: Sendable, Equatable {
    static let pepperCheckLabel = Array("safeintake/pepper-check/v1".utf8)
    static let formKeyCheckLabel = Array("safeintake/form-key-check/v1".utf8)

    public let logVerifierKey: String
    public let pepperCheck: [UInt8]
    public let formKeyCheck: [UInt8]

    public init(logVerifierKey: String, tokenPepper: SecureBytes, formTokenKey: SecureBytes) throws {
        self.logVerifierKey = logVerifierKey
        self.pepperCheck = try Self.check(Self.pepperCheckLabel, under: tokenPepper)
        self.formKeyCheck = try Self.check(Self.formKeyCheckLabel, under: formTokenKey)
    }

    private static func check(_ label: [UInt8], under key: SecureBytes) throws -> [UInt8] {
        try label.withUnsafeBytes { try GenericHash.keyedHash($0, key: key).copyBytes() }
    }
}

extension PostgresStore {
    /// Records this deployment's fingerprint if the database has none yet; otherwise checks that
    /// this daemon's matches. Returns true when this call recorded it (a first start).
    @discardableResult
    public func bindDeployment(_ fingerprint: DeploymentFingerprint) throws -> Bool {
        try transaction { s in
            let inserted = try s.execute("""
                INSERT INTO deployment (singleton, log_verifier_key, pepper_check, form_key_check)
                VALUES (TRUE, \(fingerprint.logVerifierKey), \(fingerprint.pepperCheck.bytea), \(fingerprint.formKeyCheck.bytea))
                ON CONFLICT (singleton) DO NOTHING
                """)
            // A database set up before migration 2 adopts the first form-token key it is shown.
            try s.execute("UPDATE deployment SET form_key_check = \(fingerprint.formKeyCheck.bytea) WHERE form_key_check IS NULL")
            guard let row = try s.rows("SELECT log_verifier_key, pepper_check, form_key_check FROM deployment").first else {
                throw PostgresStoreError(.corruptRow, "the deployment row vanished while it was being recorded")
            }
            let (logKey, pepperCheck, formKeyCheck) = try decodeRow { try row.decode((String, ByteBuffer, ByteBuffer).self) }
            guard logKey == fingerprint.logVerifierKey else {
                throw PostgresStoreError(.secretsMismatch, """
                    this daemon's audit-log key (\(fingerprint.logVerifierKey)) is not the key this database's log is signed \
                    with (\(logKey)). Every daemon on one database needs the same secrets: copy the secrets folder of the \
                    first daemon into this daemon's data folder (Docs/operations.md, "PostgreSQL")
                    """)
            }
            guard ConstantTime.equals([UInt8](bytea: pepperCheck), fingerprint.pepperCheck) else {
                throw PostgresStoreError(.secretsMismatch, """
                    this daemon's token pepper is not the one the other daemons on this database use, so tokens would \
                    fail on one daemon and work on another. Copy the secrets folder of the first daemon into this \
                    daemon's data folder (Docs/operations.md, "PostgreSQL")
                    """)
            }
            guard ConstantTime.equals([UInt8](bytea: formKeyCheck), fingerprint.formKeyCheck) else {
                throw PostgresStoreError(.secretsMismatch, """
                    this daemon's form-token key is not the one the other daemons on this database use, so a reporter's \
                    form served by one daemon would be refused by another. Copy the secrets folder of the first daemon \
                    into this daemon's data folder (Docs/operations.md, "PostgreSQL")
                    """)
            }
            return inserted == 1
        }
    }

    /// The durability settings as the server reports them on a live session, for tests and the
    /// operator's checks: synchronous_commit, fsync, full_page_writes, transaction_isolation.
    public func effectiveSettings() throws -> [String: String] {
        try session { s in
            var settings: [String: String] = [:]
            for name in ["synchronous_commit", "fsync", "full_page_writes", "transaction_isolation"] {
                let row = try s.rows("SELECT current_setting(\(name))").first
                settings[name] = try row.map { row in try decodeRow { try row.decode(String.self) } }
            }
            return settings
        }
    }

    /// The store's tables and their columns with their types (`table → column → type`), for the
    /// separation checks.
    public func schemaColumns() throws -> [String: [String: String]] {
        try session { s in
            var columns: [String: [String: String]] = [:]
            for row in try s.rows("""
                SELECT table_name::TEXT, column_name::TEXT, data_type::TEXT FROM information_schema.columns
                WHERE table_schema = current_schema()
                """) {
                let (table, column, type) = try decodeRow { try row.decode((String, String, String).self) }
                columns[table, default: [:]][column] = type
            }
            return columns
        }
    }
}
