import Foundation
import Statistics
import Testing

/// Randomised response at rest (`LocalRandomisation`): each answer's distribution against its exact
/// probabilities (chi-square at a failure probability of about 10⁻⁹, as the sampler tests), the
/// de-biased estimator's mean, and the utility table of Docs/statistics.md.
@Suite("randomised response at rest")
struct RandomisedResponseTests {
    static let draws = 100_000

    static func pmfOfBit(_ epsilon: Double) -> (Int) -> Double {
        let p = exp(epsilon) / (1 + exp(epsilon))
        return { $0 == 1 ? p : 1 - p }
    }

    @Test("a stored bit equals the truth with probability e^ε₀/(1 + e^ε₀)", arguments: ["1.1", "0.5", "3"])
    func bitDistribution(_ epsilon: String) throws {
        let e = try Rational(decimal: epsilon)
        var seeded = ExactSampler(source: SeededRandomSource(seed: 21))
        var sodium = ExactSampler(source: SodiumRandomSource())
        var a: [Int] = [], b: [Int] = []
        for _ in 0..<Self.draws {
            a.append(try seeded.keepBit(epsilon: e) ? 1 : 0)
            b.append(try sodium.keepBit(epsilon: e) ? 1 : 0)
        }
        for samples in [a, b] {
            let test = ChiSquare(samples: samples, pmf: Self.pmfOfBit(e.doubleValue), support: 0...1)
            #expect(test.passes, "χ² \(test.statistic) > \(test.criticalValue)")
        }
        // Power: the same draws against a keep probability 3% off fail (χ² about 400 against 37).
        let p = Self.pmfOfBit(e.doubleValue)(1) - 0.03
        #expect(!ChiSquare(samples: a, pmf: { $0 == 1 ? p : 1 - p }, support: 0...1).passes)
    }

    @Test("k-ary randomised response: the truth with probability e^ε₀/(e^ε₀ + k − 1), every other value with 1/(e^ε₀ + k − 1)",
          arguments: [(5, 2), (32, 0), (3, 2)])
    func kAryDistribution(_ shape: (k: Int, truth: Int)) throws {
        let e = try Rational(decimal: "1.1")
        let odds = exp(1.1), k = shape.k
        var sodium = ExactSampler(source: SodiumRandomSource())
        var seeded = ExactSampler(source: SeededRandomSource(seed: 7))
        var a: [Int] = [], b: [Int] = [], unknown: [Int] = []
        for _ in 0..<Self.draws {
            a.append(try sodium.kAryResponse(truth: shape.truth, k: k, epsilon: e))
            b.append(try seeded.kAryResponse(truth: shape.truth, k: k, epsilon: e))
            unknown.append(try seeded.kAryResponse(truth: nil, k: k, epsilon: e))
        }
        let pmf: (Int) -> Double = { $0 == shape.truth ? odds / (odds + Double(k - 1)) : 1 / (odds + Double(k - 1)) }
        for samples in [a, b] {
            let test = ChiSquare(samples: samples, pmf: pmf, support: 0...(k - 1))
            #expect(test.passes, "χ² \(test.statistic) > \(test.criticalValue)")
        }
        let uniform = ChiSquare(samples: unknown, pmf: { _ in 1 / Double(k) }, support: 0...(k - 1))
        #expect(uniform.passes, "no true value: uniform over the k cells")
    }

    static let domain = StatisticsDomain(dimensions: [
        .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
        .init(name: "language", cells: (0..<32).map { "l\($0)" }, cellsPerComplaint: 1),
        .init(name: "firewall", cells: (0..<8).map { "f\($0)" }, cellsPerComplaint: 8),
    ])

    /// One simulated month of `n` complaints: the true counts and the stored (randomised) ones.
    /// 30% in language l3, 20% with firewall category f0.
    static func month<S>(_ n: Int, scheme: LocalRandomisation, sampler: inout ExactSampler<S>) throws -> [TallyCell: Int] {
        var stored: [TallyCell: Int] = [:]
        for i in 0..<n {
            var truth = [TallyCell("total", "all"), TallyCell("language", i % 10 < 3 ? "l3" : "l\(i % 7 + 10)")]
            if i % 5 == 0 { truth.append(TallyCell("firewall", "f0")) }
            for cell in try scheme.randomise(truth, domain: domain, sampler: &sampler) { stored[cell, default: 0] += 1 }
        }
        return stored
    }

    @Test("a randomised answer keeps the exact total and one cell per categorical dimension")
    func shapeOfAnAnswer() throws {
        var sampler = ExactSampler(source: SodiumRandomSource())
        for _ in 0..<200 {
            let cells = try LocalRandomisation.standard.randomise([TallyCell("total", "all"), TallyCell("language", "l3"), TallyCell("firewall", "f1")],
                                                                  domain: Self.domain, sampler: &sampler)
            #expect(cells.filter { $0.dimension == "total" } == [TallyCell("total", "all")])
            #expect(cells.filter { $0.dimension == "language" }.count == 1)
            #expect(cells.allSatisfy(Self.domain.contains) && Set(cells).count == cells.count)
        }
        #expect(try LocalRandomisation(stored: LocalRandomisation.standard.description) == .standard)
        #expect(try LocalRandomisation(operatorText: "0.7,firewall=2").epsilons["firewall"] == Rational(decimal: "2"))
        #expect(throws: StatisticsError.self) { try LocalRandomisation(operatorText: "0.01") }
        #expect(throws: StatisticsError.self) { try LocalRandomisation(operatorText: "1,nationality=1") }
        #expect(throws: StatisticsError.self) { try LocalRandomisation(operatorText: "1.0000001") }
    }

    @Test("the de-biased estimator is unbiased: its mean over many simulated months is the truth")
    func estimatorIsUnbiased() throws {
        var sampler = ExactSampler(source: SeededRandomSource(seed: 2026))
        let scheme = LocalRandomisation.standard
        let months = 400, n = 200
        var sums: [TallyCell: Double] = [:]
        for _ in 0..<months {
            let stored = try Self.month(n, scheme: scheme, sampler: &sampler)
            for (cell, value) in ReleaseBuilder.estimates(stored, domain: Self.domain, localRandomisation: scheme) { sums[cell, default: 0] += value }
        }
        // Truth: 60 of 200 in l3, 40 with f0, 0 in l0 and f5. Standard error of the mean over 400
        // months at most √(8.3·200)/20 ≈ 2.1 (k-RR, k = 32) and √(0.75·200)/20 ≈ 0.6 (bits): ±6 of
        // them is ±12.2 and ±3.7.
        let odds: Double = exp(1.1)
        let sqrtMonths: Double = Double(months).squareRoot()
        let bitVariance: Double = Double(n) * odds / ((odds - 1) * (odds - 1))
        let bitsSE: Double = bitVariance.squareRoot() / sqrtMonths
        let pk: Double = odds / (odds + 31)
        let qk: Double = 1 / (odds + 31)
        let kVariance: Double = Double(n) * max(pk * (1 - pk), qk * (1 - qk)) / ((pk - qk) * (pk - qk))
        let kSE: Double = kVariance.squareRoot() / sqrtMonths
        let checks: [(TallyCell, Double, Double)] = [(TallyCell("language", "l3"), 60, kSE), (TallyCell("language", "l0"), 0, kSE),
                                                     (TallyCell("firewall", "f0"), 40, bitsSE), (TallyCell("firewall", "f5"), 0, bitsSE)]
        for (cell, truth, se) in checks {
            let mean: Double = (sums[cell] ?? 0) / Double(months)
            #expect(abs(mean - truth) < 6 * se, "\(cell): mean \(mean), truth \(truth), ±\(6 * se)")
        }
    }

    /// The domain of the utility table: the intake's shape with 6 regions (4 listed, `other`, `unstated`).
    static let tableDomain = StatisticsDomain(dimensions: [
        .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
        .init(name: "language", cells: (0..<32).map { "l\($0)" }, cellsPerComplaint: 1),
        .init(name: "region", cells: (0..<6).map { "r\($0)" }, cellsPerComplaint: 1),
        .init(name: "firewall", cells: (0..<8).map { "f\($0)" }, cellsPerComplaint: 8),
    ])

    /// One simulated month for the table: 30% in language l3, 30% in region r2, 20% with firewall f0.
    static func tableMonth<S>(_ n: Int, scheme: LocalRandomisation, domain: StatisticsDomain, sampler: inout ExactSampler<S>) throws -> [TallyCell: Int] {
        var stored: [TallyCell: Int] = [:]
        for i in 0..<n {
            var truth = [TallyCell("total", "all"), TallyCell("language", i % 10 < 3 ? "l3" : "l\(i % 7 + 10)"),
                         TallyCell("region", i % 10 < 3 ? "r2" : "r\(i % 3 + 3)")]
            if i % 5 == 0 { truth.append(TallyCell("firewall", "f0")) }
            for cell in try scheme.randomise(truth, domain: domain, sampler: &sampler) { stored[cell, default: 0] += 1 }
        }
        return stored
    }

    /// The utility table of Docs/statistics.md ("Local-only dimensions"): the standard deviation of
    /// one released figure, central vs local-only, over simulated months through the real randomiser
    /// and estimator. Central: the release of today's default, every figure with the noise of ε = 1,
    /// δ = 10⁻⁶ calibrated to 22 cells (σ² = 601.1), de-biased with the noisy total. Local-only: the
    /// stored answers alone, de-biased with the exact total. Figures: `language = l3` (30%, ε₀ 1.1 and
    /// 3), `region = r2` (30%, k = 6, ε₀ 1.1), `firewall = f0` (20%, ε₀ 1.1). Analytic values at the
    /// cell's share beside them, √([n_v·p(1 − p) + (n − n_v)·q(1 − q) + σ²(1 + q²)]) / (p − q), and
    /// the page's bound over every share (`LocalRandomisation.standardDeviation`).
    /// Slow; run with SAFEINTAKE_RR_TABLE=1.
    @Test("utility table (measured)", .enabled(if: ProcessInfo.processInfo.environment["SAFEINTAKE_RR_TABLE"] != nil))
    func utilityTable() throws {
        var sampler = ExactSampler(source: SeededRandomSource(seed: 5))
        let central = NoiseMechanism.discreteGaussian(sigmaSquared: try Rational(601_100_001, 1_000_000))
        let centralSD = central.standardDeviation
        let languageOnly = StatisticsDomain(dimensions: [Self.tableDomain.dimensions[0], Self.tableDomain.dimensions[1]])
        let schemes: [(label: String, scheme: LocalRandomisation, domain: StatisticsDomain, figures: [(String, TallyCell)])] = [
            ("ε₀ 1.1", .standard, Self.tableDomain,
             [("language", TallyCell("language", "l3")), ("region", TallyCell("region", "r2")), ("firewall", TallyCell("firewall", "f0"))]),
            ("ε₀ 3", try LocalRandomisation(operatorText: "1.1,language=3"), languageOnly, [("language", TallyCell("language", "l3"))]),
        ]
        let runs: [(n: Int, months: Int)] = [(50, 2000), (500, 400), (5000, 100)]
        func sd(_ xs: [Double]) -> Double {
            let mean = xs.reduce(0, +) / Double(xs.count)
            return (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
        }
        print("RR-TABLE | figure | ε₀ | complaints a month | central (analytic; bound) | local-only (analytic; bound) |")
        for (label, scheme, domain, figures) in schemes {
            for (n, months) in runs {
                var local: [String: [Double]] = [:], both: [String: [Double]] = [:]
                for _ in 0..<months {
                    let stored = try Self.tableMonth(n, scheme: scheme, domain: domain, sampler: &sampler)
                    var noisy = stored
                    for cell in domain.cells { noisy[cell] = (stored[cell] ?? 0) + (try central.sample(&sampler)) }
                    // The stored total is exact: de-biasing the stored answers uses the exact total.
                    let e1 = ReleaseBuilder.estimates(stored, domain: domain, localRandomisation: scheme)
                    let e2 = ReleaseBuilder.estimates(noisy, domain: domain, localRandomisation: scheme)
                    for (name, cell) in figures {
                        local[name, default: []].append(e1[cell] ?? 0)
                        both[name, default: []].append(e2[cell] ?? 0)
                    }
                }
                for (name, _) in figures {
                    let k = domain.dimensions.first { $0.name == name }?.cells.count ?? 0
                    let epsilon = scheme.epsilons[name]!
                    let (p, q) = LocalRandomisation.probabilities(dimension: name, epsilon: epsilon, cells: k)!
                    let nv = Double(n) * (name == "firewall" ? 0.2 : 0.3)
                    func exact(_ sigma: Double) -> Double {
                        (nv * p * (1 - p) + (Double(n) - nv) * q * (1 - q) + sigma * sigma * (1 + q * q)).squareRoot() / (p - q)
                    }
                    let b1 = LocalRandomisation.standardDeviation(dimension: name, epsilon: epsilon, cells: k, total: n, centralSD: centralSD) ?? 0
                    let b0 = LocalRandomisation.standardDeviation(dimension: name, epsilon: epsilon, cells: k, total: n, centralSD: 0) ?? 0
                    print("RR-TABLE | \(name) | \(label) | \(n) (\(months) months) | "
                          + "\(String(format: "%.1f (%.1f; %.1f)", sd(both[name] ?? []), exact(centralSD), b1)) | "
                          + "\(String(format: "%.1f (%.1f; %.1f)", sd(local[name] ?? []), exact(0), b0)) |")
                }
            }
        }
    }
}
