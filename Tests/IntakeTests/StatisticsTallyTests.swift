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
    @Test("a filing adds its randomised answer to its month's tallies: the exact total, one language, bits for indicators and categories", arguments: Backend.available)
    func filingAddsItsCells(_ backend: Backend) throws {
        let h = try Harness(backend)
        _ = try h.intake.file(body: Harness.body(IntakePathTests.complaint))
        let month = String(CoarseTime().day().prefix(7))
        let stored = try h.store.statisticsTallies(month: month)
        #expect(stored.localRandomisation == .standard, "the month records the ε₀ its first filing used")
        #expect(stored.counts[StatisticsTallying.total] == 1, "the total is exact")
        #expect(stored.counts.filter { $0.key.dimension == "language" }.values.reduce(0, +) == 1, "one language cell, true or not")
        #expect(stored.counts.keys.allSatisfy(h.intake.statistics.domain.contains))
        #expect(stored.counts.values.allSatisfy { $0 == 1 })
        _ = try h.intake.file(body: Harness.body(["language": "tl", "fields": [:] as [String: String], "narrative": "Hindi ako binabayaran."]))
        let after = try h.store.statisticsTallies(month: month)
        #expect(after.counts[StatisticsTallying.total] == 2)
        #expect(after.counts.filter { $0.key.dimension == "language" }.values.reduce(0, +) == 2)
        #expect(try h.store.statisticsTallies(month: "1999-01").counts.isEmpty)
    }

    /// The seizure of issue 21's review: two storage states around one filing (a WAL frame, a dead
    /// row version, two backups) differ by that filing's stored cells. Over many filings whose
    /// firewall removed status, that difference must say "removed" only at randomised response's
    /// rate e^ε₀/(1 + e^ε₀) ≈ 0.75, never always; and with status not removed, at ≈ 0.25.
    @Test("two snapshots around one filing do not determine its firewall bit", arguments: Backend.available)
    func snapshotsDoNotDetermineTheFirewallBit(_ backend: Backend) throws {
        let h = try Harness(backend)
        let tallying = StatisticsTallying()
        let month = "2026-11"
        let target = TallyCell("firewall", "explicit_status")
        let filings = 300
        var agreeing = [true: 0, false: 0]
        for i in 0..<filings {
            let removed = i % 2 == 0
            var truth = [StatisticsTallying.total, TallyCell("language", "ti"), TallyCell("indicator", "withholding_of_wages")]
            if removed { truth.append(target) }
            let caseID = CaseID.generate()
            let newCase = NewCase(id: caseID, day: "2026-11-20", agencyView: [1, 2, 0], wraps: [:],
                                  token: StoredToken(locator: String(format: "%08d", 20_000_000 + i), caseID: caseID,
                                                     verifier: TokenVerifier(salt: [0], hash: [0], cost: .minimum), reporterKeyWrap: nil),
                                  reporterPublicKey: [0], duressVerifier: nil,
                                  statistics: TallyContribution(truth: truth, domain: tallying.domain, localRandomisation: tallying.localRandomisation))
            let before = try h.store.statisticsTallies(month: month).counts
            try h.store.insertCase(newCase, audit: [])
            let after = try h.store.statisticsTallies(month: month).counts
            let difference = Dictionary(uniqueKeysWithValues: after.map { ($0.key, $0.value - (before[$0.key] ?? 0)) }).filter { $0.value != 0 }
            #expect(difference[StatisticsTallying.total] == 1)
            #expect(difference.values.allSatisfy { $0 == 1 })
            #expect(difference.filter { $0.key.dimension == "language" }.count == 1)
            if (difference[target] == 1) == removed { agreeing[removed, default: 0] += 1 }
        }
        // p = e^1.1/(1 + e^1.1) = 0.7503; 150 filings each way: sd 0.035, so ±6 sd is ±0.21.
        let p = exp(1.1) / (1 + exp(1.1))
        for removed in [true, false] {
            let rate = Double(agreeing[removed] ?? 0) / Double(filings / 2)
            #expect(abs(rate - p) < 0.21, "the stored bit agrees with the truth at \(rate), expected \(p)")
            #expect(rate < 1, "the storage difference must not determine the truth")
        }
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
                            statistics: TallyContribution(truth: [StatisticsTallying.total, TallyCell("firewall", "explicit_status")],
                                                          domain: StatisticsTallying().domain, localRandomisation: .standard))
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
            tallying.cells(language: "en", fields: fields, indicators: [], report: report).first { $0.dimension == "region" }?.cell
        }
        #expect(region(["district": "  BISHAN "]) == "Bishan")
        #expect(region(["Emp-City": "jurong  west"]) == "unstated", "emp city is not one of the region-like names")
        #expect(region(["city": "jurong  west"]) == "Jurong West")
        #expect(region(["district": "Block 5, Bishan"]) == "other", "free text never becomes a cell")
        #expect(region(["address": "Bishan"]) == "unstated")
        #expect(region(["country": "Bishan"]) == "unstated", "country of origin stands in for nationality")
        #expect(region([:]) == "unstated")
        #expect(StatisticsTallying().cells(language: "en", fields: ["district": "Bishan"], indicators: [], report: report)
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
                                                                 indicators: ForcedLabourIndicator.allCases, report: report)
        #expect(cells.count <= domain.l1Sensitivity && Set(cells).count == cells.count)
        #expect(cells.allSatisfy(domain.contains))
    }
}
