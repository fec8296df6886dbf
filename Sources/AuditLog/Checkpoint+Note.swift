/// Signing a checkpoint and reading one back from a signed note.
extension Checkpoint {
    /// The checkpoint as a signed note, ready to serve at `/v1/audit/checkpoint`. The daemon should
    /// sign through `CheckpointGuard`, which refuses inconsistent checkpoints.
    public func signedNote(by signer: NoteSigner) throws(AuditLogError) -> SignedNote {
        try SignedNote(signing: text, with: [signer])
    }

    /// Verifies `note`'s signature by `key` and only then parses its text, so that nothing an
    /// unverified note says is ever acted on; finally checks that it names the expected log
    /// (`origin`, by default the key's name), so a checkpoint of another log signed with the same
    /// key is not mistaken for ours.
    public static func verified(from note: SignedNote, key: NoteVerifierKey, origin: String? = nil) throws(AuditLogError) -> Checkpoint {
        try note.verify(key)
        let checkpoint = try Checkpoint(parsing: note.text)
        let expected = origin ?? key.name
        guard checkpoint.origin == expected else {
            throw AuditLogError(.originMismatch, "the checkpoint is for log \"\(checkpoint.origin)\", not \"\(expected)\"")
        }
        return checkpoint
    }

    /// `verified(from:key:origin:)` for a note's text form.
    public static func verified(from note: String, key: NoteVerifierKey, origin: String? = nil) throws(AuditLogError) -> Checkpoint {
        try verified(from: SignedNote(parsing: note), key: key, origin: origin)
    }
}
