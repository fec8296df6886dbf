import GRDB

/// The database schema, as a list of migrations. A migration that has shipped is never edited:
/// changes go in a new one (GRDB's rule, and the only way an existing data folder stays readable).
///
/// What is deliberately absent: no column for immigration status, nationality, document numbers,
/// entry route, IP address or user agent; no plaintext; no token; no time finer than a day.
/// `safeintake audit separation` checks the live schema against this promise.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, wraps, tokens, agency keys, audit log") { db in
            try db.execute(sql: """
                CREATE TABLE agency_keys (
                    key_id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL CHECK (role IN ('inspector', 'supervisor')),
                    box_public_key BLOB NOT NULL,
                    sign_public_key BLOB NOT NULL,
                    receives_new_cases INTEGER NOT NULL DEFAULT 0,
                    registered_day TEXT NOT NULL,
                    revoked_day TEXT
                );
                CREATE TABLE cases (
                    case_id TEXT PRIMARY KEY NOT NULL,
                    workflow_state TEXT NOT NULL DEFAULT 'received',
                    filed_day TEXT NOT NULL,
                    agency_view BLOB NOT NULL
                );
                CREATE TABLE case_key_wraps (
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    key_id TEXT NOT NULL REFERENCES agency_keys(key_id),
                    wrap BLOB NOT NULL,
                    PRIMARY KEY (case_id, key_id)
                ) WITHOUT ROWID;
                CREATE INDEX case_key_wraps_by_key ON case_key_wraps(key_id);
                CREATE TABLE status_tokens (
                    locator TEXT PRIMARY KEY NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    salt BLOB NOT NULL,
                    verifier BLOB NOT NULL,
                    opslimit INTEGER NOT NULL,
                    memlimit INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE audit_entries (
                    entry_index INTEGER PRIMARY KEY NOT NULL,
                    data BLOB NOT NULL
                );
                CREATE TABLE audit_nodes (
                    level INTEGER NOT NULL,
                    node_index INTEGER NOT NULL,
                    hash BLOB NOT NULL,
                    PRIMARY KEY (level, node_index)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
