import ArgumentParser
import Envelope
import Foundation
import InspectorClient

/// A case id on the command line.
enum CaseArgument {
    static func parse(_ text: String) throws -> CaseID {
        guard let id = CaseID(text) else {
            throw ValidationError("\(text) is not a case id (32 lowercase hex characters)")
        }
        return id
    }
}

/// Carries the assignee out of the action closure.
final class KeyBox: @unchecked Sendable {
    var key: AgencyPublicKey?
}

extension InspectorCommand {
    /// Runs one case-work action with a client that verifies releases against the audit log.
    static func act(_ connection: Connection, _ caseID: String, _ body: @escaping (AgencyClient, CaseID) async throws -> Void) async throws {
        let id = try CaseArgument.parse(caseID)
        let (client, pinAfterSuccess) = try await connection.verifyingClient()
        try await CLIOutput.reporting { try await body(client, id) }
        try pinAfterSuccess?()
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a case to an inspector (supervisors): wraps the case key to them here and signs the assignment.")
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The inspector's key id, or a name the operator registered.") var to: String
        @OptionGroup var connection: Connection

        func run() async throws {
            let given = KeyBox()
            try await InspectorCommand.act(connection, caseID) { client, id in given.key = try await client.assign(id, to: to) }
            // The fingerprint the supervisor can compare with the one the inspector reads from `keys generate`.
            let key = given.key.map { " (key id \($0.keyID), registration signed by the pinned operator key)" } ?? ""
            print("assigned \(caseID) to \(to)\(key)")
        }
    }

    struct Unassign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a case away from a key holder (supervisors): deletes their wraps and starts a new key epoch.")
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The key name or key id to remove.") var remove: String
        @OptionGroup var connection: Connection

        func run() async throws {
            try await InspectorCommand.act(connection, caseID) { client, id in try await client.unassign(id, removing: remove) }
            print("removed \(remove) from \(caseID); later records use a new case key")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a case's status: received, assigned, investigating, action_taken or closed (closing needs an outcome).",
            discussion: """
                Each text is given one way: --outcome TEXT, --outcome-file FILE or --outcome-stdin (and the same for \
                --tell-reporter). A file or standard input is read as UTF-8, one trailing newline off; text given \
                as an argument lands in your shell's history and in process listings. Standard input carries one of \
                the two.
                """)
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: "The new status.") var status: String
        @Option(help: ArgumentHelp("How the case ended (required with closed); sealed here as an internal note she never sees.",
                                   discussion: TextOption.argumentWarning))
        var outcome: String?
        @Option(help: "Read the outcome from this file (UTF-8 text).") var outcomeFile: String?
        @Flag(help: "Read the outcome from standard input.") var outcomeStdin = false
        @Option(name: .customLong("tell-reporter"),
                help: ArgumentHelp("The outcome written for her, in plain words: her next status check shows it (needs closed).",
                                   discussion: TextOption.argumentWarning))
        var tellReporter: String?
        @Option(name: .customLong("tell-reporter-file"), help: "Read the outcome written for her from this file (UTF-8 text).")
        var tellReporterFile: String?
        @Flag(name: .customLong("tell-reporter-stdin"), help: "Read the outcome written for her from standard input.")
        var tellReporterStdin = false
        @OptionGroup var connection: Connection

        static let outcomeText = TextOption.named("outcome", what: "outcome")
        static let tellReporterText = TextOption.named("tell-reporter", what: "outcome written for her")

        func validate() throws {
            let states = ["received", "assigned", "investigating", "action_taken", "closed"]
            guard status != "transferred" else {
                throw ValidationError("a case becomes transferred only by handing it to another organisation: `inspector transfer`")
            }
            guard states.contains(status) else { throw ValidationError("status must be one of \(states.joined(separator: ", "))") }
            try TextOption.oneStandardInput([(outcomeStdin, "--outcome-stdin"), (tellReporterStdin, "--tell-reporter-stdin")])
            let outcomeGiven = try Self.outcomeText.source(outcome, file: outcomeFile, stdin: outcomeStdin) != nil
            let tellGiven = try Self.tellReporterText.source(tellReporter, file: tellReporterFile, stdin: tellReporterStdin) != nil
            if status == "closed" && !outcomeGiven { throw ValidationError("closing a case needs --outcome TEXT (or --outcome-file FILE, --outcome-stdin)") }
            if tellGiven && status != "closed" {
                throw ValidationError("--tell-reporter is the outcome written for her: use it when closing (status closed); write to her with `inspector reply` otherwise")
            }
        }

        func run() async throws {
            let outcome = try Self.outcomeText.read(outcome, file: outcomeFile, stdin: outcomeStdin)
            let tellReporter = try Self.tellReporterText.read(tellReporter, file: tellReporterFile, stdin: tellReporterStdin)
            try await InspectorCommand.act(connection, caseID) { client, id in
                try await client.setStatus(id, to: status, outcome: outcome, tellReporter: tellReporter)
            }
            print("\(caseID) is now \(status)\(tellReporter == nil ? "" : "; the outcome written for her is on her status page")")
        }
    }

    struct ClearDuress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear-duress",
            abstract: "Clear a case's duress flag (supervisors), with the reason, sealed here as a note; the log records that it was cleared.")
        @Argument(help: "The case id.") var caseID: String
        @Option(help: ArgumentHelp("Why it is safe again (e.g. what her caseworker confirmed).", discussion: TextOption.argumentWarning))
        var reason: String?
        @Option(help: "Read the reason from this file (UTF-8 text).") var reasonFile: String?
        @Flag(help: "Read the reason from standard input.") var reasonStdin = false
        @OptionGroup var connection: Connection

        static let reasonText = TextOption.named("reason", what: "reason")

        func validate() throws {
            guard try Self.reasonText.source(reason, file: reasonFile, stdin: reasonStdin) != nil else {
                throw ValidationError("--reason must say why (or --reason-file FILE, --reason-stdin)")
            }
            if let reason, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must say why") }
        }

        func run() async throws {
            guard let reason = try Self.reasonText.read(reason, file: reasonFile, stdin: reasonStdin) else { return }
            try await InspectorCommand.act(connection, caseID) { client, id in try await client.clearDuress(id, reason: reason) }
            print("duress flag cleared on \(caseID); messages to her are allowed again")
        }
    }

    struct ReissueNumber: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reissue-number",
            abstract: "Issue the reporter a new number after she lost hers (supervisors); every earlier number stops working.",
            discussion: """
                Only after her caseworker's organisation has confirmed who is asking: whoever holds the new \
                number reads the case's status and new messages. Messages sent before stay sealed to her old \
                key. Refused while the case is flagged under duress. The log records the reissue (case, your \
                key, hour). The number is printed once, for her caseworker to hand on; it is stored only as a \
                verifier.
                """)
        @Argument(help: "The case id.") var caseID: String
        @OptionGroup var connection: Connection
        @Option(help: "json (one object) or table. Default: table on a terminal, json otherwise.") var format: OutputFormat?

        func run() async throws {
            var token = ""
            try await InspectorCommand.act(connection, caseID) { client, id in token = try await client.reissueNumber(id) }
            CLIOutput.printObject(["case": caseID, "token": token], format: format)
        }
    }

    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an internal note, encrypted here to the case key.",
            discussion: "Give the note in a file (--text-file) or on standard input (--stdin): UTF-8, one trailing newline off.")
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: ArgumentHelp("The note. \(TextOption.argumentWarning)", valueName: "text")) var text: String?
        @Option(help: "Read the note from this file (UTF-8 text).") var textFile: String?
        @Flag(help: "Read the note from standard input.") var stdin = false
        @OptionGroup var connection: Connection

        static let noteText = TextOption.positional("note")

        func validate() throws {
            guard try Self.noteText.source(text, file: textFile, stdin: stdin) != nil else {
                throw ValidationError("give the note: --text-file FILE, --stdin, or as an argument")
            }
        }

        func run() async throws {
            guard let text = try Self.noteText.read(text, file: textFile, stdin: stdin) else { return }
            try await InspectorCommand.act(connection, caseID) { client, id in try await client.addNote(id, text: text) }
            print("note added to \(caseID)")
        }
    }

    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write to the reporter: signed with your key and sealed to hers here; she reads it with her token.",
            discussion: "Give the message in a file (--text-file) or on standard input (--stdin): UTF-8, one trailing newline off.")
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: ArgumentHelp("The message, in plain words. \(TextOption.argumentWarning)", valueName: "text")) var text: String?
        @Option(help: "Read the message from this file (UTF-8 text).") var textFile: String?
        @Flag(help: "Read the message from standard input.") var stdin = false
        @Flag(help: "Mark it as a request for information she should answer.") var requestInfo = false
        @OptionGroup var connection: Connection

        static let messageText = TextOption.positional("message")

        func validate() throws {
            guard try Self.messageText.source(text, file: textFile, stdin: stdin) != nil else {
                throw ValidationError("give the message: --text-file FILE, --stdin, or as an argument")
            }
        }

        func run() async throws {
            guard let text = try Self.messageText.read(text, file: textFile, stdin: stdin) else { return }
            try await InspectorCommand.act(connection, caseID) { client, id in
                try await client.sendMessage(id, text: text, kind: requestInfo ? .requestInfo : .reply)
            }
            print("message sealed to the reporter of \(caseID)")
        }
    }
}
