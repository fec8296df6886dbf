import ArgumentParser
import AuditLog
import Envelope
import Foundation
import InspectorClient
import Intake
import Sodium

/// `safeintake inspector`: an inspector's client. It holds the private key and decrypts locally;
/// the server only ever sends ciphertext and this key's own wrap.
struct InspectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspector", abstract: "List and read the cases assigned to your key.",
        subcommands: [Cases.self, Show.self, Attachment.self, Export.self, Assign.self, Unassign.self, Status.self, ClearDuress.self, ReissueNumber.self, Transfer.self, ImportTransfer.self, ExportRegistration.self, Note.self, Reply.self, UI.self, Decrypt.self, Agent.self])

    struct Connection: ParsableArguments {
        @Option(help: "The daemon, e.g. http://127.0.0.1:8080.") var server: String
        @Option(help: "Your private key file.") var key: String
        @OptionGroup var passphrase: PassphraseOptions

        @Option(help: "The audit log's verifier key to trust (NAME+KEYID+BASE64). Default: the key pinned beside your key file on first use.")
        var logKey: String?

        @Option(help: ArgumentHelp(
            "Where to keep the last audit-log checkpoint you verified. Default: beside your key file (KEYFILE.checkpoint).",
            discussion: "Every later checkpoint must be proven to extend it, or nothing is decrypted."))
        var state: String?

        @Option(help: ArgumentHelp(
            "The operator's public key file (operator.pub) to check the key directory against. Default: operator.pub beside your key file.",
            discussion: "Cases are assigned only to keys whose registration this key signed."))
        var operatorKey: String?

        /// The pinned operator key: `--operator-key`, or `operator.pub` in the key file's folder.
        func pinnedOperatorKey() throws -> OperatorPublicKey? {
            try OperatorPublicKey.load(
                given: operatorKey,
                fallback: URL(fileURLWithPath: key).deletingLastPathComponent().appendingPathComponent("operator.pub").path)
        }

        /// What this machine remembers of the cases it opened (`CaseIndex`): `KEYFILE.cases`.
        var caseIndexURL: URL { URL(fileURLWithPath: key + ".cases") }

        /// Records an opened case in the case index: its language, text, and its answers as read.
        func remember(_ opened: OpenedCase, keys: AgencyKeyPair) throws {
            var index = try CaseIndex.load(caseIndexURL, keys: keys)
            index.record(opened, answersRead: opened.answers.count)
            try index.save(keys: keys)
        }

        /// The pinned checkpoint: `--state`, or `KEYFILE.checkpoint`.
        var checkpointPin: CheckpointPin {
            CheckpointPin(url: URL(fileURLWithPath: state ?? key + ".checkpoint"))
        }

        func client() throws -> AgencyClient {
            AgencyClient(server: try serverURL(), keys: try KeyFileOptions.load(key, passphrase: passphrase), operatorKey: try pinnedOperatorKey())
        }

        /// A client that proves each release is in the signed log before decrypting. The log key
        /// is `--log-key`, or pinned in `KEYFILE.log-key` the first time (trust on first use).
        func verifyingClient() async throws -> (client: AgencyClient, pinAfterSuccess: (@Sendable () throws -> Void)?) {
            try await verifyingClient(keys: try KeyFileOptions.load(key, passphrase: passphrase))
        }

        /// The same, for keys already loaded (the UI loads them once and keeps them).
        func verifyingClient(keys: AgencyKeyPair) async throws -> (client: AgencyClient, pinAfterSuccess: (@Sendable () throws -> Void)?) {
            let url = try serverURL()
            let pinFile = URL(fileURLWithPath: key + ".log-key")
            let trusted: NoteVerifierKey
            let operatorKey = try pinnedOperatorKey()
            if let logKey {
                trusted = try parseLogKey(logKey)
            } else if let pinned = try? String(contentsOf: pinFile, encoding: .utf8) {
                trusted = try parseLogKey(pinned.trimmingCharacters(in: .whitespacesAndNewlines))
            } else {
                let published = try await CLIOutput.reporting { try await AgencyClient(server: url, keys: keys).publishedLogKey() }
                // Pinned only once a case has been verified and opened with it.
                return (AgencyClient(server: url, keys: keys, logKey: published, checkpointPin: checkpointPin, operatorKey: operatorKey), {
                    try (published.encoded + "\n").write(to: pinFile, atomically: true, encoding: .utf8)
                    FileHandle.standardError.write(Data("note: pinned the audit log key \(published.encoded) in \(pinFile.path)\n".utf8))
                })
            }
            return (AgencyClient(server: url, keys: keys, logKey: trusted, checkpointPin: checkpointPin, operatorKey: operatorKey), nil)
        }

        private func parseLogKey(_ text: String) throws -> NoteVerifierKey {
            do {
                return try NoteVerifierKey(parsing: text)
            } catch {
                throw CLIFailure("the audit log key \(text) is malformed: \(error.reason)")
            }
        }

        func serverURL() throws -> URL {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--server must be an http:// or https:// URL, got \(server)")
            }
            return url
        }
    }

    struct Decrypt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt a saved case bundle offline ({\"case\", \"agency_view\", \"wrap\"} JSON) and print the agency view.")
        @Argument(help: "The bundle file.") var bundle: String
        @Option(help: "Your private key file.") var key: String
        @OptionGroup var passphrase: PassphraseOptions
        @Option(help: "json (one object) or table (laid out to read). Default: table on a terminal, json otherwise.")
        var format: OutputFormat?

        func run() async throws {
            let keys = try KeyFileOptions.load(key, passphrase: passphrase)
            guard let data = FileManager.default.contents(atPath: bundle) else {
                throw CLIFailure("cannot read the bundle file \(bundle)")
            }
            let view = try await CLIOutput.reporting { try AgencyClient.decryptBundle(data, keys: keys) }
            let object: [String: Any] = ["case": view.caseID.rawValue, "language": view.language, "fields": view.fields, "narrative": view.narrative]
            OutputFormat.resolved(format) == .json ? CLIOutput.printJSONLine(object) : CaseCard.print(object)
        }
    }

    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The cases your key can open, oldest first: filing day, language, last activity, unread answers.",
            discussion: """
                The language, employer, place and text come from each case's decrypted agency view and thread: a case \
                this machine has not opened before is opened once (logged, like any opening) and remembered in \
                KEYFILE.cases, sealed to your key. --search looks in that text, here: nothing about it reaches the \
                server. A case's text is as of its last opening on this machine (`inspector show`, the UI).
                """)
        @OptionGroup var connection: Connection
        @Option(help: "json (one JSON object per line) or table. Default: table on a terminal, json otherwise.")
        var format: OutputFormat?
        @Option(help: "Only cases in this status (repeat for several).") var status: [String] = []
        @Option(help: "Only cases in this language (its code, e.g. tl).") var language: String?
        @Option(help: ArgumentHelp("Only cases filed more than this many days ago.", valueName: "days")) var olderThan: Int?
        @Option(help: ArgumentHelp(
            "Only cases whose text holds every word given: narrative, fields, attachments' text, notes and answers.",
            discussion: "Case-insensitive, accent-insensitive for Latin letters, in any script; searched on this machine only.",
            valueName: "words"))
        var search: String?
        @Flag(help: "Only cases past a deadline: not acknowledged (still received) after --acknowledge-days, or no feedback (not closed) after --feedback-days.")
        var overdue = false
        @Option(help: "The acknowledgement deadline in days (as the daemon's serve option).") var acknowledgeDays = ResponseDeadlines.standard.acknowledgeDays
        @Option(help: "The feedback deadline in days (as the daemon's serve option).") var feedbackDays = ResponseDeadlines.standard.feedbackDays
        @Option(help: "filed (oldest first, the default), activity (most recent first) or unread (most unread answers first).")
        var sort: ListOrder = .filed

        enum ListOrder: String, ExpressibleByArgument { case filed, activity, unread }

        func validate() throws {
            if let olderThan, olderThan < 0 { throw ValidationError("--older-than takes a number of days, 0 or more") }
            if let search, CaseSearch(search) == nil { throw ValidationError("--search needs a word to look for") }
        }

        func run() async throws {
            let keys = try KeyFileOptions.load(connection.key, passphrase: connection.passphrase)
            let (client, pinAfterSuccess) = try await connection.verifyingClient(keys: keys)
            var index = try CaseIndex.load(connection.caseIndexURL, keys: keys)
            let summaries = try await CLIOutput.reporting { try await client.cases() }
            for id in index.unknown(among: summaries) {
                let opened = try await CLIOutput.reporting { try await client.openFull(id) }
                index.record(opened, answersRead: 0)
            }
            try pinAfterSuccess?()
            index.keepOnly(summaries)
            try index.save(keys: keys)
            let allRows = summaries.map { summary -> [String: Any] in
                let entry = index[summary.caseID]
                var row: [String: Any] = ["case": summary.caseID.rawValue, "status": CaseState.contractValue(summary.status), "day": summary.day,
                                          "language": entry?.language ?? "", "last_activity": summary.lastActivity,
                                          "unread": max(0, summary.answers - (entry?.answersRead ?? 0))]
                if summary.status == CaseState.transferred.rawValue { row["handed_over"] = true }
                return row
            }
            let narrowing = CaseNarrowing(language: language, olderThanDays: olderThan, search: search.flatMap(CaseSearch.init))
            let listed = CaseListFilter(statuses: Set(status), narrowing: narrowing, index: index, overdue: overdue,
                                        deadlines: ResponseDeadlines(acknowledgeDays: acknowledgeDays, feedbackDays: feedbackDays),
                                        today: CoarseTime().day(), order: sort.rawValue)
                .apply(Array(zip(allRows, summaries)))
            if search != nil {
                let behind = summaries.filter { !(index[$0.caseID]?.isCurrent(for: $0) ?? false) }.count
                if behind > 0 {
                    CLIOutput.warn("\(behind) of your cases \(behind == 1 ? "has" : "have") notes or answers newer than this machine last read: "
                                   + "searched as last opened (`inspector show CASE` reads them)")
                }
            }
            let rows = listed.map(\.0)
            if OutputFormat.resolved(format) == .json {
                // Exactly the members CONTRACT.md lists: tools compare the set.
                rows.forEach(CLIOutput.printJSONLine)
            } else {
                CaseTable.print(listed.map { row, summary in
                    let entry = index[summary.caseID]
                    return row.merging(["duress": summary.duressFlagged, "urgent": entry?.urgent ?? false,
                                        "district": entry?.district ?? "", "employer": entry?.employer ?? ""]) { $1 }
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Decrypt a case locally and print the agency view as JSON.")
        @Argument(help: "The case id.") var caseID: String
        @OptionGroup var connection: Connection
        @Flag(help: "Also print the status, duress flag, holders, notes and the reporter's answers.") var full = false
        @Option(help: "json (one object) or table (laid out to read). Default: table on a terminal, json otherwise.")
        var format: OutputFormat?

        func run() async throws {
            let id = try CaseArgument.parse(caseID)
            let keys = try KeyFileOptions.load(connection.key, passphrase: connection.passphrase)
            let (client, pinAfterSuccess) = try await connection.verifyingClient(keys: keys)
            let opened = try await CLIOutput.reporting { try await client.openFull(id) }
            try pinAfterSuccess?()
            try connection.remember(opened, keys: keys)
            let view = opened.view
            var object: [String: Any] = ["case": view.caseID.rawValue, "language": view.language, "fields": view.fields, "narrative": view.narrative]
            let attachments = opened.allAttachments
            if !attachments.isEmpty {
                // Everything but each key: the key stays inside this process (`inspector attachment`).
                object["attachments"] = attachments.enumerated().map { index, entry -> [String: Any] in
                    ["number": index + 1, "id": entry.id.rawValue, "media_type": entry.mediaType, "pages": entry.pages, "text": entry.text]
                }
            }
            if opened.withheldAttachments > 0 { object["attachments_withheld"] = opened.withheldAttachments }
            if full {
                object["status"] = CaseState.contractValue(opened.status)
                if opened.status == CaseState.transferred.rawValue { object["handed_over"] = true }
                object["indicators"] = view.indicators ?? []
                object["urgent"] = view.isUrgent
                object["duress"] = opened.duressFlagged
                object["holders"] = opened.holders
                object["notes"] = opened.notes.map { ["author": $0.author, "kind": $0.kind.rawValue, "text": $0.text, "signed": $0.isSigned] as [String: Any] }
                object["answers"] = opened.answers.map(\.text)
                object["thread"] = opened.thread.map { entry -> [String: Any] in
                    var item: [String: Any] = ["day": entry.day ?? NSNull(), "author": entry.author, "kind": entry.kind, "text": entry.text]
                    // An entry that came with the case from another organisation says so (issue 19 #5).
                    if let organisation = entry.organisation { item["organisation"] = organisation }
                    return item
                }
                if !opened.transfers.isEmpty {
                    object["transfers"] = opened.transfers.map { t -> [String: Any] in
                        ["case": t.caseID.rawValue, "receiver_case": t.receiverCaseID.rawValue, "from_name": t.fromName,
                         "from_operator": t.fromOperator, "to_name": t.toName, "to_operator": t.toOperator, "to_key": t.toKey,
                         "by": t.by, "keep_copy": t.keepCopy, "day": t.day]
                    }
                }
                if let filed = opened.firstFiled { object["first_filed"] = filed }
                // What did not open is skipped, listed and counted, never fatal (issue 17 #7).
                object["unopened"] = opened.unopened.map { item -> [String: Any] in
                    var entry: [String: Any] = ["kind": item.kind.rawValue, "reason": item.reason]
                    if let sender = item.sender { entry["sender"] = sender }
                    return entry
                }
                if let summary = UnopenedItem.summary(opened.unopened) { CLIOutput.warn(summary) }
            }
            OutputFormat.resolved(format) == .json ? CLIOutput.printJSONLine(object) : CaseCard.print(object)
        }
    }
}

extension OperatorPublicKey {
    /// The operator key file at `given` (a file that cannot be read or used is an error), else at
    /// `fallback` when one is there; nil when neither is.
    static func load(given: String?, fallback: String) throws -> OperatorPublicKey? {
        let path = given ?? fallback
        guard let data = FileManager.default.contents(atPath: path) else {
            if given != nil { throw CLIFailure("cannot read the operator key file \(path)") }
            return nil
        }
        do {
            return try OperatorPublicKey(publicKeyFile: data)
        } catch {
            throw CLIFailure("the operator key file \(path) cannot be used: \(error.reason)")
        }
    }
}
