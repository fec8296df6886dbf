import ArgumentParser
import Envelope
import Foundation
import Intake
import Sodium

/// `safeintake keys`: create an inspector's or supervisor's keys on their own machine, and let the
/// operator register the public half with the daemon.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create and register inspector and supervisor keys.",
        subcommands: [Generate.self, OperatorGenerate.self, Register.self, Revoke.self, List.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key pair; the private key is encrypted under a passphrase (Argon2id + secretbox).")

        @Option(help: "The holder's name: a-z, 0-9, '.', '_', '-'.") var name: String
        @Option(help: "inspector or supervisor.") var role: AgencyRole = .inspector
        @Option(help: "Where to write the private key; the public key goes beside it as .pub.") var out: String
        @OptionGroup var passphrase: PassphraseOptions

        func run() async throws {
            let secret = try passphrase.readNew(prompt: "Passphrase for \(name)'s new key: ")
            let pair = try AgencyKeyPair.generate(name: name, role: role)
            let keyURL = URL(fileURLWithPath: out)
            let publicURL = keyURL.deletingPathExtension().appendingPathExtension("pub")
            try FileWriter.writePrivate(pair.keyFile(passphrase: secret), to: keyURL)
            try pair.publicKey.publicKeyFile().write(to: publicURL, options: .withoutOverwriting)
            print("private key: \(keyURL.path) (keep it on this machine only)")
            print("public key:  \(publicURL.path) (give it to the operator to register)")
            print("key id:      \(pair.publicKey.keyID)")
        }
    }

    struct OperatorGenerate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the operator's key, which signs every key registration; its operator.pub goes to the daemons, supervisors and auditors.")

        @Option(help: "Where to write the private key; the public key goes beside it as .pub.") var out: String
        @OptionGroup var passphrase: PassphraseOptions

        func run() async throws {
            let secret = try passphrase.readNew(prompt: "Passphrase for the new operator key: ")
            let pair = OperatorKeyPair.generate()
            let keyURL = URL(fileURLWithPath: out)
            let publicURL = keyURL.deletingPathExtension().appendingPathExtension("pub")
            try FileWriter.writePrivate(pair.keyFile(passphrase: secret), to: keyURL)
            try pair.publicKey.publicKeyFile().write(to: publicURL, options: .withoutOverwriting)
            print("operator key: \(keyURL.path) (keep it off the database and daemon hosts)")
            print("public key:   \(publicURL.path) (copy it to DIR/secrets/operator.pub on every daemon, and give it to supervisors and auditors)")
            print("key id:       \(pair.publicKey.keyID)")
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a public key's registration with the operator key and register it with the daemon's store.")

        @OptionGroup var store: StoreOptions
        @Option(help: "The holder's .pub file.") var publicKey: String
        @Flag(help: "Route every new case of the team to this key holder (supervisors always receive them).") var receivesNewCases = false
        @Option(help: "The team whose cases this key holder works on (Docs/routing.md).") var team = "default"
        @Option(help: "The operator's private key file. Default: DIR/dev-keys/operator.key (development folders only).")
        var operatorKey: String?
        @OptionGroup var passphrase: PassphraseOptions

        func run() async throws {
            let key = try AgencyPublicKey(publicKeyFile: Data(contentsOf: URL(fileURLWithPath: publicKey)))
            let path = operatorKey ?? URL(fileURLWithPath: store.data).appendingPathComponent("dev-keys/operator.key").path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIFailure("cannot read the operator key \(path)", hint: "pass --operator-key FILE (made with `safeintake keys operator-generate`)")
            }
            let signer: OperatorKeyPair
            do {
                signer = try OperatorKeyPair(keyFile: data) { try passphrase.read(prompt: "Passphrase for the operator key \(path): ") }
            } catch let error as EnvelopeError {
                throw CLIFailure("the operator key \(path) cannot be used: \(error.reason)")
            }
            let signed = signer.sign(try KeyRegistration(key: key, team: team, receivesNewCases: receivesNewCases))
            let selection = try store.open()
            defer { selection.close() }
            let anchor = KeyDirectoryAnchor(store: selection.store, operatorKey: signer.publicKey)
            let agency = AgencyService(store: selection.store, anchor: anchor)
            do {
                try agency.register(signed)
            } catch StoreError.duplicateKey {
                guard try agency.isRegistered(id: key.keyID), try anchor.registration(of: key.keyID) == nil else {
                    throw ValidationError("a key named \(key.name) or with id \(key.keyID) is already registered")
                }
                // Registered before registrations were signed: log the signature for the existing row.
                do {
                    try agency.recordSignedRegistration(signed)
                } catch let error as IntakeError {
                    throw ValidationError("\(error.message); register it with the same name, role and --team, or generate a new key")
                }
                print("signed the existing registration of \(key.role.rawValue) \(key.name) (\(key.keyID)) in team \(team) with operator \(signer.publicKey.keyID)")
                return
            }
            print("registered \(key.role.rawValue) \(key.name) (\(key.keyID)) in team \(team)\(receivesNewCases ? ", receives new cases" : ""), signed by operator \(signer.publicKey.keyID)")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a key (operator, on the server): it can sign nothing more, and every case-key wrap to it is deleted.")

        @OptionGroup var options: StoreOptions
        @Argument(help: "The key's name or key id.") var key: String

        func run() async throws {
            let selection = try options.open()
            defer { selection.close() }
            let store = selection.store
            guard let found = try store.agencyKeys().first(where: { $0.publicKey.name == key || $0.publicKey.keyID == key }) else {
                throw ValidationError("no key named \(key) is registered")
            }
            guard !found.revoked else { throw ValidationError("\(key) is already revoked") }
            try AgencyService(store: store).revoke(keyID: found.publicKey.keyID)
            print("revoked \(found.publicKey.name) (\(found.publicKey.keyID)); its case-key wraps are deleted")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List registered keys.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let selection = try store.open()
            defer { selection.close() }
            for key in try selection.store.agencyKeys() {
                let flags = [key.receivesNewCases ? "receives-new-cases" : nil, key.revoked ? "revoked" : nil].compactMap { $0 }
                print("\(key.publicKey.keyID)  \(key.publicKey.role.rawValue)  \(key.publicKey.name)  team=\(key.team)  \(flags.joined(separator: ","))")
            }
        }
    }
}

extension AgencyRole: ExpressibleByArgument {}
