import AuditLog

/// A release as a C2SP signed note by the log's key: a first line naming the format, the release's
/// canonical JSON on the second, then the signature. The same key that signs checkpoints, so an
/// auditor who pins the log key (`GET /v1/audit/log-key`) can check a release with nothing else.
public enum ReleaseNote {
    public static let header = "safeintake statistics release v1"

    public static func sign(_ release: StatisticsRelease, with signer: NoteSigner) throws -> String {
        try SignedNote(signing: header + "\n" + release.canonicalJSON + "\n", with: [signer]).encoded
    }

    /// Parses a signed release and, when `key` is given, verifies its signature first.
    public static func open(_ note: String, verifiedWith key: NoteVerifierKey?) throws -> StatisticsRelease {
        let signed = try SignedNote(parsing: note)
        if let key { try signed.verify(key) }
        let lines = signed.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3, lines[0] == header, lines[2].isEmpty else {
            throw StatisticsError(.invalidRelease, "the note is not a statistics release (first line must be '\(header)')")
        }
        return try StatisticsRelease(json: String(lines[1]))
    }
}
