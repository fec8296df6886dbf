import AuditLog

/// A release as a C2SP signed note by the log's key: a first line naming the format, the release's
/// canonical JSON on the second, then the signature. The same key that signs checkpoints, so an
/// auditor who pins the log key (`GET /v1/audit/log-key`) can check a release with nothing else.
/// The first line names the release's format version (`… v1`, `… v2`), which its JSON repeats.
public enum ReleaseNote {
    /// The first line of a release of format `version`.
    public static func header(version: Int) -> String { "safeintake statistics release v\(version)" }

    /// The first line of the releases written now.
    public static let header = header(version: StatisticsRelease.version)

    public static func sign(_ release: StatisticsRelease, with signer: NoteSigner) throws -> String {
        try SignedNote(signing: header(version: release.version) + "\n" + release.canonicalJSON + "\n", with: [signer]).encoded
    }

    /// Parses a signed release and, when `key` is given, verifies its signature first.
    public static func open(_ note: String, verifiedWith key: NoteVerifierKey?) throws -> StatisticsRelease {
        let signed = try SignedNote(parsing: note)
        if let key { try signed.verify(key) }
        let lines = signed.text.split(separator: "\n", omittingEmptySubsequences: false)
        let headers = StatisticsRelease.supportedVersions.map { header(version: $0) }
        guard lines.count == 3, let version = headers.firstIndex(of: String(lines[0])).map({ StatisticsRelease.supportedVersions.lowerBound + $0 }),
              lines[2].isEmpty else {
            throw StatisticsError(.invalidRelease, "the note is not a statistics release (first line must be one of '\(headers.joined(separator: "', '"))')")
        }
        let release = try StatisticsRelease(json: String(lines[1]))
        guard release.version == version else {
            throw StatisticsError(.invalidRelease, "the note's first line says version \(version) but its release is version \(release.version)")
        }
        return release
    }
}
