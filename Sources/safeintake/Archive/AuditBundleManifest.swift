import Foundation

/// `safeintake-audit-bundle.json`, the first entry of the auditor's bundle (`audit export`): what
/// the bundle holds and which deployment, software, database and checkpoint it covers, so that
/// the report can name them. Everything in it is public.
struct AuditBundleManifest: Codable {
    static let entryName = "safeintake-audit-bundle.json"
    static let formatName = "safeintake-audit-bundle"
    static let databaseEntry = "safeintake.sqlite"
    static let logKeyEntry = "log-key"
    static let operatorKeyEntry = "operator.pub"
    static let policyEntry = "policy.json"
    static let openAPIEntry = "openapi.yaml"

    var format = formatName
    var version = 1
    /// The log's origin: the name auditors know the deployment's log by.
    var deployment: String
    /// `safeintake --version` of the binary that exported it (the deployment's own).
    var software: String
    var day: String
    var database_sha256: String
    var log_size: UInt64
    /// The last signed checkpoint in the database copy (a C2SP signed note), and its size.
    var checkpoint: String?
    var checkpoint_size: UInt64?
    var log_key: String
    /// SHA-256 of `policy.json`, as `complaint_accepted` entries name it.
    var policy_sha256: String

    static func read(from archive: TarReader) throws -> AuditBundleManifest? {
        guard let data = try archive.data(entryName) else { return nil }
        guard let manifest = try? JSONDecoder().decode(AuditBundleManifest.self, from: data), manifest.format == formatName else {
            throw CLIFailure("the bundle's \(entryName) cannot be read")
        }
        guard manifest.version == 1 else {
            throw CLIFailure("audit bundle format version \(manifest.version) is newer than this program reads", hint: "use a SafeIntake as recent as the one that exported it (\(manifest.software))")
        }
        return manifest
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
