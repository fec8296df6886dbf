import AuditLog
import Envelope
import Foundation

/// An auditor's bundle opened for `audit separation --data FILE`: its database copy unpacked into
/// a private temporary folder (the checks read a SQLite file), and the public keys, policy hash and
/// OpenAPI description it carries. `close()` removes the unpacked copy.
struct AuditBundle {
    let manifest: AuditBundleManifest
    let workFolder: PrivateTemporaryFolder
    let logKey: NoteVerifierKey
    let operatorKey: OperatorPublicKey?
    let openAPI: String?
    let databaseSHA256: String

    /// Whether `path` names a file (a bundle) rather than a data folder.
    static func isFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    init(file: URL) throws {
        let archive = try TarReader(url: file)
        guard let manifest = try AuditBundleManifest.read(from: archive) else {
            throw CLIFailure("\(file.path) is not an auditor's bundle (it has no \(AuditBundleManifest.entryName))",
                             hint: "pass the file `safeintake audit export` wrote, or a copy of a data folder")
        }
        self.manifest = manifest
        do {
            logKey = try NoteVerifierKey(parsing: manifest.log_key)
        } catch {
            throw CLIFailure("the bundle's log key is malformed: \(error.reason)")
        }
        operatorKey = try archive.data(AuditBundleManifest.operatorKeyEntry).map { data in
            do { return try OperatorPublicKey(publicKeyFile: data) } catch let error as EnvelopeError {
                throw CLIFailure("the bundle's operator.pub cannot be used: \(error.reason)")
            }
        }
        openAPI = try archive.data(AuditBundleManifest.openAPIEntry).map { String(decoding: $0, as: UTF8.self) }
        workFolder = try PrivateTemporaryFolder(in: URL(fileURLWithPath: NSTemporaryDirectory()))
        do {
            let database = workFolder.url.appendingPathComponent(AuditBundleManifest.databaseEntry)
            try archive.extract(AuditBundleManifest.databaseEntry, to: database)
            databaseSHA256 = try FileDigest.sha256Hex(of: database)
        } catch {
            workFolder.remove()
            throw error
        }
    }

    func close() {
        workFolder.remove()
    }
}
