import Foundation
import Intake
import Testing

@Suite("aggregate firewall counts in the public log")
struct FirewallSummaryTests {
    @Test("counts reach the log only summed over 50 complaints, and the sums are right", arguments: Backend.available)
    func summariesAreAggregates(_ backend: Backend) throws {
        let h = try Harness(backend)
        var expected: [String: Int] = [:]
        for i in 0..<(IntakeService.firewallSummaryEvery + 3) {
            let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
            if i < IntakeService.firewallSummaryEvery {
                for (category, n) in filed.firewallReport.counts { expected[category.rawValue, default: 0] += n }
            }
            let summaries = try h.auditLog().filter { $0.contains("firewall_summary") }
            #expect(summaries.count == (i + 1 >= IntakeService.firewallSummaryEvery ? 1 : 0), "after \(i + 1) complaints")
        }
        let line = try #require(try h.auditLog().first { $0.contains("firewall_summary") })
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(entry["complaints"] as? Int == IntakeService.firewallSummaryEvery)
        #expect(entry["removed"] as? [String: Int] == expected)
        #expect(!expected.isEmpty, "the sample complaint has status content to remove")
        #expect(entry["case"] == nil && entry["hour"] == nil, "a summary names no case and carries only the day")
    }
}
