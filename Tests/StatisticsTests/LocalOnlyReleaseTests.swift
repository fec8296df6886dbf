import AuditLog
import Foundation
import Sodium
import Statistics
import Testing

/// Dimensions released from the randomised answers alone (`ReleaseBuilder.release(localOnly:)`,
/// Docs/statistics.md, "Local-only dimensions"), and release format version 2.
@Suite("local-only dimensions")
struct LocalOnlyReleaseTests {
    /// Like the intake domain without regions: 1 + 1 + 11 + 8 = 21 cells one complaint touches.
    static let domain = StatisticsDomain(dimensions: [
        .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
        .init(name: "language", cells: (0..<32).map { "l\($0)" }, cellsPerComplaint: 1),
        .init(name: "indicator", cells: (0..<11).map { "i\($0)" }, cellsPerComplaint: 11),
        .init(name: "firewall", cells: (0..<8).map { "f\($0)" }, cellsPerComplaint: 8),
    ])

    /// A month of 500 complaints' stored (randomised) answers, through the real randomiser.
    static func storedMonth(_ scheme: LocalRandomisation, seed: UInt64) throws -> [TallyCell: Int] {
        var sampler = ExactSampler(source: SeededRandomSource(seed: seed))
        var stored: [TallyCell: Int] = [:]
        for i in 0..<500 {
            var truth = [TallyCell("total", "all"), TallyCell("language", i % 10 < 3 ? "l3" : "l\(i % 7 + 10)")]
            if i % 5 == 0 { truth.append(TallyCell("firewall", "f0")) }
            if i % 4 == 0 { truth.append(TallyCell("indicator", "i2")) }
            for cell in try scheme.randomise(truth, domain: domain, sampler: &sampler) { stored[cell, default: 0] += 1 }
        }
        return stored
    }

    static func release(_ counts: [TallyCell: Int], localOnly: Set<String>, scheme: LocalRandomisation? = .standard, seed: UInt64 = 9,
                        epsilon: String = "1", delta: String? = nil, threshold: Int = 0) throws -> StatisticsRelease {
        var sampler = ExactSampler(source: SeededRandomSource(seed: seed))
        return try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: counts, domain: domain,
                                          epsilon: try Rational(decimal: epsilon), delta: try delta.map { try Rational(decimal: $0) },
                                          threshold: threshold, localRandomisation: scheme, localOnly: localOnly, sampler: &sampler)
    }

    @Test("the central mechanism is calibrated to the domain without the local-only dimensions")
    func reducedSensitivity() throws {
        let stored = try Self.storedMonth(.standard, seed: 1)
        let all = try Self.release(stored, localOnly: [])
        #expect(all.l1Sensitivity == 21 && all.noiseParameter == "scale=21" && all.localOnly.isEmpty)
        let language = try Self.release(stored, localOnly: ["language"])
        #expect(language.l1Sensitivity == 20 && language.l2SensitivitySquared == 20 && language.noiseParameter == "scale=20")
        let two = try Self.release(stored, localOnly: ["firewall", "language"], delta: "1e-6")
        #expect(two.l1Sensitivity == 12 && two.l2SensitivitySquared == 12 && two.localOnly == ["firewall", "language"])
        // σ² = Δ₂²/(2ρ) scales with Δ₂²: 12/21 of the full domain's.
        let full = try NoiseMechanism.calibrated(epsilon: try Rational(1, 1), delta: try Rational(decimal: "1e-6"), domain: Self.domain)
        let reduced = try NoiseMechanism.calibrated(epsilon: try Rational(1, 1), delta: try Rational(decimal: "1e-6"), domain: Self.domain.removing(["firewall", "language"]))
        #expect(two.noiseParameter == reduced.parameter)
        #expect(abs(reduced.standardDeviation * reduced.standardDeviation / (full.standardDeviation * full.standardDeviation) - 12.0 / 21) < 1e-4)
    }

    @Test("a local-only cell carries no noise: its figure is the de-biased stored count, with the exact total")
    func noNoiseOnLocalOnlyCells() throws {
        let stored = try Self.storedMonth(.standard, seed: 2)
        let expected = ReleaseBuilder.debiased(stored, domain: Self.domain.keeping(["language"]), localRandomisation: .standard)
        for seed: UInt64 in [3, 4, 5] {
            let release = try Self.release(stored, localOnly: ["language"], seed: seed)
            for cell in release.cells where cell.dimension == "language" {
                #expect(cell.value == expected[TallyCell("language", cell.cell)], "\(cell.cell)")
            }
        }
        // l3 holds 150 of the 500: its estimate is near (σ ≈ 77 at ε₀ = 1.1), and noiseless it is the same every time.
        #expect(abs((expected[TallyCell("language", "l3")] ?? 0) - 150) < 6 * 77)
        // Centrally noised cells still move from seed to seed (the test can see noise).
        let a = try Self.release(stored, localOnly: ["language"], seed: 3), b = try Self.release(stored, localOnly: ["language"], seed: 4)
        #expect(a.cells.filter { $0.dimension == "firewall" } != b.cells.filter { $0.dimension == "firewall" })
        // And the CSV marks them: `no` for the local-only cells, `yes` for the rest.
        let rows = StatisticsRelease.csv([a]).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.filter { $0.contains(",language,") }.allSatisfy { $0.hasSuffix(",no") })
        #expect(rows.filter { !$0.contains(",language,") && !$0.contains(",handling,") }.allSatisfy { $0.hasSuffix(",yes") })
    }

    @Test("the draws do not depend on the counts: the same seed gives the same noise on other counts")
    func drawsIndependentOfCounts() throws {
        let a = try Self.storedMonth(.standard, seed: 6), b = try Self.storedMonth(.standard, seed: 7)
        var bigger = b
        bigger[TallyCell("total", "all")] = 900
        for counts in [b, bigger] {
            let ra = try Self.release(a, localOnly: ["language"], seed: 11), rb = try Self.release(counts, localOnly: ["language"], seed: 11)
            // The total is stored exactly and not de-biased: its figure is count + its draw.
            let na = (ra.cells[0].value ?? 0) - (a[TallyCell("total", "all")] ?? 0)
            let nb = (rb.cells[0].value ?? 0) - (counts[TallyCell("total", "all")] ?? 0)
            #expect(na == nb)
        }
    }

    @Test("a month stored exactly cannot have a local-only dimension; unknown names are refused")
    func refusals() throws {
        let exact = [TallyCell("total", "all"): 40, TallyCell("language", "l3"): 12]
        do {
            _ = try Self.release(exact, localOnly: ["language"], scheme: nil)
            Issue.record("an exact month was released local-only")
        } catch let error as StatisticsError {
            #expect(error.code == .invalidParameter && error.reason.contains("2026-11") && error.reason.contains("stored exactly"))
        }
        // Without local-only dimensions the exact month releases as before.
        #expect(try Self.release(exact, localOnly: [], scheme: nil).localEpsilon == nil)
        #expect(throws: StatisticsError.self) { try Self.release(exact, localOnly: ["nationality"]) }
        #expect(throws: StatisticsError.self) { try LocalRandomisation.localOnlyDimensions(operatorText: "language,nationality") }
        #expect(try LocalRandomisation.localOnlyDimensions(operatorText: "") == [])
        #expect(try LocalRandomisation.localOnlyDimensions(operatorText: " region , language,") == ["language", "region"])
    }

    @Test("ε total: ε plus each local-only dimension's ε₀ times the answers one case has in it")
    func epsilonTotal() throws {
        let scheme = try LocalRandomisation(operatorText: "1.1,language=3")
        let stored = try Self.storedMonth(scheme, seed: 8)
        #expect(try Self.release(stored, localOnly: [], scheme: scheme).epsilonTotal == Rational(1, 1))
        #expect(try Self.release(stored, localOnly: ["language"], scheme: scheme).epsilonTotal == Rational(4, 1))
        // 8 firewall bits at 1.1 each: 1 + 8.8.
        #expect(try Self.release(stored, localOnly: ["firewall"], scheme: scheme).epsilonTotal == Rational(49, 5))
        // 1 + 3 + 11 × 1.1 + 8 × 1.1 = 24.9 (no region in this domain).
        let all = try Self.release(stored, localOnly: ["language", "indicator", "firewall", "region"], scheme: scheme)
        #expect(all.epsilonTotal == (try Rational(249, 10)) && all.localOnly == ["firewall", "indicator", "language"])
    }

    @Test("version 2 round-trips, signs under a v2 first line, and a wrong ε total or first line is refused")
    func version2() throws {
        let release = try Self.release(try Self.storedMonth(.standard, seed: 10), localOnly: ["language"], threshold: 10)
        let json = release.canonicalJSON
        #expect(json.contains("\"version\":2") && json.contains("\"local_only\":[\"language\"]") && json.contains("\"epsilon_total_exact\":\"21/10\""))
        #expect(try StatisticsRelease(json: json) == release)
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        let note = try ReleaseNote.sign(release, with: signer)
        #expect(note.hasPrefix("safeintake statistics release v2\n"))
        #expect(try ReleaseNote.open(note, verifiedWith: signer.verifierKey) == release)
        #expect(throws: StatisticsError.self) { try StatisticsRelease(json: json.replacingOccurrences(of: "\"epsilon_total_exact\":\"21/10\"", with: "\"epsilon_total_exact\":\"1\"")) }
        #expect(throws: StatisticsError.self) { try StatisticsRelease(json: json.replacingOccurrences(of: "\"local_only\":[\"language\"],", with: "")) }
        let relabelled = try SignedNote(signing: "safeintake statistics release v1\n" + json + "\n", with: [signer]).encoded
        #expect(throws: StatisticsError.self) { try ReleaseNote.open(relabelled, verifiedWith: signer.verifierKey) }
        let unknown = try SignedNote(signing: "safeintake statistics release v3\n" + json.replacingOccurrences(of: "\"version\":2", with: "\"version\":3") + "\n",
                                     with: [signer]).encoded
        #expect(throws: StatisticsError.self) { try ReleaseNote.open(unknown, verifiedWith: signer.verifierKey) }
    }

    /// A release as version 1 wrote it (before local-only dimensions), with its keys exactly.
    static let version1JSON = #"{"cells":[{"cell":"all","dimension":"total","value":40},{"cell":"ne","dimension":"language","value":null}],"#
        + #""delta":null,"delta_exact":null,"epsilon":1,"epsilon_exact":"1","format":"safeintake-statistics-release","handling":null,"#
        + #""l1_sensitivity":2,"l2_sensitivity_squared":2,"local_epsilon":{"language":"11/10"},"mechanism":"discrete_laplace","#
        + #""month":"2026-10","noise_parameter":"scale=2","released":"2026-11-01","suppression_threshold":10,"version":1}"#

    @Test("a version 1 release still reads, verifies and writes back as it was signed")
    func version1() throws {
        let json = Self.version1JSON
        let release = try StatisticsRelease(json: json)
        #expect(release.version == 1 && release.localOnly.isEmpty && release.epsilonTotal == release.epsilon)
        #expect(release.localEpsilon == ["language": try Rational(11, 10)] && release.cells.count == 2)
        #expect(release.jsonObject["local_only"] == nil && release.jsonObject["epsilon_total"] == nil)
        #expect(try StatisticsRelease(json: release.canonicalJSON) == release)
        #expect(release.canonicalJSON == json, "re-serialised, a v1 release is the bytes it was signed as")
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        let stored = try SignedNote(signing: "safeintake statistics release v1\n" + json + "\n", with: [signer]).encoded
        #expect(try ReleaseNote.open(stored, verifiedWith: signer.verifierKey) == release)
        #expect(try ReleaseNote.sign(release, with: signer) == stored, "signing it again gives the same note")
        // Every figure of a v1 release had the central noise.
        #expect(StatisticsRelease.csv([release]).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.allSatisfy { $0.hasSuffix(",yes") })
    }
}
