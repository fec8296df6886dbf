import PostgresNIO
import Sodium

/// Brings a database up to `PostgresSchema.migrations`, safely when several daemons start at once:
/// everything happens in one transaction under a transaction-level advisory lock, so one daemon
/// migrates while the others wait and then find nothing left to do. PostgreSQL's DDL is
/// transactional, so a migration that fails leaves no half-made schema behind.
enum PostgresMigrator {
    /// The advisory-lock key that serialises migrations (any constant unique to this program).
    static let lockKey: Int64 = 0x5AFE_1274_0000_0001

    static func migrate(_ session: PostgresSession, migrations: [PostgresMigration] = PostgresSchema.migrations) throws {
        try session.transaction { s in
            try s.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
            try s.execute("""
                CREATE TABLE IF NOT EXISTS safeintake_migrations (
                    version INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    checksum BYTEA NOT NULL
                )
                """)
            var applied: [Int: [UInt8]] = [:]
            for row in try s.rows("SELECT version, checksum FROM safeintake_migrations") {
                let (version, checksum) = try decodeRow { try row.decode((Int, ByteBuffer).self) }
                applied[version] = [UInt8](bytea: checksum)
            }
            for migration in migrations {
                if let recorded = applied.removeValue(forKey: migration.version) {
                    guard recorded == migration.checksum else {
                        throw PostgresStoreError(.migrationMismatch, """
                            migration \(migration.version) ("\(migration.description)") in the database differs from this \
                            binary's: a shipped migration was edited. Run the binary that made this database, or restore it from backup
                            """)
                    }
                    continue
                }
                for statement in migration.statements {
                    try s.execute(PostgresQuery(unsafeSQL: statement))
                }
                try s.execute("""
                    INSERT INTO safeintake_migrations (version, description, checksum)
                    VALUES (\(migration.version), \(migration.description), \(migration.checksum.bytea))
                    """)
            }
            if let unknown = applied.keys.min() {
                throw PostgresStoreError(.migrationMismatch, """
                    the database has migration \(unknown), which this binary does not know: it was set up by a newer \
                    SafeIntake. Upgrade this daemon before starting it on this database
                    """)
            }
        }
    }
}

extension PostgresMigration {
    /// SHA-256 over the version, description and statements, each length-prefixed so that no two
    /// different migrations share an encoding.
    var checksum: [UInt8] {
        var encoded: [UInt8] = []
        for part in [String(version), description] + statements {
            let bytes = Array(part.utf8)
            encoded += withUnsafeBytes(of: UInt64(bytes.count).bigEndian, Array.init) + bytes
        }
        return SHA256.hash(encoded)
    }
}

/// Decodes a row, reporting a shape the schema does not allow as `corruptRow`.
func decodeRow<T>(_ body: () throws -> T) throws(PostgresStoreError) -> T {
    do {
        return try body()
    } catch {
        throw PostgresStoreError(.corruptRow, "a row in the database does not have the shape the schema promises (\(error)); was it edited by hand?")
    }
}
