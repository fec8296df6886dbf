import ArgumentParser
import AuditLog
import Envelope
import Firewall
import Foundation
import Intake
import Logging
import PostgresStorage
import SeparationAudit
import Sodium
import Storage

extension AuditCommand {
    /// `safeintake audit export --data DIR --out FILE` (../shared/CONTRACT.md, "Additions"): the
    /// auditor's bundle. A consistent copy of the database (ciphertext, wraps, the log), the
    /// public keys the checks need, the firewall policy and the OpenAPI description of this
    /// version, in one tar file; nothing from `secrets/` but the public operator key, and no
    /// private key (the old hand-over, a copy of the whole data folder, gave an auditor the token
    /// pepper and the log's signing key: issue 22).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the auditor's bundle: database copy, public keys, policy, OpenAPI; nothing secret.",
            discussion: "The auditor runs: safeintake audit separation --data FILE --report report.md")

        @Option(help: "The daemon's data folder.") var data = "./data"
        @Option(help: "The bundle file to write (must not exist).") var out: String
        @Option(help: "The firewall policy file the daemon runs with (serve --policy). Default: the built-in one.") var policy: String?
        @Option(help: "The operator's public key file. Default: DIR/secrets/operator.pub.") var operatorKey: String?
        @Option(help: "A PostgreSQL deployment's database (postgres://...) instead of DIR's SQLite store. Default: $SAFEINTAKE_DATABASE.")
        var database: String?

        func run() async throws {
            umask(0o077)
            let folder = URL(fileURLWithPath: data)
            guard let logKey = try LogVerifierKeyFile.load(folder: folder) else {
                throw CLIFailure("\(folder.path) has no secrets/log-signing.key: it is not a daemon's data folder", hint: "pass the folder given to serve --data")
            }
            let operatorPath = operatorKey ?? folder.appendingPathComponent("secrets/operator.pub").path
            guard let operatorFile = FileManager.default.contents(atPath: operatorPath) else {
                throw CLIFailure("no operator public key at \(operatorPath)", hint: "pass --operator-key operator.pub: check 4 needs it")
            }
            do { _ = try OperatorPublicKey(publicKeyFile: operatorFile) } catch {
                throw CLIFailure("\(operatorPath) is not an operator public key: \(error.reason)")
            }
            let firewallPolicy = try FirewallCommand.loadPolicy(policy)
            let outURL = URL(fileURLWithPath: out)
            let work = try PrivateTemporaryFolder(in: outURL.deletingLastPathComponent())
            defer { work.remove() }
            let snapshot = try copyStore(folder: folder, to: work.url.appendingPathComponent(AuditBundleManifest.databaseEntry))
            defer { try? snapshot.closeDatabase() }
            var checkpointSize: UInt64?
            if let note = snapshot.signedCheckpoint {
                switch try SignedHeadCheck.check(note: note, key: logKey, snapshot: snapshot, source: "the database's signed checkpoint") {
                case .consistent(let head): checkpointSize = head.size
                case .snapshotOlder(let head):
                    throw CLIFailure("the database holds \(snapshot.logSize) audit entries but records a signed checkpoint of \(head.size): entries were removed",
                                     hint: "investigate before handing this over; the auditor's check 6 would fail")
                }
            }
            let manifest = AuditBundleManifest(
                deployment: logKey.name, software: BuildInfo.line, day: CoarseTime().day(),
                database_sha256: try FileDigest.sha256Hex(of: snapshot.file), log_size: snapshot.logSize,
                checkpoint: snapshot.signedCheckpoint, checkpoint_size: checkpointSize, log_key: logKey.encoded,
                policy_sha256: Hex.encode(SHA256.hash(firewallPolicy.bytes)))
            let archive = try TarWriter(creating: outURL)
            do {
                try archive.add(name: AuditBundleManifest.entryName, data: try manifest.encoded())
                try archive.add(name: AuditBundleManifest.databaseEntry, copying: snapshot.file)
                try archive.add(name: AuditBundleManifest.logKeyEntry, data: Data((logKey.encoded + "\n").utf8))
                try archive.add(name: AuditBundleManifest.operatorKeyEntry, data: operatorFile)
                try archive.add(name: AuditBundleManifest.policyEntry, data: Data(firewallPolicy.bytes))
                try archive.add(name: AuditBundleManifest.openAPIEntry, data: Data(BundledOpenAPI.text.utf8))
                try archive.finish()
            } catch {
                unlink(outURL.path)
                throw error
            }
            print("audit bundle: \(out)\(StoreSelection.databaseURL(option: database) == nil ? "" : " (from PostgreSQL)"): deployment \(manifest.deployment), \(snapshot.logSize) audit entries, checkpoint at \(checkpointSize.map(String.init) ?? "none"), database sha256 \(manifest.database_sha256)")
        }

        /// The database copy: `VACUUM INTO` of the SQLite store, or with `--database` (or
        /// `SAFEINTAKE_DATABASE`) every table of the PostgreSQL deployment but its secrets'
        /// fingerprints, read in one consistent transaction and written into a SQLite file the checks
        /// read the same way.
        private func copyStore(folder: URL, to file: URL) throws -> SQLiteSnapshot {
            // The SQLite store is copied without opening it as a store: that would run migrations.
            guard let url = StoreSelection.databaseURL(option: database) else { return try SQLiteSnapshot.take(of: folder, to: file) }
            let store = try PostgresStore(location: try PostgresLocation(url: url), maxConnections: 1, logger: Logger(label: "safeintake"))
            defer { store.shutdown() }
            return try SQLiteSnapshot.write(try store.copyForAudit(), to: file)
        }
    }
}
