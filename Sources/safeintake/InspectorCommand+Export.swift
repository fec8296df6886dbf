import ArgumentParser
import Envelope
import Foundation
import InspectorClient
import Intake

extension InspectorCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export cases on this machine: JSON lines, CSV, or a print view (HTML).",
            discussion: """
                Exports hold the agency view and the thread only: nothing the firewall removed was ever on this \
                machine. Each exported case is logged on the server first (case, your key, format, day; never the \
                content). Give case ids, or --all with the filters of `inspector cases`. The file is created with \
                permissions 0600 and never overwrites one.
                """)
        @OptionGroup var connection: Connection
        @Argument(help: "Case ids (or --all).") var caseIDs: [String] = []
        @Flag(help: "Every case your key can open, narrowed by --status, --language and --overdue.") var all = false
        @Option(help: "json (one object per line), csv, or print (HTML that prints one case per page).")
        var format: CaseExport.Format = .json
        @Option(help: "The file to create.") var out: String
        @Option(help: "Only cases in this status (repeat for several).") var status: [String] = []
        @Option(help: "Only cases in this language (its code, e.g. tl).") var language: String?
        @Flag(help: "Only cases past a deadline (see `inspector cases`).") var overdue = false
        @Option(help: "The acknowledgement deadline in days (as the daemon's serve option).") var acknowledgeDays = ResponseDeadlines.standard.acknowledgeDays
        @Option(help: "The feedback deadline in days (as the daemon's serve option).") var feedbackDays = ResponseDeadlines.standard.feedbackDays

        func validate() throws {
            guard all != !caseIDs.isEmpty else { throw ValidationError("give case ids or --all, not both and not neither") }
            guard all || (status.isEmpty && language == nil && !overdue) else {
                throw ValidationError("--status, --language and --overdue narrow --all")
            }
        }

        func run() async throws {
            // Checked before anything is logged, so a refused export leaves no entry (the write
            // itself still refuses an existing file).
            guard !FileManager.default.fileExists(atPath: out) else {
                throw CLIFailure("cannot create \(out): it exists (an existing file is never overwritten)")
            }
            let keys = try KeyFileOptions.load(connection.key, passphrase: connection.passphrase)
            let (client, pinAfterSuccess) = try await connection.verifyingClient(keys: keys)
            let summaries = try await CLIOutput.reporting { try await client.cases() }
            let chosen = try choose(summaries)
            var opened: [(opened: OpenedCase, filedDay: String)] = []
            for summary in chosen {
                let full = try await CLIOutput.reporting { try await client.openFull(summary.caseID) }
                try pinAfterSuccess?()
                if language.map({ $0 != full.view.language }) ?? false { continue }
                opened.append((full, summary.day))
            }
            for item in opened {
                try await CLIOutput.reporting { try await client.recordExport(item.opened.view.caseID, format: format) }
            }
            let text = CaseExport.render(opened, as: format, exportedDay: CoarseTime().day())
            try Array(text.utf8).withUnsafeBytes { try Attachment.writeNew(out, $0) }
            CLIOutput.printJSONLine(["exported": opened.map { $0.opened.view.caseID.rawValue }, "format": format.rawValue, "file": out])
        }

        /// The cases named, or every case narrowed by the filters (language is checked once opened).
        private func choose(_ summaries: [AgencyClient.CaseSummary]) throws -> [AgencyClient.CaseSummary] {
            if all {
                let filter = CaseListFilter(statuses: Set(status), overdue: overdue,
                                            deadlines: ResponseDeadlines(acknowledgeDays: acknowledgeDays, feedbackDays: feedbackDays),
                                            today: CoarseTime().day(), order: "filed")
                return filter.apply(summaries.map { ([:], $0) }).map(\.1)
            }
            return try caseIDs.map { text in
                let id = try CaseArgument.parse(text)
                guard let summary = summaries.first(where: { $0.caseID == id }) else {
                    throw CLIFailure("your key cannot open case \(id): it is not among your cases")
                }
                return summary
            }
        }
    }
}

extension CaseExport.Format: ExpressibleByArgument {}
