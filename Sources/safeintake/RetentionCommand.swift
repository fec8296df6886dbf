import ArgumentParser
import Foundation
import Intake
import Storage

/// `safeintake retention`: the operator's retention rule, run from cron on the server.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Delete closed cases filed more than N days ago, with everything stored about them (logged).")

    @Option(help: "The daemon's data folder.") var data = "./data"
    @Option(help: "Delete closed cases filed more than this many days ago.") var closedOlderThanDays: Int

    func validate() throws {
        guard closedOlderThanDays >= 1 else { throw ValidationError("--closed-older-than-days must be at least 1") }
    }

    func run() async throws {
        let store = try SQLiteStore(directory: URL(fileURLWithPath: data))
        let deleted = try RetentionService(store: store).purgeClosedCases(olderThanDays: closedOlderThanDays)
        print("deleted \(deleted) closed case(s) filed more than \(closedOlderThanDays) days ago")
    }
}
