import ArgumentParser
import AuditLog
import Foundation
import Intake

/// `safeintake receipt verify`: for an embassy, an NGO or a tribunal holding a worker's receipt
/// (issue 18 #11). Offline: it needs the receipt and the deployment's published log key, nothing
/// from the server.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Check a complaint receipt offline against a deployment's log key.",
        subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the receipt's signature and print what it says as JSON; exit 0 only when it verifies.",
            discussion: """
                The log key is the deployment's published verifier key (`GET /v1/audit/log-key`), \
                `NAME+KEYID+BASE64`. A receipt says only that a complaint was filed on a day and, if she \
                chose, which employer it named: it does not say who filed it.
                """)
        @Argument(help: "The receipt file (the text as the status page or the API gave it); - for standard input.")
        var file: String
        @Option(help: "The deployment's log verifier key, or a file holding it.") var logKey: String

        func run() async throws {
            let receipt = try read(file)
            let keyText = FileManager.default.fileExists(atPath: logKey) ? try read(logKey) : logKey
            let key: NoteVerifierKey
            do {
                key = try NoteVerifierKey(parsing: keyText.trimmingCharacters(in: .whitespacesAndNewlines))
            } catch {
                throw CLIFailure("--log-key is not a log verifier key (NAME+KEYID+BASE64): \(error.reason)")
            }
            do {
                let facts = try ComplaintReceipt.verify(receipt, key: key)
                var object: [String: Any] = ["valid": true, "deployment": facts.deployment, "filed": facts.filed]
                if let employer = facts.employer { object["employer"] = employer }
                CLIOutput.printJSONLine(object)
            } catch let error as AuditLogError {
                throw CLIFailure("the receipt does not verify: \(error.reason)",
                                 hint: "check that the log key is this deployment's and that the receipt was copied whole")
            }
        }

        private func read(_ path: String) throws -> String {
            let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
            guard let data, let text = String(data: data, encoding: .utf8) else { throw CLIFailure("cannot read \(path) as UTF-8 text") }
            return text
        }
    }
}
