import Foundation

/// `safeintake-backup.json`, the first entry of a backup (Docs/operations.md, "Back up"): what
/// the archive holds, so that `restore` can check it before writing anything. No exact time: the
/// day only, as everywhere else.
struct BackupManifest: Codable {
    static let entryName = "safeintake-backup.json"
    static let formatName = "safeintake-backup"

    var format = formatName
    var version = 1
    /// `safeintake --version` of the binary that wrote it.
    var software: String
    var day: String
    /// SHA-256 of the `safeintake.sqlite` entry.
    var database_sha256: String
    /// Entries in the snapshot's audit log.
    var log_size: UInt64
    /// The log's C2SP verifier key (public).
    var log_key: String?
    /// Size of the signed head carried (`log-signed-head`), read before the snapshot: never larger.
    var signed_head_size: UInt64?
    /// Whether `secrets.sealed` holds the secrets folder under a passphrase.
    var secrets_sealed: Bool

    static func read(from archive: TarReader) throws -> BackupManifest {
        guard let data = try archive.data(entryName) else {
            throw CLIFailure("\(archive.url.path) is not a SafeIntake backup: it has no \(entryName)",
                             hint: "an auditor's bundle (audit export) cannot be restored; pass a file `safeintake backup` wrote")
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data), manifest.format == formatName else {
            throw CLIFailure("the backup's \(entryName) cannot be read")
        }
        guard manifest.version == 1 else {
            throw CLIFailure("backup format version \(manifest.version) is newer than this program reads", hint: "restore it with the SafeIntake version that wrote it (\(manifest.software)) or a later one")
        }
        return manifest
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
