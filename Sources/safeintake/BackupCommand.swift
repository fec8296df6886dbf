import ArgumentParser
import AuditLog
import Envelope
import Foundation
import Intake
import Sodium
import Storage

/// `safeintake backup --data DIR --out FILE` (../shared/CONTRACT.md, "Additions"): a consistent
/// copy of a running daemon's SQLite store in one file, with the signed tree head that belongs to
/// it and, when asked, the secrets folder sealed under a passphrase.
///
/// Order matters: the signed head is read *before* the database is copied. The daemon records a
/// head only for entries already committed, and both only grow, so the head read first is always
/// covered by the copy taken after it; the other order could carry a head newer than the copy, and
/// the restored daemon would (rightly) refuse to start on a log older than its own head.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent snapshot of the data folder (while the daemon runs) to one file.",
        discussion: """
            The file is a tar archive: the database copy (ciphertext only), the signed tree head it is \
            consistent with, the public operator key and log key, and with --with-secrets the secrets \
            folder sealed under a passphrase (Argon2id + secretbox). Without --with-secrets, back up \
            DIR/secrets separately, to another place held by other people. Private keys of inspectors and \
            development keys (DIR/dev-keys) are never included. PostgreSQL deployments: pg_dump (Docs/operations.md).
            """)

    static let databaseEntry = SQLiteStore.fileName
    static let headEntry = SignedHeadFile.fileName
    static let sealedSecretsEntry = "secrets.sealed"
    static let operatorKeyEntry = "operator.pub"
    static let routingEntry = "routing.json"

    @Option(help: "The daemon's data folder.") var data = "./data"
    @Option(help: "The backup file to write (must not exist).") var out: String
    @Flag(help: "Also seal DIR/secrets (token pepper, log signing key, form key) under a passphrase.") var withSecrets = false
    @Option(help: "PostgreSQL deployments are backed up with pg_dump, not this command.") var database: String?
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        umask(0o077)
        guard StoreSelection.databaseURL(option: database) == nil else {
            throw CLIFailure("this deployment keeps its data in PostgreSQL: back it up with pg_dump",
                             hint: "pg_dump --format=custom, and DIR/secrets separately (Docs/operations.md, \"PostgreSQL\")")
        }
        let folder = URL(fileURLWithPath: data)
        let secrets = folder.appendingPathComponent("secrets")
        guard let logKey = try LogVerifierKeyFile.load(folder: folder) else {
            throw CLIFailure("\(folder.path) has no secrets/log-signing.key: it is not a daemon's data folder", hint: "pass the folder given to serve --data")
        }
        // Asked first, so a typo is caught before minutes of copying.
        let sealKey = withSecrets ? try passphrase.readNew(prompt: "Passphrase to seal the secrets in this backup: ") : nil
        let headNote = try? String(contentsOf: secrets.appendingPathComponent(Self.headEntry), encoding: .utf8)
        let outURL = URL(fileURLWithPath: out)
        let work = try PrivateTemporaryFolder(in: outURL.deletingLastPathComponent())
        defer { work.remove() }
        let snapshot = try SQLiteSnapshot.take(of: folder, to: work.url.appendingPathComponent(Self.databaseEntry))
        defer { try? snapshot.closeDatabase() }
        var headSize: UInt64?
        if let headNote {
            switch try SignedHeadCheck.check(note: headNote, key: logKey, snapshot: snapshot, source: "\(secrets.path)/\(Self.headEntry)") {
            case .consistent(let head): headSize = head.size
            case .snapshotOlder(let head):
                throw CLIFailure("the database holds \(snapshot.logSize) audit entries but the log key already signed \(head.size): the database was rolled back underneath the daemon",
                                 hint: "stop and investigate before backing this up: `safeintake audit separation --data \(data)`")
            }
        }
        let manifest = BackupManifest(software: BuildInfo.line, day: CoarseTime().day(),
                                      database_sha256: try FileDigest.sha256Hex(of: snapshot.file), log_size: snapshot.logSize,
                                      log_key: logKey.encoded, signed_head_size: headSize, secrets_sealed: sealKey != nil)
        let archive = try TarWriter(creating: outURL)
        do {
            try archive.add(name: BackupManifest.entryName, data: try manifest.encoded())
            try archive.add(name: Self.databaseEntry, copying: snapshot.file)
            if let headNote { try archive.add(name: Self.headEntry, data: Data(headNote.utf8)) }
            for (entry, file) in [(Self.operatorKeyEntry, secrets.appendingPathComponent("operator.pub")),
                                  (Self.routingEntry, folder.appendingPathComponent("routing.json"))] {
                if let contents = FileManager.default.contents(atPath: file.path) { try archive.add(name: entry, data: contents) }
            }
            if let sealKey { try archive.add(name: Self.sealedSecretsEntry, data: try SealedSecrets.seal(try secretFiles(secrets), passphrase: sealKey)) }
            try archive.finish()
        } catch {
            unlink(outURL.path)  // never leave half a backup that looks whole
            throw error
        }
        print("backup: \(out): \(snapshot.logSize) audit entries, signed head at \(headSize.map(String.init) ?? "none"), database sha256 \(manifest.database_sha256)")
        print(sealKey != nil ? "secrets: sealed under your passphrase (without it they are lost)"
                             : "secrets: NOT included; back up \(secrets.path) separately (restore needs them, or --secrets DIR)")
    }

    /// Every file of the secrets folder except the signed head (carried in the clear, consistent
    /// with the snapshot) and leftovers of an interrupted replace.
    private func secretFiles(_ secrets: URL) throws -> [SealedSecrets.File] {
        let names = try FileManager.default.contentsOfDirectory(atPath: secrets.path).sorted()
        return try names.filter { $0 != Self.headEntry && !$0.hasSuffix(".new") }.compactMap { name in
            let url = secrets.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            var bytes = [UInt8](try Data(contentsOf: url))
            defer { SecureBytes.wipe(&bytes) }
            return SealedSecrets.File(name: name, contents: SecureBytes(copying: bytes))
        }
    }
}
