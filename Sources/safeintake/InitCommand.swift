import ArgumentParser
import AuditLog
import Envelope
import Foundation
import Intake
import Logging
import Sodium

/// `safeintake init --data DIR`: the production bootstrap in one command (issue 22, item 5). Creates
/// the data folder and its secrets, pins the operator's public key, and registers the first
/// supervisors and inspectors from their public key files, each registration signed with the
/// operator key. It never creates development keys and refuses any it is given, so a daemon
/// started on the folder afterwards has no key without a passphrase anywhere near it.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a production data folder: secrets, operator key, first supervisors and inspectors.",
        discussion: """
            Make the operator key first, on another machine (safeintake keys operator-generate --out operator.key), \
            and have each supervisor and inspector make their own key pair (safeintake keys generate) and send you the .pub file. \
            Then: safeintake init --data /var/lib/safeintake --operator-key operator.key --supervisor lim.pub --inspector ana.pub
            """)

    @Option(help: "The new data folder: must not exist, or be empty.") var data: String
    @Option(help: "The operator's private key file (keys operator-generate); it signs the registrations and stays with you.")
    var operatorKey: String
    @Option(help: "A supervisor's public key file (.pub); repeat for each. Supervisors receive every new case of their team.")
    var supervisor: [String] = []
    @Option(help: "An inspector's public key file (.pub); repeat for each.") var inspector: [String] = []
    @Flag(help: "The inspectors given here also receive every new case (default: only through a supervisor's assignment).")
    var inspectorsReceiveNewCases = false
    @Option(help: "The team these keys work in (Docs/routing.md).") var team = CaseRouting.defaultTeamName
    @Option(help: "PostgreSQL instead of SQLite: postgres://... Default: $SAFEINTAKE_DATABASE.") var database: String?
    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws {
        guard !supervisor.isEmpty else {
            throw ValidationError("give at least one --supervisor: without a key that receives new cases the daemon refuses every complaint (503 no_recipients)")
        }
    }

    func run() async throws {
        umask(0o077)
        let target = URL(fileURLWithPath: data)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        guard existing.isEmpty else {
            throw CLIFailure("\(target.path) is not empty: init sets up a new deployment only", hint: "choose a new --data folder; to add keys to a running one use `safeintake keys register`")
        }
        let signer = try loadOperatorKey()
        let keys = try supervisor.map { try loadPublicKey($0, role: .supervisor) } + inspector.map { try loadPublicKey($0, role: .inspector) }
        let registrations = try keys.map { key in
            signer.sign(try KeyRegistration(key: key, team: team,
                                            receivesNewCases: key.role == .supervisor || inspectorsReceiveNewCases))
        }
        let createdFolder = !FileManager.default.fileExists(atPath: target.path)
        do {
            try setUp(target, signer: signer, registrations: registrations)
        } catch {
            if createdFolder { try? FileManager.default.removeItem(at: target) }
            throw error
        }
    }

    private func setUp(_ target: URL, signer: OperatorKeyPair, registrations: [SignedKeyRegistration]) throws {
        let (folder, _) = try DataFolder.prepare(at: target)
        _ = try folder.tokenPepper()
        let logKey = try folder.logSigningKey()
        _ = try folder.formTokenKey()
        try FileWriter.writePrivate(signer.publicKey.publicKeyFile(), to: folder.operatorPublicKeyFile)
        let selection = try StoreSelection.open(databaseURL: StoreSelection.databaseURL(option: database), folder: folder.url,
                                                connections: 1, logger: .init(label: "safeintake"))
        defer { selection.close() }
        let verifier = try LogVerifierKeyFile.verifierKey(for: logKey)
        try selection.bindSecrets(folder: folder, logVerifierKey: verifier.encoded)
        guard try selection.store.agencyKeys().isEmpty else {
            throw CLIFailure("the database already has registered keys: init sets up a new deployment only",
                             hint: "for another daemon on this database, copy the first daemon's secrets folder instead (Docs/operations.md)")
        }
        let agency = AgencyService(store: selection.store, anchor: KeyDirectoryAnchor(store: selection.store, operatorKey: signer.publicKey))
        for signed in registrations {
            try agency.register(signed)
            let key = signed.registration.key
            print("registered \(key.role.rawValue) \(key.name) (\(key.keyID)) in team \(team)\(signed.registration.receivesNewCases ? ", receives new cases" : "")")
        }
        print("data folder: \(folder.url.path) (secrets created; operator key \(signer.publicKey.keyID) pinned)")
        print("audit log:   \(verifier.encoded) (publish this and operator.pub for auditors)")
        print("next: safeintake serve --data \(folder.url.path)   (back up \(folder.secrets.path) now, separately: Docs/operations.md)")
    }

    private func loadOperatorKey() throws -> OperatorKeyPair {
        guard let file = FileManager.default.contents(atPath: operatorKey) else {
            throw CLIFailure("cannot read the operator key \(operatorKey)", hint: "make it with `safeintake keys operator-generate --out operator.key`")
        }
        let signer: OperatorKeyPair
        do {
            signer = try OperatorKeyPair(keyFile: file) { try passphrase.read(prompt: "Passphrase for the operator key \(operatorKey): ") }
        } catch let error as EnvelopeError {
            throw CLIFailure("the operator key \(operatorKey) cannot be used: \(error.reason)")
        }
        guard !signer.devOnly else {
            throw CLIFailure("\(operatorKey) is a development operator key (no passphrase): init refuses development keys",
                             hint: "make a real one with `safeintake keys operator-generate --out operator.key`")
        }
        return signer
    }

    /// A holder's public key, refused when it is a development key: one from a `dev-keys` folder, or
    /// whose private key file beside it is marked dev-only (both have no passphrase).
    private func loadPublicKey(_ path: String, role: AgencyRole) throws -> AgencyPublicKey {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure("cannot read the public key file \(path)") }
        let key: AgencyPublicKey
        do { key = try AgencyPublicKey(publicKeyFile: data) } catch { throw CLIFailure("\(path) cannot be used: \(error.reason)") }
        guard key.role == role else {
            throw CLIFailure("\(path) is the key of \(key.role.rawValue) \(key.name), given as a \(role.rawValue)", hint: "pass it with --\(key.role.rawValue)")
        }
        let privateBeside = url.deletingPathExtension().appendingPathExtension("key")
        let besideIsDev = FileManager.default.contents(atPath: privateBeside.path).map { file in
            (try? AgencyKeyPair.needsPassphrase(keyFile: file)) == false
        } ?? false
        guard url.deletingLastPathComponent().lastPathComponent != "dev-keys", !besideIsDev else {
            throw CLIFailure("\(path) is a development key (its private key has no passphrase): init refuses development keys",
                             hint: "have \(key.name) make a real key on their own machine: safeintake keys generate --name \(key.name) --role \(role.rawValue) --out \(key.name).key")
        }
        return key
    }
}
