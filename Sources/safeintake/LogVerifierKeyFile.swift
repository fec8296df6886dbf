import AuditLog
import Foundation
import Sodium

/// The audit log's public verifier key for a data folder, as the auditor's checks need it: derived
/// from `secrets/log-signing.key` when the folder has it, else read from `secrets/log-verifier-key`,
/// the public copy `restore` writes when a backup came without its secrets (so that `audit
/// separation` accepts a restored folder before the operator has put the secrets back).
enum LogVerifierKeyFile {
    static let fileName = "log-verifier-key"

    /// Nil when the folder has neither file.
    static func load(folder: URL) throws -> NoteVerifierKey? {
        let secrets = folder.appendingPathComponent("secrets")
        if var seed = try? [UInt8](Data(contentsOf: secrets.appendingPathComponent("log-signing.key"))) {
            defer { SecureBytes.wipe(&seed) }
            guard seed.count == SigningKeyPair.seedBytes else {
                throw CLIFailure("\(secrets.path)/log-signing.key should hold \(SigningKeyPair.seedBytes) bytes but holds \(seed.count)", hint: "restore it from your backup of secrets/")
            }
            return try verifierKey(for: SigningKeyPair(seed: SecureBytes(copying: seed)))
        }
        guard let text = try? String(contentsOf: secrets.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        do {
            return try NoteVerifierKey(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw CLIFailure("\(secrets.path)/\(fileName) is not a log verifier key: \(error.reason)")
        }
    }

    static func verifierKey(for pair: SigningKeyPair) throws -> NoteVerifierKey {
        try NoteVerifierKey(name: ServeCommand.logOrigin(for: pair), publicKey: pair.publicKey)
    }
}
