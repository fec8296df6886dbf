import AuditLog
import Storage

/// Whether a signed tree head (`secrets/log-signed-head`) and a database snapshot belong together:
/// the note verifies with the log key and the snapshot's first `size` entries hash to its root.
/// A head larger than the snapshot's log means the snapshot is older than what the log key has
/// already published: restoring it rolls the log back, which auditors will see.
enum SignedHeadCheck {
    enum Outcome {
        /// The snapshot extends the head (or equals it).
        case consistent(Checkpoint)
        /// The head covers more entries than the snapshot holds.
        case snapshotOlder(Checkpoint)
    }

    static func check(note: String, key: NoteVerifierKey, snapshot: SQLiteSnapshot, source: String) throws -> Outcome {
        let head: Checkpoint
        do {
            head = try Checkpoint.verified(from: note, key: key)
        } catch {
            throw CLIFailure("the signed head in \(source) does not verify with the log key \(key.name): \(error.reason)",
                             hint: "it belongs to another deployment, or was altered; use the secrets that belong to this backup")
        }
        guard head.size <= snapshot.logSize else { return .snapshotOlder(head) }
        guard try snapshot.root(size: head.size) == head.rootHash else {
            throw CLIFailure("the database's first \(head.size) audit entries do not hash to the root signed in \(source): the log was rewritten after that checkpoint (a fork)",
                             hint: "restore a backup taken from the same deployment without tampering; auditors would reject this log")
        }
        return .consistent(head)
    }
}
