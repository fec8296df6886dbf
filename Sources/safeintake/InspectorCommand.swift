import ArgumentParser
import Envelope
import Foundation
import InspectorClient
import Sodium

/// `safeintake inspector`: an inspector's client. It holds the private key and decrypts locally;
/// the server only ever sends ciphertext and this key's own wrap.
struct InspectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspector", abstract: "List and read the cases assigned to your key.",
        subcommands: [Cases.self, Show.self])

    struct Connection: ParsableArguments {
        @Option(help: "The daemon, e.g. http://127.0.0.1:8080.") var server: String
        @Option(help: "Your private key file.") var key: String
        @OptionGroup var passphrase: PassphraseOptions

        func client() throws -> AgencyClient {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--server must be an http:// or https:// URL, got \(server)")
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: key))
            } catch {
                throw ValidationError("cannot read the key file \(key)")
            }
            let pair = try AgencyKeyPair(keyFile: data) { try passphrase.read(prompt: "Passphrase for \(key): ") }
            return AgencyClient(server: url, keys: pair)
        }
    }

    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One JSON line per case your key can open.")
        @OptionGroup var connection: Connection

        func run() async throws {
            let summaries = try await CLIOutput.reporting { try await connection.client().cases() }
            for summary in summaries {
                CLIOutput.printJSONLine(["case": summary.caseID.rawValue, "status": summary.status])
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Decrypt a case locally and print the agency view as JSON.")
        @Argument(help: "The case id.") var caseID: String
        @OptionGroup var connection: Connection

        func run() async throws {
            guard let id = CaseID(caseID) else {
                throw ValidationError("\(caseID) is not a case id (32 lowercase hex characters)")
            }
            let view = try await CLIOutput.reporting { try await connection.client().open(id) }
            CLIOutput.printJSONLine(["case": view.caseID.rawValue, "language": view.language, "fields": view.fields, "narrative": view.narrative])
        }
    }
}
