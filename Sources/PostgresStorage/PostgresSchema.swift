/// The PostgreSQL schema, as a list of migrations. A migration that has shipped is never edited:
/// changes go in a new one. Each applied migration's checksum is recorded, and a daemon whose copy
/// of a shipped migration differs refuses to start rather than run on a schema it does not know.
///
/// The privacy promises are those of the SQLite schema (`Storage/Schema.swift`): no column for
/// immigration status, nationality, document numbers, entry route, IP address or user agent; no
/// plaintext; no token; no time finer than a day. Here the days are also checked by the database
/// (`YYYY-MM-DD` and nothing else), and no column has a date or time type.
enum PostgresSchema {
    static let migrations: [PostgresMigration] = [
        // The SQLite schema's v1–v4 in one step (this backend shipped after them).
        PostgresMigration(version: 1, description: "cases, wraps, tokens, case work, agency keys, audit log, deployment", statements: [
            """
            CREATE TABLE agency_keys (
                key_id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('inspector', 'supervisor')),
                box_public_key BYTEA NOT NULL,
                sign_public_key BYTEA NOT NULL,
                receives_new_cases BOOLEAN NOT NULL DEFAULT FALSE,
                team TEXT NOT NULL DEFAULT 'default',
                registered_day TEXT NOT NULL CHECK (registered_day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
                revoked_day TEXT CHECK (revoked_day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
            )
            """,
            """
            CREATE TABLE cases (
                case_id TEXT PRIMARY KEY,
                workflow_state TEXT NOT NULL DEFAULT 'received',
                filed_day TEXT NOT NULL CHECK (filed_day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
                agency_view BYTEA NOT NULL,
                key_epoch INTEGER NOT NULL DEFAULT 0 CHECK (key_epoch >= 0),
                reporter_public_key BYTEA,
                duress_salt BYTEA,
                duress_verifier BYTEA,
                duress_opslimit BIGINT,
                duress_memlimit BIGINT,
                duress_flagged BOOLEAN NOT NULL DEFAULT FALSE
            )
            """,
            """
            CREATE TABLE case_key_wraps (
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                key_id TEXT NOT NULL REFERENCES agency_keys(key_id),
                epoch INTEGER NOT NULL CHECK (epoch >= 0),
                wrap BYTEA NOT NULL,
                PRIMARY KEY (case_id, key_id, epoch)
            )
            """,
            "CREATE INDEX case_key_wraps_by_key ON case_key_wraps(key_id)",
            """
            CREATE TABLE case_notes (
                note_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                epoch INTEGER NOT NULL,
                author_key_id TEXT NOT NULL,
                record BYTEA NOT NULL
            )
            """,
            "CREATE INDEX case_notes_by_case ON case_notes(case_id)",
            """
            CREATE TABLE reporter_inbox (
                message_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                sealed BYTEA NOT NULL
            )
            """,
            "CREATE INDEX reporter_inbox_by_case ON reporter_inbox(case_id)",
            """
            CREATE TABLE reporter_answers (
                answer_index BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                key_id TEXT NOT NULL,
                sealed BYTEA NOT NULL
            )
            """,
            "CREATE INDEX reporter_answers_by_case ON reporter_answers(case_id, key_id)",
            """
            CREATE TABLE status_tokens (
                locator TEXT PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                salt BYTEA NOT NULL,
                verifier BYTEA NOT NULL,
                opslimit BIGINT NOT NULL,
                memlimit BIGINT NOT NULL,
                reporter_key_wrap BYTEA
            )
            """,
            """
            CREATE TABLE audit_entries (
                entry_index BIGINT PRIMARY KEY CHECK (entry_index >= 0),
                data BYTEA NOT NULL
            )
            """,
            """
            CREATE TABLE audit_nodes (
                level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 63),
                node_index BIGINT NOT NULL CHECK (node_index >= 0),
                hash BYTEA NOT NULL CHECK (length(hash) = 32),
                PRIMARY KEY (level, node_index)
            )
            """,
            // The one row every append locks (SELECT ... FOR UPDATE): appends from all daemons
            // queue here, so the log has one sequence and one Merkle tree.
            """
            CREATE TABLE audit_log_head (
                singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
                size BIGINT NOT NULL CHECK (size >= 0)
            )
            """,
            "INSERT INTO audit_log_head (singleton, size) VALUES (TRUE, 0)",
            """
            CREATE TABLE signed_checkpoint (
                singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
                tree_size BIGINT NOT NULL,
                note TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE policy_history (
                position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                policy_hash TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE firewall_tally (
                category TEXT PRIMARY KEY,
                amount BIGINT NOT NULL
            )
            """,
            // What every daemon on this database must share: the log's public key and a keyed
            // hash of the token pepper (which reveals nothing about the pepper).
            """
            CREATE TABLE deployment (
                singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
                log_verifier_key TEXT NOT NULL,
                pepper_check BYTEA NOT NULL
            )
            """,
        ]),
        PostgresMigration(version: 2, description: "deployment: check of the reporter pages' form-token key", statements: [
            "ALTER TABLE deployment ADD COLUMN form_key_check BYTEA",
        ]),
        // Firewall counts are no longer summed into the public log (security review 2026-12, F2).
        PostgresMigration(version: 3, description: "no firewall tally", statements: [
            "DROP TABLE firewall_tally",
        ]),
        // As the SQLite schema's v7: each message's sender, so each key's messages on a case can be capped.
        PostgresMigration(version: 4, description: "message senders", statements: [
            "ALTER TABLE reporter_inbox ADD COLUMN author_key_id TEXT",
            "CREATE INDEX case_notes_by_author ON case_notes(case_id, author_key_id)",
            "CREATE INDEX reporter_inbox_by_author ON reporter_inbox(case_id, author_key_id)",
        ]),
        // As the SQLite schema's v8 (issue 21, Docs/statistics.md): one counter per (month,
        // dimension, cell), incremented in the filing's transaction; nothing per case. Releases are
        // stored whole, as the signed notes the log also carries.
        PostgresMigration(version: 5, description: "statistics tallies and releases", statements: [
            """
            CREATE TABLE stat_tallies (
                month TEXT NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
                dimension TEXT NOT NULL,
                cell TEXT NOT NULL,
                amount BIGINT NOT NULL CHECK (amount >= 0),
                PRIMARY KEY (month, dimension, cell)
            )
            """,
            """
            CREATE TABLE stat_releases (
                month TEXT PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
                note TEXT NOT NULL
            )
            """,
        ]),
        // As the SQLite schema's v9: the reporter's dated thread, her read mark, decoy tokens, days of notes and answers.
        PostgresMigration(version: 6, description: "dated reporter thread, read mark, decoy tokens", statements: [
            "ALTER TABLE reporter_inbox ADD COLUMN day TEXT",
            "ALTER TABLE reporter_inbox ADD COLUMN from_reporter BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE cases ADD COLUMN reporter_seen_index BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE status_tokens ADD COLUMN decoy BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE case_notes ADD COLUMN day TEXT",
            "ALTER TABLE reporter_answers ADD COLUMN day TEXT",
        ]),
        // As the SQLite schema's v10: randomised response at rest; the exact tallies move aside.
        PostgresMigration(version: 7, description: "randomised tallies", statements: [
            "ALTER TABLE stat_tallies RENAME TO stat_tallies_exact",
            "ALTER INDEX stat_tallies_pkey RENAME TO stat_tallies_exact_pkey",
            """
            CREATE TABLE stat_tallies (
                month TEXT NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
                dimension TEXT NOT NULL,
                cell TEXT NOT NULL,
                amount BIGINT NOT NULL CHECK (amount >= 0),
                PRIMARY KEY (month, dimension, cell)
            )
            """,
            """
            CREATE TABLE stat_schemes (
                month TEXT PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
                local_randomisation TEXT NOT NULL
            )
            """,
        ]),
        // Evidence (issue 20): ciphertext only; each key is inside the sealed agency view.
        PostgresMigration(version: 8, description: "sealed attachments, receipt facts", statements: [
            "ALTER TABLE cases ADD COLUMN receipt_facts BYTEA",
            """
            CREATE TABLE case_attachments (
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                attachment_id TEXT NOT NULL,
                sealed BYTEA NOT NULL,
                PRIMARY KEY (case_id, attachment_id)
            )
            """,
        ]),
        // As the SQLite schema's v12 (issue 19 #5, Docs/format.md §17): cases handed between organisations.
        PostgresMigration(version: 9, description: "case transfers between organisations", statements: [
            """
            CREATE TABLE case_transfers (
                case_id TEXT NOT NULL REFERENCES cases(case_id),
                direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
                statement TEXT NOT NULL,
                signature BYTEA NOT NULL,
                day TEXT NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
                state_before TEXT,
                thread BYTEA,
                PRIMARY KEY (case_id, direction)
            )
            """,
        ]),
        // Issue 22 #8: what the guards and the agency challenges of several daemons share
        // (Docs/abuse-resistance.md, "Several daemons"). UNLOGGED: never in the write-ahead log (so
        // not on replicas nor in WAL archives), emptied by a crash, left out of `pg_basebackup`;
        // `pg_dump` copies their rows unless given `--no-unlogged-table-data` (Docs/operations.md).
        // No time type (the schema has none): times are Unix seconds, kept only as long as needed.
        PostgresMigration(version: 10, description: "shared guard state and agency challenges (unlogged)", statements: [
            // A global cap's token bucket. refilled_at (Unix seconds, the server's clock) only while
            // the bucket refills; a full bucket is written back without it.
            """
            CREATE UNLOGGED TABLE guard_buckets (
                name TEXT PRIMARY KEY,
                tokens DOUBLE PRECISION NOT NULL,
                refilled_at DOUBLE PRECISION
            )
            """,
            // Complaints and previews per minute (Unix minute): the current and the previous only.
            """
            CREATE UNLOGGED TABLE guard_intake_minutes (
                minute BIGINT PRIMARY KEY,
                complaints BIGINT NOT NULL CHECK (complaints >= 0)
            )
            """,
            // Proof-of-work challenge ids used, until their expiry rounded up to a quarter hour.
            """
            CREATE UNLOGGED TABLE guard_spent_proofs (
                challenge_id BYTEA PRIMARY KEY CHECK (length(challenge_id) = 16),
                expires BIGINT NOT NULL
            )
            """,
            // Status checks per locator in the current window: a keyed hash under that window's
            // key (never the locator), and a count.
            """
            CREATE UNLOGGED TABLE guard_locator_checks (
                window_number BIGINT NOT NULL,
                digest BYTEA NOT NULL CHECK (length(digest) = 16),
                checks INTEGER NOT NULL CHECK (checks > 0),
                PRIMARY KEY (window_number, digest)
            )
            """,
            // Agency challenges handed out and not yet used: deleted on first use.
            """
            CREATE UNLOGGED TABLE agency_challenges (
                challenge TEXT PRIMARY KEY,
                key_id TEXT NOT NULL,
                expires BIGINT NOT NULL
            )
            """,
        ]),
    ]
}

/// One step of the schema's history.
struct PostgresMigration: Sendable {
    let version: Int
    let description: String
    let statements: [String]
}
