import AuditLog
import Foundation
import Sodium
import Statistics
import Testing

@Suite("releases")
struct ReleaseTests {
    static let domain = StatisticsDomain(dimensions: [
        .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
        .init(name: "language", cells: ["en", "tl", "ne"], cellsPerComplaint: 1),
        .init(name: "region", cells: [], cellsPerComplaint: 1),
        .init(name: "indicator", cells: ["debt_bondage", "isolation"], cellsPerComplaint: 2),
    ])

    static func release(delta: String? = nil, threshold: Int = 10) throws -> StatisticsRelease {
        var sampler = ExactSampler(source: SodiumRandomSource())
        let counts = [TallyCell("total", "all"): 500, TallyCell("language", "en"): 400, TallyCell("language", "tl"): 100,
                      TallyCell("indicator", "isolation"): 60]
        return try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: counts, domain: domain,
                                          epsilon: try Rational(decimal: "1"), delta: try delta.map { try Rational(decimal: $0) },
                                          threshold: threshold, sampler: &sampler)
    }

    @Test("every cell of the domain is published, in order, whatever the counts; empty dimensions are left out")
    func everyCell() throws {
        let release = try Self.release()
        #expect(release.cells.map { "\($0.dimension)=\($0.cell)" } == ["total=all", "language=en", "language=tl", "language=ne",
                                                                         "indicator=debt_bondage", "indicator=isolation"])
        #expect(release.l1Sensitivity == 4)
        #expect(release.mechanism == "discrete_laplace" && release.noiseParameter == "scale=4")
        // 400 plus Laplace noise of scale 4 is above the threshold except with probability < 10⁻⁴⁰.
        #expect((release.cells[1].value ?? 0) > 300)
        // A cell with nothing is suppressed unless the noise lifts it to 10 (P ≈ e^(−10/4)/2 ≈ 4%).
        #expect(release.cells.allSatisfy { $0.value == nil || $0.value! >= 10 })
    }

    @Test("a release of randomised tallies records each ε₀, de-biases the noisy counts, and reads back")
    func randomisedTallies() throws {
        var sampler = ExactSampler(source: SodiumRandomSource())
        let domain = StatisticsDomain(dimensions: [
            .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
            .init(name: "firewall", cells: ["explicit_status", "asylum"], cellsPerComplaint: 2),
        ])
        // 1000 complaints, 300 with status removed, none asylum: stored answers near their means.
        let p = exp(1.1) / (1 + exp(1.1)), q = 1 - p
        let counts = [TallyCell("total", "all"): 1000, TallyCell("firewall", "explicit_status"): Int((300 * p + 700 * q).rounded()),
                      TallyCell("firewall", "asylum"): Int((1000 * q).rounded())]
        let release = try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: counts, domain: domain,
                                                 epsilon: try Rational(decimal: "4"), delta: try Rational(decimal: "1e-6"),
                                                 localRandomisation: .standard, sampler: &sampler)
        #expect(release.localEpsilon == ["firewall": try Rational(decimal: "1.1")], "only the dimensions of the domain")
        // σ ≈ 2.4 per cell (Δ₂² = 3 at ε = 4), about 5 after de-biasing: ±60 is over 10 σ.
        #expect(abs((release.cells[1].value ?? 0) - 300) < 60)
        #expect(release.cells[2].value == nil || release.cells[2].value! < 60)
        #expect(release.canonicalJSON.contains("\"local_epsilon\":{\"firewall\":\"11/10\"}"))
        #expect(try StatisticsRelease(json: release.canonicalJSON) == release)
        #expect(try Self.release().canonicalJSON.contains("\"local_epsilon\":null"))
    }

    @Test("a δ selects the discrete Gaussian, calibrated so that zCDP gives the requested (ε, δ)")
    func gaussianCalibration() throws {
        let release = try Self.release(delta: "0.000001")
        #expect(release.mechanism == "discrete_gaussian")
        let sigmaSquared = try Rational(exact: String(release.noiseParameter.dropFirst("sigma2=".count))).doubleValue
        let rho = Double(release.l2SensitivitySquared) / (2 * sigmaSquared)
        let achieved = rho + 2 * (rho * log(1e6)).squareRoot()
        #expect(achieved <= 1.0 && achieved > 0.999, "achieved ε \(achieved)")
    }

    @Test("budgets out of range are refused with a reason")
    func refusals() throws {
        for (epsilon, delta) in [("0", nil), ("11", nil), ("1", "0.5"), ("1", "0")] as [(String, String?)] {
            var sampler = ExactSampler(source: SodiumRandomSource())
            #expect(throws: StatisticsError.self) {
                try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: [:], domain: Self.domain,
                                           epsilon: try Rational(decimal: epsilon), delta: try delta.map { try Rational(decimal: $0) }, sampler: &sampler)
            }
        }
    }

    @Test("a signed release verifies with the log key, reads back equal, and fails when altered")
    func signedNote() throws {
        let release = try Self.release(delta: "0.000001")
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        let note = try ReleaseNote.sign(release, with: signer)
        #expect(try ReleaseNote.open(note, verifiedWith: signer.verifierKey) == release)
        let altered = note.replacingOccurrences(of: "\"month\":\"2026-11\"", with: "\"month\":\"2026-10\"")
        #expect(altered != note)
        #expect(throws: (any Error).self) { try ReleaseNote.open(altered, verifiedWith: signer.verifierKey) }
        let other = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: SigningKeyPair())
        #expect(throws: (any Error).self) { try ReleaseNote.open(note, verifiedWith: other.verifierKey) }
    }

    @Test("CSV: the documented header, one row per cell, suppressed cells empty, hostile names quoted and defused")
    func csv() throws {
        let release = try Self.release()
        let text = StatisticsRelease.csv([release])
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "month,dimension,cell,value,suppressed,mechanism,noise_parameter,epsilon,delta,suppression_threshold,released,local_epsilon,central_noise")
        #expect(lines.count == 1 + release.cells.count)
        // A month stored exactly has no ε₀ at rest (empty), and every figure has the central noise.
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",,yes") })
        let hostile = StatisticsRelease(month: "2026-11", releasedDay: "2026-12-01", mechanism: "discrete_laplace", noiseParameter: "scale=4",
                                        epsilon: try Rational(1, 1), delta: nil, l1Sensitivity: 4, l2SensitivitySquared: 4, threshold: 10,
                                        cells: [.init(dimension: "region", cell: "=HYPERLINK(\"x\"), North", value: nil)])
        #expect(StatisticsRelease.csv([hostile]).contains("\"'=HYPERLINK(\"\"x\"\"), North\",,true,"))
    }

    @Test("CSV: each row carries its dimension's ε₀ at rest; the exactly stored total carries none")
    func csvLocalEpsilon() throws {
        let randomised = StatisticsRelease(month: "2026-11", releasedDay: "2026-12-01", mechanism: "discrete_laplace", noiseParameter: "scale=4",
                                           epsilon: try Rational(1, 1), delta: nil, l1Sensitivity: 4, l2SensitivitySquared: 4, threshold: 10,
                                           cells: [.init(dimension: "total", cell: "all", value: 40),
                                                   .init(dimension: "language", cell: "ne", value: 12)],
                                           localEpsilon: ["language": try Rational(3, 1), "firewall": try Rational(11, 10)])
        let lines = StatisticsRelease.csv([randomised]).components(separatedBy: "\r\n").dropLast()
        #expect(lines.dropFirst().first == "2026-11,total,all,40,false,discrete_laplace,scale=4,1.0,,10,2026-12-01,,yes")
        #expect(lines.dropFirst().last == "2026-11,language,ne,12,false,discrete_laplace,scale=4,1.0,,10,2026-12-01,3.0,yes")
    }
}
