import ArgumentParser
import Envelope
import Foundation
import InspectorClient
import InspectorUI
import Intake
import Logging

extension InspectorCommand {
    /// `safeintake inspector ui`: the same client as the other inspector commands, behind a small
    /// web page on 127.0.0.1 (Docs/inspector-ui.md). The key is loaded once, here.
    struct UI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ui",
            abstract: "Work your cases in a browser: a local web UI on 127.0.0.1 only, opened with a one-time link printed here.")
        @OptionGroup var connection: Connection
        @Option(help: "The port on 127.0.0.1 to serve the UI on (0 picks a free one). It never listens on another interface.")
        var port = 0
        @Option(help: "The acknowledgement deadline in days (as the daemon's serve option), for the OVERDUE marks.") var acknowledgeDays = ResponseDeadlines.standard.acknowledgeDays
        @Option(help: "The feedback deadline in days (as the daemon's serve option).") var feedbackDays = ResponseDeadlines.standard.feedbackDays

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        }

        func run() async throws {
            LoggingSystem.bootstrap { PrivacyLogHandler(label: $0) }
            var logger = Logger(label: "safeintake.inspector-ui")
            logger.logLevel = .warning
            let keys = try KeyFileOptions.load(connection.key, passphrase: connection.passphrase)
            let (client, pinAfterSuccess) = try await connection.verifyingClient(keys: keys)
            let deadlines = ResponseDeadlines(acknowledgeDays: acknowledgeDays, feedbackDays: feedbackDays)
            // Judged against today at each listing: the UI may run past midnight.
            let isOverdue: @Sendable (AgencyClient.CaseSummary) -> Bool = { summary in
                CaseListFilter(statuses: [], overdue: true, deadlines: deadlines, today: CoarseTime().day(), order: "filed").isOverdue(summary)
            }
            let ui = InspectorUIServer(client: client, key: keys.publicKey, devOnly: keys.devOnly, port: port,
                                       caseIndex: CaseIndexStore(url: connection.caseIndexURL, keys: keys),
                                       afterFirstVerifiedOpen: pinAfterSuccess, isOverdue: isOverdue)
            let who = "\(keys.publicKey.name) (\(keys.publicKey.role.rawValue))"
            try await ui.run(logger: logger) { link in
                print("SafeIntake inspector UI for \(who), on 127.0.0.1 only.")
                print("Open this link in your browser; it works once, and the session ends when the browser closes:")
                print(link)
                print("Stop with Ctrl-C.")
                fflush(nil)
            }
        }
    }
}
