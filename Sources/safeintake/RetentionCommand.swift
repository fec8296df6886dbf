import ArgumentParser
import Foundation
import Intake

/// `safeintake retention`: the operator's retention rule, run from cron on the server.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Delete closed (and transferred) cases filed more than N days ago, with everything stored about them (logged).")

    @OptionGroup var store: StoreOptions
    @Option(help: "Delete closed cases, and cases handed to another organisation, filed more than this many days ago.") var closedOlderThanDays: Int

    func validate() throws {
        guard closedOlderThanDays >= 1 else { throw ValidationError("--closed-older-than-days must be at least 1") }
    }

    func run() async throws {
        let selection = try store.open()
        defer { selection.close() }
        let deleted = try RetentionService(store: selection.store).purgeClosedCases(olderThanDays: closedOlderThanDays)
        print("deleted \(deleted) closed or transferred case(s) filed more than \(closedOlderThanDays) days ago")
    }
}
