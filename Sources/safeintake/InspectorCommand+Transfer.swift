import ArgumentParser
import Envelope
import Foundation
import InspectorClient

/// Handing a case to another organisation that runs SafeIntake, and receiving one (issue 19 #5,
/// Docs/format.md §17, Docs/operations.md "Transferring a case").
extension InspectorCommand {
    struct Transfer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand a case to another organisation that runs SafeIntake (supervisors): writes a bundle for its supervisor.",
            discussion: """
                The receiving organisation gives you, out of band, its operator.pub (--to-operator) and its \
                supervisor's registration file (--to-key, from `inspector export-registration`); compare the operator \
                key id with them by phone. The whole case is opened here, sealed again under a new key for a new case \
                id, and the key wrapped to that supervisor; you sign the handover. Your server logs it \
                (case_transferred) and, without --keep-copy, deletes everything sealed for your organisation: nobody \
                here can open the case afterwards. The reporter keeps her number here; her status page says where her \
                case went and shows the notice (say how the new organisation will reach her, or how she reaches \
                them), unless she checked in under duress. The bundle (0600, never over an existing file) is written \
                only once your server recorded the handover: give it to the receiving supervisor, who runs \
                `inspector import-transfer`.
                """)
        @Argument(help: "The case id.") var caseID: String
        @OptionGroup var connection: Connection
        @Option(help: "The receiving organisation's operator.pub.") var toOperator: String
        @Option(help: "The receiving supervisor's registration file (from their `inspector export-registration`).") var toKey: String
        @Option(help: "The receiving organisation's name, as the reporter will read it.") var toName: String
        @Option(help: "Your organisation's name, as the receiving organisation will read it.") var fromName: String
        @Flag(help: "Keep this organisation's copy of the case (its holders can still read it; no more status changes or messages).")
        var keepCopy = false
        @Option(help: "A file holding the notice to the reporter (UTF-8 text).") var noticeFile: String?
        @Flag(help: "Read the notice to the reporter from standard input.") var noticeStdin = false
        @Option(help: "The bundle file to create for the receiving supervisor.") var out: String
        @Option(help: "json (one object) or table. Default: table on a terminal, json otherwise.") var format: OutputFormat?

        func validate() throws {
            _ = try Self.noticeText.source(nil, file: noticeFile, stdin: noticeStdin)
            guard CaseTransfer.isValidName(toName), CaseTransfer.isValidName(fromName) else {
                throw ValidationError("an organisation name is 1-\(CaseTransfer.maxNameScalars) characters on one line")
            }
        }

        func run() async throws {
            let id = try CaseArgument.parse(caseID)
            guard !FileManager.default.fileExists(atPath: out), !FileManager.default.fileExists(atPath: out + ".partial") else {
                throw CLIFailure("cannot create \(out): it (or \(out).partial) exists (an existing file is never overwritten)")
            }
            let target = TransferTarget(operatorKey: try Self.operatorKey(toOperator), supervisor: try Self.registration(toKey), name: toName)
            let notice = try readNotice()
            let (client, pinAfterSuccess) = try await connection.verifyingClient()
            let prepared = try await CLIOutput.reporting {
                try await client.prepareTransfer(id, to: target, fromName: fromName, keepCopy: keepCopy, notice: notice)
            }
            try pinAfterSuccess?()
            if let summary = UnopenedItem.summary(prepared.unopened) { CLIOutput.warn("\(summary): they do not travel with the case") }
            if let withheld = prepared.noticeWithheld { CLIOutput.warn("no notice: \(withheld)") }
            // Written first under a temporary name, renamed once the server recorded the handover:
            // no bundle exists for a handover the log does not show, and none is lost for one it does.
            let partial = out + ".partial"
            try prepared.file.withUnsafeBytes { try Attachment.writeNew(partial, $0) }
            let delivered: Bool
            do {
                delivered = try await client.submit(prepared)
            } catch let refused as TransferRefused {
                unlink(partial)
                throw CLIFailure("the server refused the handover; nothing was recorded and no bundle was kept: \(refused)")
            } catch {
                // No answer: the server may have recorded it (and deleted the case). Keep the only copy.
                throw CLIFailure("the server's answer did not arrive; \(partial) is kept: \(error)",
                                 hint: "if `inspector show --full` (or the log's case_transferred entry) shows the handover, rename \(partial) to \(out) and give it to the receiving supervisor; if not, delete \(partial) and try again")
            }
            guard rename(partial, out) == 0 else {
                throw CLIFailure("the handover is recorded, but \(partial) could not be renamed to \(out): \(String(cString: strerror(errno)))",
                                 hint: "give \(partial) to the receiving supervisor as it is")
            }
            let statement = prepared.bundle.statement
            CLIOutput.printObject([
                "case": id.rawValue, "receiver_case": statement.receiverCaseID.rawValue, "to_operator": statement.toOperator,
                "to_key": statement.toKey, "keep_copy": statement.keepCopy, "notice_delivered": delivered, "bundle": out,
                "bundle_hash": statement.bundleHash,
            ], format: format)
        }

        static let noticeText = TextOption(what: "notice to the reporter", argument: nil, file: "--notice-file", standardInput: "--notice-stdin")

        private func readNotice() throws -> String? {
            try Self.noticeText.read(nil, file: noticeFile, stdin: noticeStdin)
        }

        static func operatorKey(_ path: String) throws -> OperatorPublicKey {
            guard let key = try OperatorPublicKey.load(given: path, fallback: path) else { throw CLIFailure("cannot read the operator key file \(path)") }
            return key
        }

        static func registration(_ path: String) throws -> SignedKeyRegistration {
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure("cannot read the registration file \(path)") }
            do {
                return try SignedKeyRegistration(registrationFile: data)
            } catch {
                throw CLIFailure("the registration file \(path) cannot be used: \(error.reason)")
            }
        }
    }

    struct ImportTransfer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-transfer",
            abstract: "Receive a case another organisation handed to you (supervisors): checks the bundle, then stores it on your server.",
            discussion: """
                --from-operator is the sending organisation's operator.pub, given to you out of band (compare its key \
                id with them by phone). The bundle must be signed by a supervisor that operator registered, be \
                addressed to your organisation (your pinned operator.pub) and to your key, and open with your key; \
                your server checks the chain again and logs the very same statement (case_transferred). The case then \
                is yours to assign; its thread shows every entry with its day, author and organisation.
                """)
        @Argument(help: "The bundle file.") var bundle: String
        @OptionGroup var connection: Connection
        @Option(help: "The sending organisation's operator.pub.") var fromOperator: String
        @Option(help: "json (one object) or table. Default: table on a terminal, json otherwise.") var format: OutputFormat?

        func run() async throws {
            let sender = try Transfer.operatorKey(fromOperator)
            guard let data = FileManager.default.contents(atPath: bundle) else { throw CLIFailure("cannot read the bundle file \(bundle)") }
            let client = try connection.client()
            let id = try await CLIOutput.reporting { try await client.importTransfer(data, from: sender) }
            CLIOutput.printObject(["case": id.rawValue, "from_operator": sender.keyID], format: format)
        }
    }

    struct ExportRegistration: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-registration",
            abstract: "Write your key's signed registration to a file, for an organisation that will transfer cases to you.",
            discussion: """
                Give it, with your operator's operator.pub, to the organisation that will hand you cases. It holds \
                your public keys and your operator's signature, nothing secret. The registration is read from your \
                server's directory and checked against your pinned operator key first.
                """)
        @OptionGroup var connection: Connection
        @Option(help: "The file to create.") var out: String
        @Option(help: "json (one object) or table. Default: table on a terminal, json otherwise.") var format: OutputFormat?

        func run() async throws {
            let client = try connection.client()
            let registration = try await CLIOutput.reporting { try await client.ownRegistration() }
            let data = try registration.registrationFile()
            try data.withUnsafeBytes { try Attachment.writeNew(out, $0) }
            let key = registration.registration.key
            CLIOutput.printObject(["key_id": key.keyID, "name": key.name, "role": key.role.rawValue, "operator": registration.operatorID, "file": out], format: format)
        }
    }
}
