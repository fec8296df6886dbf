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
        migrator.registerMigration("v2: case work, key epochs, reporter keys, duress, messages") { db in
            try db.execute(sql: """
                ALTER TABLE agency_keys ADD COLUMN team TEXT NOT NULL DEFAULT 'default';
                ALTER TABLE cases ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN reporter_public_key BLOB;
                ALTER TABLE cases ADD COLUMN duress_salt BLOB;
                ALTER TABLE cases ADD COLUMN duress_verifier BLOB;
                ALTER TABLE cases ADD COLUMN duress_opslimit INTEGER;
                ALTER TABLE cases ADD COLUMN duress_memlimit INTEGER;
                ALTER TABLE cases ADD COLUMN duress_flagged INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE status_tokens ADD COLUMN reporter_key_wrap BLOB;
                CREATE TABLE case_key_wraps_v2 (
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    key_id TEXT NOT NULL REFERENCES agency_keys(key_id),
                    epoch INTEGER NOT NULL,
                    wrap BLOB NOT NULL,
                    PRIMARY KEY (case_id, key_id, epoch)
                ) WITHOUT ROWID;
                INSERT INTO case_key_wraps_v2 (case_id, key_id, epoch, wrap) SELECT case_id, key_id, 0, wrap FROM case_key_wraps;
                DROP TABLE case_key_wraps;
                ALTER TABLE case_key_wraps_v2 RENAME TO case_key_wraps;
                CREATE INDEX case_key_wraps_by_key ON case_key_wraps(key_id);
                CREATE TABLE case_notes (
                    note_index INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    epoch INTEGER NOT NULL,
                    author_key_id TEXT NOT NULL,
                    record BLOB NOT NULL
                );
                CREATE INDEX case_notes_by_case ON case_notes(case_id);
                CREATE TABLE reporter_inbox (
                    message_index INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    sealed BLOB NOT NULL
                );
                CREATE INDEX reporter_inbox_by_case ON reporter_inbox(case_id);
                CREATE TABLE reporter_answers (
                    answer_index INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    key_id TEXT NOT NULL,
                    sealed BLOB NOT NULL
                );
                CREATE INDEX reporter_answers_by_case ON reporter_answers(case_id, key_id);
                """)
        }
        migrator.registerMigration("v3: last signed checkpoint, policy history") { db in
            try db.execute(sql: """
                CREATE TABLE signed_checkpoint (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    tree_size INTEGER NOT NULL,
                    note TEXT NOT NULL
                );
                CREATE TABLE policy_history (
                    position INTEGER PRIMARY KEY,
                    policy_hash TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: aggregate firewall tally") { db in
            try db.execute(sql: """
                CREATE TABLE firewall_tally (
                    category TEXT PRIMARY KEY NOT NULL,
                    amount INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5: audit nodes in append order") { db in
            try AuditNodeMigration.keyByAppendOrder(db)
        }
        // Firewall counts are no longer summed into the public log (security review 2026-12, F2):
        // the running tally of the last, unpublished batch goes with its table.
        migrator.registerMigration("v6: no firewall tally") { db in
            try db.execute(sql: "DROP TABLE firewall_tally")
        }
        // Who sent each message to the reporter, so that each key's messages on a case can be
        // counted and capped (issue 17 #7); messages stored before stay without one.
        migrator.registerMigration("v7: message senders") { db in
            try db.execute(sql: """
                ALTER TABLE reporter_inbox ADD COLUMN author_key_id TEXT;
                CREATE INDEX case_notes_by_author ON case_notes(case_id, author_key_id);
                CREATE INDEX reporter_inbox_by_author ON reporter_inbox(case_id, author_key_id);
                """)
        }
        // Statistics (issue 21, Docs/statistics.md): one counter per (month, dimension, cell),
        // incremented in the filing's transaction; nothing per case. Releases are stored whole, as
        // the signed notes the log also carries.
        migrator.registerMigration("v8: statistics tallies and releases") { db in
            try db.execute(sql: """
                CREATE TABLE stat_tallies (
                    month TEXT NOT NULL,
                    dimension TEXT NOT NULL,
                    cell TEXT NOT NULL,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    PRIMARY KEY (month, dimension, cell)
                ) WITHOUT ROWID;
                CREATE TABLE stat_releases (
                    month TEXT PRIMARY KEY NOT NULL,
                    note TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // The reporter's thread (issue 18): the day of each entry, her own answers kept for her
        // (sealed to her key), how far she has read, and decoy tokens handed out under duress;
        // the agency's dated thread (issue 19): the day of each note and answer.
        migrator.registerMigration("v9: dated reporter thread, read mark, decoy tokens") { db in
            try db.execute(sql: """
                ALTER TABLE reporter_inbox ADD COLUMN day TEXT;
                ALTER TABLE reporter_inbox ADD COLUMN from_reporter INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN reporter_seen_index INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE status_tokens ADD COLUMN decoy INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE case_notes ADD COLUMN day TEXT;
                ALTER TABLE reporter_answers ADD COLUMN day TEXT;
                """)
        }
        // Randomised response at rest (Docs/statistics.md, "Randomised tallies"): the exact
        // tallies so far move aside (read only to release their months, deleted when released); new
        // filings add their randomised answers to a fresh `stat_tallies`, under the ε₀ recorded for
        // their month by its first filing.
        migrator.registerMigration("v10: randomised tallies") { db in
            try db.execute(sql: """
                ALTER TABLE stat_tallies RENAME TO stat_tallies_exact;
                CREATE TABLE stat_tallies (
                    month TEXT NOT NULL,
                    dimension TEXT NOT NULL,
                    cell TEXT NOT NULL,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    PRIMARY KEY (month, dimension, cell)
                ) WITHOUT ROWID;
                CREATE TABLE stat_schemes (
                    month TEXT PRIMARY KEY NOT NULL,
                    local_randomisation TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // Evidence (issue 20): each attachment sealed under its own key (Docs/format.md §16);
        // the key is inside the case's sealed agency view, so the server holds ciphertext only.
        // And what a receipt may say (issue 18 #11), sealed to the reporter's key.
        migrator.registerMigration("v11: sealed attachments, receipt facts") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN receipt_facts BLOB;
                CREATE TABLE case_attachments (
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    attachment_id TEXT NOT NULL,
                    sealed BLOB NOT NULL,
                    PRIMARY KEY (case_id, attachment_id)
                );
                """)
        }
        // Cases handed between organisations (issue 19 #5, Docs/format.md §17): the signed
        // statement (public: both logs carry it), its signature, the day; for a case sent, the state
        // her page shows while she is under duress; for one received, its sealed thread.
        migrator.registerMigration("v12: case transfers between organisations") { db in
            try db.execute(sql: """
                CREATE TABLE case_transfers (
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
                    statement TEXT NOT NULL,
                    signature BLOB NOT NULL,
                    day TEXT NOT NULL,
                    state_before TEXT,
                    thread BLOB,
                    PRIMARY KEY (case_id, direction)
                );
                """)
        }
        return migrator
    }
}
