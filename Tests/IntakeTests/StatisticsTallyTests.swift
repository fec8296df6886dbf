import AuditLog
import Envelope
import Firewall
import Foundation
import Intake
import Sodium
import Statistics
import Testing

/// Issue 21: tallies at intake (both backends) and releases from them.
@Suite("statistics tallies and releases")
struct StatisticsTallyTests {
    @Test("a filing adds its cells to its month's tallies: language, indicators on what inspectors read, firewall categories", arguments: Backend.available)
    func filingAddsItsCells(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let view = try #require(try h.open(filed.caseID, as: h.inspector1))
        let month = String(CoarseTime().day().prefix(7))
        let tallies = try h.store.statisticsTallies(month: month)
        var expected: [TallyCell: Int] = [StatisticsTallying.total: 1, TallyCell("language", "en"): 1]
        let indicators = IndicatorTagger().indicators(in: view.narrative)
        #expect(!indicators.isEmpty, "the test complaint should show indicators (wages, hours)")
        for indicator in indicators { expected[TallyCell("indicator", indicator.rawValue)] = 1 }
        #expect(!filed.firewallReport.counts.isEmpty)
        for category in filed.firewallReport.counts.keys { expected[TallyCell("firewall", category.rawValue)] = 1 }
        #expect(tallies == expected)
        _ = try h.intake.file(body: Harness.body(["language": "tl", "fields": [:] as [String: String], "narrative": "Hindi ako binabayaran."]))
        let after = try h.store.statisticsTallies(month: month)
        #expect(after[StatisticsTallying.total] == 2 && after[TallyCell("language", "tl")] == 1 && after[TallyCell("language", "en")] == 1)
        #expect(try h.store.statisticsTallies(month: "1999-01").isEmpty)
    }

    @Test("a filing that is refused adds nothing: the tallies share its transaction", arguments: Backend.available)
    func refusedFilingAddsNothing(_ backend: Backend) throws {
        let h = try Harness(backend)
        let filed = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let token = try #require(StatusToken.parse(filed.token))
        let live = try #require(try h.store.token(locator: token.locator))
        let month = String(CoarseTime().day().prefix(7))
        let before = try h.store.statisticsTallies(month: month)
        let clash = NewCase(id: CaseID.generate(), day: CoarseTime().day(), agencyView: Array(repeating: 1, count: 64), wraps: [:],
                            token: StoredToken(locator: live.locator, caseID: live.caseID, verifier: live.verifier, reporterKeyWrap: nil),
                            reporterPublicKey: BoxKeyPair().publicKey, duressVerifier: nil,
                            tallies: [StatisticsTallying.total, TallyCell("firewall", "explicit_status")])
        #expect(throws: StoreError.locatorTaken) { try h.store.insertCase(clash, audit: []) }
        #expect(try h.store.statisticsTallies(month: month) == before)
    }

    @Test("a release is signed, logged without any case, stored once per month, and read back verified", arguments: Backend.available)
    func releaseOncePerMonth(_ backend: Backend) throws {
        let h = try Harness(backend)
        var cases: [CaseID] = []
        for _ in 0..<3 { cases.append(try h.intake.file(body: Harness.body(IntakePathTests.complaint)).caseID) }
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        let service = StatisticsService(store: h.store, tallying: h.intake.statistics, signer: signer)
        let month = String(CoarseTime().day().prefix(7))
        let budget = StatisticsService.Budget(epsilon: try Rational(decimal: "1"), delta: try Rational(decimal: "1e-6"))
        #expect(throws: StatisticsError.self, "a running month is refused by default") { try service.release(month: month, budget: budget) }
        let sizeBefore = try h.store.auditLogSize()
        let (release, note) = try service.release(month: month, budget: budget, allowCurrentMonth: true)
        #expect(release.cells.count == h.intake.statistics.domain.cells.count)
        #expect(release.mechanism == "discrete_gaussian")
        #expect(try h.store.auditLogSize() == sizeBefore + 1)
        let entry = try #require(try h.store.auditEntries(sizeBefore..<sizeBefore + 1).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(entry)) as? [String: Any])
        #expect(object["type"] as? String == "statistics_released" && object["month"] as? String == month)
        #expect(object["case"] == nil && object["note"] as? String == note)
        for id in cases { #expect(!note.contains(id.rawValue)) }
        #expect(try ReleaseNote.open(note, verifiedWith: signer.verifierKey) == release)
        #expect(try service.releases().map(\.release) == [release])
        #expect(throws: StatisticsError.self, "each month is released once") {
            try service.release(month: month, budget: budget, allowCurrentMonth: true)
        }
        #expect(throws: StoreError.self) { try h.store.recordStatisticsRelease(month: month, note: note, audit: []) }
        #expect(try h.store.auditLogSize() == sizeBefore + 1)
        #expect(throws: StatisticsError.self) { try service.release(month: "2026-13", budget: budget) }
    }

    @Test("regions come only from the operator's list and region-like fields the firewall kept")
    func regions() throws {
        let tallying = StatisticsTallying(regions: ["Bishan", "Jurong West", " bishan "])
        #expect(tallying.regions == ["Bishan", "Jurong West"])
        let report = FirewallReport(policyVersion: 2)
        func region(_ fields: [String: String]) -> String? {
            tallying.cells(language: "en", fields: fields, narrative: "", report: report).first { $0.dimension == "region" }?.cell
        }
        #expect(region(["district": "  BISHAN "]) == "Bishan")
        #expect(region(["Emp-City": "jurong  west"]) == "unstated", "emp city is not one of the region-like names")
        #expect(region(["city": "jurong  west"]) == "Jurong West")
        #expect(region(["district": "Block 5, Bishan"]) == "other", "free text never becomes a cell")
        #expect(region(["address": "Bishan"]) == "unstated")
        #expect(region(["country": "Bishan"]) == "unstated", "country of origin stands in for nationality")
        #expect(region([:]) == "unstated")
        #expect(StatisticsTallying().cells(language: "en", fields: ["district": "Bishan"], narrative: "", report: report)
            .allSatisfy { $0.dimension != "region" })
        #expect(tallying.domain.dimensions.first { $0.name == "region" }?.cells == ["Bishan", "Jurong West", "other", "unstated"])
    }

    @Test("the domain's sensitivity counts every cell one complaint can touch")
    func sensitivity() throws {
        let domain = StatisticsTallying(regions: ["North"]).domain
        #expect(domain.l1Sensitivity == 1 + 1 + 1 + ForcedLabourIndicator.allCases.count + DisclosureCategory.allCases.count)
        // No complaint touches more cells than that.
        let report = FirewallReport(policyVersion: 2, counts: Dictionary(uniqueKeysWithValues: DisclosureCategory.allCases.map { ($0, 3) }))
        let cells = StatisticsTallying(regions: ["North"]).cells(language: "en", fields: ["region": "North"],
                                                                 narrative: IntakePathTests.complaint["narrative"] as? String ?? "", report: report)
        #expect(cells.count <= domain.l1Sensitivity && Set(cells).count == cells.count)
        #expect(cells.allSatisfy(domain.contains))
    }
}
