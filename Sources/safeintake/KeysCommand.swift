import ArgumentParser
import Envelope
import Foundation
import Intake
import Sodium
import Storage

/// `safeintake keys`: create an inspector's or supervisor's keys on their own machine, and let the
/// operator register the public half with the daemon.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create and register inspector and supervisor keys.",
        subcommands: [Generate.self, Register.self, List.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key pair; the private key is encrypted under a passphrase (Argon2id + secretbox).")

        @Option(help: "The holder's name: a-z, 0-9, '.', '_', '-'.") var name: String
        @Option(help: "inspector or supervisor.") var role: AgencyRole = .inspector
        @Option(help: "Where to write the private key; the public key goes beside it as .pub.") var out: String
        @OptionGroup var passphrase: PassphraseOptions

        func run() async throws {
            let pair = try AgencyKeyPair.generate(name: name, role: role)
            let secret = try passphrase.read(prompt: "Passphrase for \(name)'s new key: ")
            let keyURL = URL(fileURLWithPath: out)
            let publicURL = keyURL.deletingPathExtension().appendingPathExtension("pub")
            try FileWriter.writePrivate(pair.keyFile(passphrase: secret), to: keyURL)
            try pair.publicKey.publicKeyFile().write(to: publicURL, options: .withoutOverwriting)
            print("private key: \(keyURL.path) (keep it on this machine only)")
            print("public key:  \(publicURL.path) (give it to the operator to register)")
            print("key id:      \(pair.publicKey.keyID)")
        }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a public key with the daemon's data folder (operator, on the server).")

        @Option(help: "The daemon's data folder.") var data = "./data"
        @Option(help: "The holder's .pub file.") var publicKey: String
        @Flag(help: "Route every new case to this key holder.") var receivesNewCases = false

        func run() async throws {
            let key = try AgencyPublicKey(publicKeyFile: Data(contentsOf: URL(fileURLWithPath: publicKey)))
            let store = try SQLiteStore(directory: URL(fileURLWithPath: data))
            do {
                try AgencyService(store: store).register(key, receivesNewCases: receivesNewCases)
            } catch StoreError.duplicateKey {
                throw ValidationError("a key named \(key.name) or with id \(key.keyID) is already registered")
            }
            print("registered \(key.role.rawValue) \(key.name) (\(key.keyID))\(receivesNewCases ? ", receives new cases" : "")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List registered keys.")
        @Option(help: "The daemon's data folder.") var data = "./data"

        func run() async throws {
            for key in try SQLiteStore(directory: URL(fileURLWithPath: data)).agencyKeys() {
                let flags = [key.receivesNewCases ? "receives-new-cases" : nil, key.revoked ? "revoked" : nil].compactMap { $0 }
                print("\(key.publicKey.keyID)  \(key.publicKey.role.rawValue)  \(key.publicKey.name)  \(flags.joined(separator: ","))")
            }
        }
    }
}

extension AgencyRole: ExpressibleByArgument {}
