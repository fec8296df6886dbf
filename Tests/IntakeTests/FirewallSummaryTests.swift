import Foundation
import Intake
import Testing

/// Security review 2026-12, F2: a per-batch `firewall_summary` in the public log could be narrowed
/// to one case by whoever filed the rest of the batch. No firewall counts reach the log any more,
/// in sums or otherwise (Docs/audit-log.md, "Why no firewall counts").
@Suite("no firewall counts in the public log")
struct FirewallSummaryTests {
    @Test("after more complaints than a batch ever held, no entry carries firewall counts", arguments: Backend.available)
    func noSummaries(_ backend: Backend) throws {
        let h = try Harness(backend)
        var removed = 0
        for _ in 0..<51 {
            removed += try h.intake.file(body: Harness.body(IntakePathTests.complaint)).firewallReport.total
        }
        #expect(removed > 0, "the sample complaint has status content to remove")
        let log = try h.auditLog()
        #expect(!log.contains { $0.contains("firewall_summary") }, "no summary entry")
        #expect(!log.contains { $0.contains("\"removed\":{") }, "no counts by category in any entry")
        #expect(!log.contains { $0.contains("\"complaints\"") }, "no complaint counts in any entry")
        #expect(try h.database.columns()["firewall_tally"] == nil, "no running tally is kept either")
    }

    @Test("every entry a filing writes carries the day only, never the hour", arguments: Backend.available)
    func filingEntriesCarryTheDay(_ backend: Backend) throws {
        let h = try Harness(backend)
        let before = try h.store.auditLogSize()
        _ = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let entries = try h.store.auditEntries(before..<h.store.auditLogSize())
        #expect(entries.count == 3, "complaint_accepted and two intake wraps")
        for entry in entries {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(entry)) as? [String: Any])
            #expect(object["hour"] == nil, "\(object["type"] ?? "?") carries the hour next to the case id")
            #expect(object["day"] is String, "\(object["type"] ?? "?") carries the day")
        }
    }
}
