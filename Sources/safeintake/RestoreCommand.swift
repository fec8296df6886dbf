import ArgumentParser
import AuditLog
import Envelope
import Foundation
import Sodium
import Storage

/// `safeintake restore FILE --data NEWDIR` (../shared/CONTRACT.md, "Additions"): unpacks a backup
/// into a new, empty data folder, after checking that the database copy is whole and that it
/// extends the signed head that comes with it (from the backup, and from `--secrets DIR` when the
/// secrets were kept apart). A backup older than a head the log key already signed is refused
/// with the reason, unless the operator accepts the rollback in so many words: auditors who saw
/// the later checkpoint will see the log shrink, and the operator should say so publicly first.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a new, empty data folder.",
        discussion: "Then start the daemon on it: safeintake serve --data NEWDIR (Docs/operations.md, \"Restore\").")

    @Argument(help: "The file `safeintake backup` wrote.") var file: String
    @Option(help: "The new data folder: must not exist, or be empty.") var data: String
    @Option(help: "A secrets folder kept apart from the backup (token-pepper, log-signing.key, ...), copied into NEWDIR/secrets.")
    var secrets: String?
    @Flag(help: "Restore even though the log key already signed more entries than this backup holds (auditors will see a rollback).")
    var acceptRollback = false
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        umask(0o077)
        let archive = try TarReader(url: URL(fileURLWithPath: file))
        let manifest = try BackupManifest.read(from: archive)
        let target = URL(fileURLWithPath: data)
        let created = try prepareEmptyFolder(target)
        do {
            try restore(archive, manifest, into: target)
        } catch {
            // Leave nothing half-restored that a daemon could start on.
            if created { try? FileManager.default.removeItem(at: target) } else { emptyFolder(target) }
            throw error
        }
    }

    private func restore(_ archive: TarReader, _ manifest: BackupManifest, into target: URL) throws {
        let secretsFolder = target.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(at: secretsFolder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let database = target.appendingPathComponent(BackupCommand.databaseEntry)
        try archive.extract(BackupCommand.databaseEntry, to: database)
        guard try FileDigest.sha256Hex(of: database) == manifest.database_sha256 else {
            throw CLIFailure("the database in \(file) does not match the hash its manifest records: the file is damaged or was altered")
        }
        let snapshot = try SQLiteSnapshot(file: database)
        defer { try? snapshot.closeDatabase() }
        if let problem = try snapshot.integrityProblem() { throw CLIFailure("the database in \(file) is damaged: \(problem)") }
        guard snapshot.logSize == manifest.log_size else {
            throw CLIFailure("the database in \(file) holds \(snapshot.logSize) audit entries, not the \(manifest.log_size) its manifest records")
        }

        try restoreSecrets(archive, manifest, into: secretsFolder)
        guard let logKey = try LogVerifierKeyFile.load(folder: target) else {
            throw CLIFailure("no log key: neither the backup nor --secrets holds one")
        }
        if let recorded = manifest.log_key, recorded != logKey.encoded {
            throw CLIFailure("the secrets restored belong to another deployment: their log key is \(logKey.name), the backup's \(recorded)",
                             hint: "pass the secrets folder of the deployment this backup was taken from")
        }
        let head = try chooseHead(archive, logKey: logKey, snapshot: snapshot)
        if let head { try FileWriter.writePrivate(Data(head.utf8), to: secretsFolder.appendingPathComponent(SignedHeadFile.fileName)) }
        if let routing = try archive.data(BackupCommand.routingEntry) {
            try FileWriter.writePrivate(routing, to: target.appendingPathComponent(BackupCommand.routingEntry))
        }
        let hasSigningKey = FileManager.default.fileExists(atPath: secretsFolder.appendingPathComponent("log-signing.key").path)
        print("restored: \(data): \(snapshot.logSize) audit entries from \(manifest.day) (\(manifest.software))")
        if !hasSigningKey {
            print("""
                secrets: NOT restored (the backup was made without --with-secrets). Before `safeintake serve --data \(data)`, \
                copy your separately kept secrets folder into \(secretsFolder.path) (or restore again with --secrets DIR): \
                without the token pepper no reporter's token works, and without the log key the daemon cannot continue the log.
                """)
        }
    }

    /// The secrets: sealed in the backup (opened with the passphrase), or from `--secrets DIR`.
    /// The public operator key and log key are written either way, so that the auditor's checks
    /// accept the restored folder.
    private func restoreSecrets(_ archive: TarReader, _ manifest: BackupManifest, into folder: URL) throws {
        if let secrets {
            let source = URL(fileURLWithPath: secrets)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: source.path) else {
                throw CLIFailure("cannot read the secrets folder \(secrets)")
            }
            // The head is chosen below, against the database; interrupted replaces are skipped.
            for name in names.sorted() where name != SignedHeadFile.fileName && !name.hasSuffix(".new") {
                var isFolder: ObjCBool = false
                let path = source.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                guard var bytes = try? [UInt8](Data(contentsOf: path)) else {
                    throw CLIFailure("cannot read \(path.path)", hint: "run restore as a user who can read the secrets folder")
                }
                defer { SecureBytes.wipe(&bytes) }
                try FileWriter.writePrivate(Data(bytes), to: folder.appendingPathComponent(name))
            }
        } else if let sealed = try archive.data(BackupCommand.sealedSecretsEntry) {
            let files: [SealedSecrets.File]
            do {
                files = try SealedSecrets.open(sealed) { try passphrase.read(prompt: "Passphrase of the secrets in \(file): ") }
            } catch let error as EnvelopeError {
                throw CLIFailure("the secrets in \(file) cannot be opened: \(error.reason)")
            }
            for sealedFile in files {
                guard !sealedFile.name.contains("/"), !sealedFile.name.hasPrefix(".") else { continue }
                var bytes = sealedFile.contents.copyBytes()
                defer { SecureBytes.wipe(&bytes) }
                try FileWriter.writePrivate(Data(bytes), to: folder.appendingPathComponent(sealedFile.name))
            }
        }
        let operatorFile = folder.appendingPathComponent("operator.pub")
        if !FileManager.default.fileExists(atPath: operatorFile.path), let operatorKey = try archive.data(BackupCommand.operatorKeyEntry) {
            try FileWriter.writePrivate(operatorKey, to: operatorFile)
        }
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("log-signing.key").path), let logKey = manifest.log_key {
            try FileWriter.writePrivate(Data((logKey + "\n").utf8), to: folder.appendingPathComponent(LogVerifierKeyFile.fileName))
        }
    }

    /// The signed head the restored folder keeps: the larger of the backup's and `--secrets`'
    /// that the database extends. A head beyond the database is a rollback: refused, or with
    /// `--accept-rollback` reported and dropped for the backup's own.
    private func chooseHead(_ archive: TarReader, logKey: NoteVerifierKey, snapshot: SQLiteSnapshot) throws -> String? {
        var candidates: [(note: String, source: String)] = []
        if let note = try archive.data(BackupCommand.headEntry) { candidates.append((String(decoding: note, as: UTF8.self), "the backup")) }
        if let secrets, let note = FileManager.default.contents(atPath: URL(fileURLWithPath: secrets).appendingPathComponent(SignedHeadFile.fileName).path) {
            candidates.append((String(decoding: note, as: UTF8.self), "\(secrets)/\(SignedHeadFile.fileName)"))
        }
        var kept: (note: String, size: UInt64)?
        for candidate in candidates {
            switch try SignedHeadCheck.check(note: candidate.note, key: logKey, snapshot: snapshot, source: candidate.source) {
            case .consistent(let head):
                if head.size >= kept?.size ?? 0 { kept = (candidate.note, head.size) }
            case .snapshotOlder(let head):
                let rollback = """
                    ROLLBACK: this backup's audit log ends at \(snapshot.logSize) entries, but the log key already signed a checkpoint \
                    of \(head.size) entries (\(candidate.source)). The backup is older than what the log has published: every auditor \
                    and inspector who saw a checkpoint beyond \(snapshot.logSize) will see the log shrink (audit verify fails with \
                    "rollback"), and complaints filed after the backup are lost
                    """
                guard acceptRollback else {
                    throw CLIFailure(rollback + ".", hint: "restore a newer backup if there is one; if not, pass --accept-rollback and tell your auditors before they find it")
                }
                FileHandle.standardError.write(Data("warning: \(rollback); restoring anyway (--accept-rollback).\n".utf8))
            }
        }
        return kept?.note
    }

    /// Creates `target` (returns true) or checks that it is an empty folder (returns false).
    private func prepareEmptyFolder(_ target: URL) throws -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) {
            guard isFolder.boolValue, (try FileManager.default.contentsOfDirectory(atPath: target.path)).isEmpty else {
                throw CLIFailure("\(target.path) is not an empty folder: restore writes only into a new or empty one",
                                 hint: "choose a new --data folder; a restore never overwrites a data folder")
            }
            _ = chmod(target.path, 0o700)
            return false
        }
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return true
    }

    private func emptyFolder(_ target: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? [] {
            try? FileManager.default.removeItem(at: target.appendingPathComponent(name))
        }
    }
}
