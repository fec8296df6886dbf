import Foundation
import Statistics
import Testing

/// The exact samplers (Canonne, Kamath, Steinke 2020) against exact pmfs, by chi-square tests with
/// a fixed failure probability of about 10⁻⁹ (`ChiSquare`).
@Suite("exact samplers")
struct SamplerDistributionTests {
    static let draws = 100_000

    @Test("Bernoulli(exp(−γ)) hits exp(−γ) for γ below, at and above 1", arguments: ["0.3", "1", "2.75", "0"])
    func bernoulliExp(_ gammaText: String) throws {
        let gamma = try Rational(decimal: gammaText)
        var sampler = ExactSampler(source: SeededRandomSource(seed: 0x5AFE_0001))
        var hits = 0
        for _ in 0..<Self.draws where try sampler.bernoulliExp(gamma) { hits += 1 }
        let p = exp(-gamma.doubleValue)
        let sd = (Double(Self.draws) * p * (1 - p)).squareRoot()
        #expect(abs(Double(hits) - Double(Self.draws) * p) <= 6 * sd + 1e-9, "\(hits) of \(Self.draws) for p = \(p)")
    }

    @Test("discrete Laplace matches its pmf", arguments: [(UInt128(1), UInt128(1)), (1, 3), (2, 5), (1, 22)])
    func discreteLaplace(_ parameters: (UInt128, UInt128)) throws {
        let (s, t) = parameters
        var sampler = ExactSampler(source: SeededRandomSource(seed: 0x5AFE_0002 + UInt64(t)))
        let samples = try (0..<Self.draws).map { _ in try sampler.discreteLaplace(s: s, t: t) }
        let scale = Double(t) / Double(s)
        let test = ChiSquare(samples: samples, pmf: ExactPMF.discreteLaplace(scale: scale), support: -2000...2000)
        #expect(test.passes, "chi-square \(test.statistic) > \(test.criticalValue) with \(test.degreesOfFreedom) degrees of freedom")
        #expect(samples.contains { $0 < 0 } && samples.contains { $0 > 0 })
    }

    @Test("discrete Gaussian matches its pmf", arguments: ["0.5", "2", "10.25", "640.000001"])
    func discreteGaussian(_ sigmaSquaredText: String) throws {
        let sigmaSquared = try Rational(decimal: sigmaSquaredText)
        var sampler = ExactSampler(source: SeededRandomSource(seed: 0x5AFE_0003))
        let samples = try (0..<Self.draws).map { _ in try sampler.discreteGaussian(sigmaSquared: sigmaSquared) }
        let test = ChiSquare(samples: samples, pmf: ExactPMF.discreteGaussian(sigmaSquared: sigmaSquared.doubleValue), support: -2000...2000)
        #expect(test.passes, "chi-square \(test.statistic) > \(test.criticalValue) with \(test.degreesOfFreedom) degrees of freedom")
    }

    @Test("with libsodium's randomness too (the production source)")
    func sodiumSource() throws {
        var sampler = ExactSampler(source: SodiumRandomSource())
        let gaussian = try (0..<Self.draws).map { _ in try sampler.discreteGaussian(sigmaSquared: try Rational(decimal: "7.5")) }
        let g = ChiSquare(samples: gaussian, pmf: ExactPMF.discreteGaussian(sigmaSquared: 7.5), support: -500...500)
        #expect(g.passes, "Gaussian chi-square \(g.statistic) > \(g.criticalValue)")
        let laplace = try (0..<Self.draws).map { _ in try sampler.discreteLaplace(s: 2, t: 7) }
        let l = ChiSquare(samples: laplace, pmf: ExactPMF.discreteLaplace(scale: 3.5), support: -500...500)
        #expect(l.passes, "Laplace chi-square \(l.statistic) > \(l.criticalValue)")
    }

    @Test("the chi-square test catches a sampler that is slightly off")
    func testHasPower() throws {
        // The same Gaussian with σ² 10% too large must fail: otherwise the tests above prove nothing.
        var sampler = ExactSampler(source: SeededRandomSource(seed: 0x5AFE_0004))
        let samples = try (0..<Self.draws).map { _ in try sampler.discreteGaussian(sigmaSquared: try Rational(decimal: "11")) }
        #expect(!ChiSquare(samples: samples, pmf: ExactPMF.discreteGaussian(sigmaSquared: 10), support: -500...500).passes)
    }

    @Test("the production source is uniform below bounds on both sides of 32 bits")
    func uniformity() throws {
        var source = SodiumRandomSource()
        for bound in [UInt128(7), UInt128(1) << 40 | 3] {
            var buckets = [Int](repeating: 0, count: 7)
            for _ in 0..<70_000 { buckets[Int(source.uniform(below: bound) % 7)] += 1 }
            // For the 2⁴⁰+3 bound the residues mod 7 are uniform to within 10⁻¹¹.
            let samples = (0..<7).flatMap { i in [Int](repeating: i, count: buckets[i]) }
            #expect(ChiSquare(samples: samples, pmf: { _ in 1.0 / 7 }, support: 0...6).passes, "\(bound): \(buckets)")
        }
    }

    @Test("decimal budgets parse exactly; bad ones are refused with a hint")
    func rationals() throws {
        #expect(try Rational(decimal: "0.5") == Rational(1, 2))
        #expect(try Rational(decimal: "1e-6") == Rational(1, 1_000_000))
        #expect(try Rational(decimal: "2.5E-1") == Rational(1, 4))
        #expect(try Rational(decimal: "3") == Rational(3, 1))
        #expect(try Rational(exact: "640000001/1000000") == Rational(decimal: "640.000001"))
        for bad in ["", ".", "-1", "1/2", "abc", "1e", "0x10", "1e-99"] {
            #expect(throws: StatisticsError.self, "\(bad)") { try Rational(decimal: bad) }
        }
    }
}
