import AuditLog
import Envelope
import Foundation
import Intake
import Logging
import Sodium

/// The daemon's data folder: the SQLite database, the secrets kept outside it, and on a first start
/// in an empty folder a development key set.
///
/// ```
/// DIR/safeintake.sqlite        ciphertext, wraps, token verifiers, audit log (+ -wal, -shm)
/// DIR/secrets/token-pepper     32 random bytes keying token verifiers (never in the database)
/// DIR/secrets/log-signing.key  Ed25519 seed of the audit log's checkpoint key
/// DIR/secrets/log-signed-head  the last checkpoint that key signed (kept outside the database)
/// DIR/secrets/operator.pub     the operator's public key: only keys it registered get cases
/// DIR/dev-keys/*.key, *.pub    development keys, created only on first start in an empty folder
///                              when the store has no agency keys yet, with a development operator
///                              key (operator.key, operator.pub) that signs their registrations
/// ```
///
/// With PostgreSQL (`serve --database`) the folder holds no database, only the secrets and dev
/// keys, and every daemon on one database needs a copy of the same `secrets/` (the database
/// records a fingerprint of them and refuses a daemon with others).
struct DataFolder {
    static let devKeyNames: [(name: String, role: AgencyRole, receivesNewCases: Bool)] = [
        ("supervisor", .supervisor, true), ("inspector-1", .inspector, true), ("inspector-2", .inspector, false),
    ]

    let url: URL
    var secrets: URL { url.appendingPathComponent("secrets") }
    var devKeys: URL { url.appendingPathComponent("dev-keys") }

    /// Creates the folder and its secrets as needed. Returns whether the folder was new (empty).
    static func prepare(at url: URL) throws -> (folder: DataFolder, wasEmpty: Bool) {
        let manager = FileManager.default
        let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
        try manager.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let folder = DataFolder(url: url)
        try manager.createDirectory(at: folder.secrets, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try folder.restrictToOwner()
        return (folder, contents.isEmpty)
    }

    /// Takes group and other permissions away from the folder and everything in it (a folder an
    /// operator made 0755, files an earlier version made 0644): only the daemon's user may read
    /// any of it (security review 2026-12, I2). New files are owner-only anyway (`serve`'s umask).
    func restrictToOwner() throws {
        var paths = [url.path]
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            while let relative = walker.nextObject() as? String { paths.append(url.appendingPathComponent(relative).path) }
        }
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & 0o170000 != 0o120000, info.st_mode & 0o077 != 0 else { continue }
            guard chmod(path, info.st_mode & 0o700) == 0 else {
                throw SetupError("cannot make \(path) owner-only (\(String(cString: strerror(errno)))): chmod go-rwx it, or run as its owner")
            }
        }
    }

    /// The token pepper, created on first use. Losing it invalidates every live token (by design:
    /// that is also how an operator revokes them all at once).
    func tokenPepper() throws -> SecureBytes {
        try secret(named: "token-pepper", count: 32)
    }

    /// The audit log's signing key, created on first use.
    func logSigningKey() throws -> SigningKeyPair {
        try SigningKeyPair(seed: secret(named: "log-signing.key", count: SigningKeyPair.seedBytes))
    }

    /// The last checkpoint the log key signed, kept beside it (`SignedHeadFile`).
    var signedHead: SignedHeadFile { SignedHeadFile(folder: secrets) }

    /// The key of the reporter pages' form tokens, created on first use; shared by every daemon
    /// that shares this secrets folder, so a form served by one is accepted by another.
    func formTokenKey() throws -> SecureBytes {
        try secret(named: "form-token.key", count: 32)
    }

    private func secret(named name: String, count: Int) throws -> SecureBytes {
        let file = secrets.appendingPathComponent(name)
        if var existing = try? [UInt8](Data(contentsOf: file)) {
            defer { SecureBytes.wipe(&existing) }
            guard existing.count == count else {
                throw SetupError("\(file.path) should hold \(count) bytes but holds \(existing.count); restore it from backup or remove the data folder")
            }
            return SecureBytes(copying: existing, guarded: true)
        }
        let fresh = SecureBytes(randomCount: count, guarded: true)
        var bytes = fresh.copyBytes()
        defer { SecureBytes.wipe(&bytes) }
        try FileWriter.writePrivate(Data(bytes), to: file)
        return fresh
    }

    /// Where the daemon reads the operator's public key by default.
    var operatorPublicKeyFile: URL { secrets.appendingPathComponent("operator.pub") }
    var devOperatorKeyFile: URL { devKeys.appendingPathComponent("operator.key") }

    /// The operator's public key the daemon pins: `file`, else `secrets/operator.pub`. A dev
    /// folder whose dev operator key exists but whose copy in `secrets/` does not is repaired.
    func operatorPublicKey(file: String?) throws -> OperatorPublicKey {
        let url = file.map { URL(fileURLWithPath: $0) } ?? operatorPublicKeyFile
        if file == nil, !FileManager.default.fileExists(atPath: url.path) {
            // A development folder made before registrations were signed gets its dev operator key now.
            if FileManager.default.fileExists(atPath: devKeys.path), try devOperatorKey() == nil { try createDevOperatorKey() }
            if let dev = try devOperatorKey() { try FileWriter.writePrivate(dev.publicKey.publicKeyFile(), to: url) }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SetupError("""
                no operator public key at \(url.path): the daemon gives cases only to keys whose registration the operator signed. \
                Create the operator key with `safeintake keys operator-generate --out operator.key` on the operator's machine, \
                copy operator.pub to \(operatorPublicKeyFile.path) (or pass --operator-key), and register keys with `keys register --operator-key`
                """)
        }
        do {
            return try OperatorPublicKey(publicKeyFile: data)
        } catch {
            throw SetupError("the operator public key \(url.path) cannot be used: \(error.reason)")
        }
    }

    /// The development operator key, when this folder has one.
    func devOperatorKey() throws -> OperatorKeyPair? {
        guard let data = FileManager.default.contents(atPath: devOperatorKeyFile.path) else { return nil }
        return try OperatorKeyPair(keyFile: data) { throw SetupError("\(devOperatorKeyFile.path) must not need a passphrase") }
    }

    /// Creates the development key set (private keys without passphrase, marked dev-only) and the
    /// development operator key that signs their registrations.
    func createDevKeys() throws {
        try FileManager.default.createDirectory(at: devKeys, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try createDevOperatorKey()
        for spec in Self.devKeyNames {
            let pair = try AgencyKeyPair.generate(name: spec.name, role: spec.role, devOnly: true)
            try FileWriter.writePrivate(pair.keyFile(passphrase: nil), to: devKeys.appendingPathComponent("\(spec.name).key"))
            try FileWriter.writePrivate(pair.publicKey.publicKeyFile(), to: devKeys.appendingPathComponent("\(spec.name).pub"))
        }
    }

    private func createDevOperatorKey() throws {
        let operatorKey = OperatorKeyPair.generate(devOnly: true)
        unlink(devKeys.appendingPathComponent("operator.pub").path)  // a public half left without its key
        try FileWriter.writePrivate(operatorKey.keyFile(passphrase: nil), to: devOperatorKeyFile)
        try FileWriter.writePrivate(operatorKey.publicKey.publicKeyFile(), to: devKeys.appendingPathComponent("operator.pub"))
    }

    /// Registers any development key not yet registered (idempotent, so a crash between creating
    /// and registering them is repaired on the next start). A revoked dev key stays revoked: it is
    /// registered already, and registering it again would fail (`duplicateKey`) and stop the start.
    func registerDevKeys(with agency: AgencyService, logger: Logger) throws {
        guard FileManager.default.fileExists(atPath: devKeys.path) else { return }
        // Dev keys are signed by the dev operator key only while it is the one the daemon pins (an
        // operator who pinned their own operator.pub registers keys with it instead).
        let operatorKey = try devOperatorKey().flatMap { $0.publicKey == agency.anchor?.operatorKey ? $0 : nil }
        for spec in Self.devKeyNames {
            let file = devKeys.appendingPathComponent("\(spec.name).pub")
            guard let data = try? Data(contentsOf: file) else { continue }
            let key = try AgencyPublicKey(publicKeyFile: data)
            guard let operatorKey else {
                if agency.anchor == nil, try !agency.isRegistered(id: key.keyID) { try agency.register(key, receivesNewCases: spec.receivesNewCases) }
                continue
            }
            let signed = operatorKey.sign(try KeyRegistration(key: key, team: CaseRouting.defaultTeamName, receivesNewCases: spec.receivesNewCases))
            if try !agency.isRegistered(id: key.keyID) {
                try agency.register(signed)
            } else if try agency.registration(of: key.keyID) == nil,
                      try agency.directory().contains(where: { $0.publicKey.keyID == key.keyID && !$0.revoked }) {
                // Registered before registrations were signed: the dev operator key signs it now.
                try agency.recordSignedRegistration(signed)
            }
        }
        logger.warning("""
            DEVELOPMENT KEYS IN USE: \(devKeys.path) holds private keys WITHOUT a passphrase. \
            Anyone who can read that folder can read every case. Never use this data folder for real complaints.
            """)
    }
}

/// A setup problem the operator must fix.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes files that hold secrets: owner-only permissions from the start, then fsync.
enum FileWriter {
    static func writePrivate(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw SetupError("cannot create \(url.path): \(String(cString: strerror(errno))) (it may already exist)")
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else {
            throw SetupError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
