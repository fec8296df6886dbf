import Foundation
import Statistics
import Testing

/// The attack of the security review (2026-12, F2) against releases: the attacker files or knows
/// 49 of the month's 50 complaints and wants to learn whether the 50th reporter's status was removed
/// by the firewall. With exact sums (the old `firewall_summary`) she reads it off; from a release
/// the figure's distribution must barely depend on the unknown complaint: for every outcome, the
/// probabilities with and without it differ by a factor of at most e^ε (up to sampling error).
@Suite("the n−1 attack")
struct NMinusOneAttackTests {
    static let samples = 100_000

    /// Like the intake domain: one total, 32 languages, 11 indicators, 8 firewall categories.
    static let domain = StatisticsDomain(dimensions: [
        .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
        .init(name: "language", cells: (0..<32).map { "l\($0)" }, cellsPerComplaint: 1),
        .init(name: "indicator", cells: (0..<11).map { "i\($0)" }, cellsPerComplaint: 11),
        .init(name: "firewall", cells: ["explicit_status", "document_identifier", "entry_route", "asylum",
                                        "enforcement_history", "valid_status", "status_field", "unlisted_field"], cellsPerComplaint: 8),
    ])
    static let target = TallyCell("firewall", "explicit_status")

    /// The 49 known complaints' tallies, and the same plus the unknown one (status removed, two
    /// indicators, language l3).
    static func tallies() -> (without: [TallyCell: Int], with: [TallyCell: Int]) {
        var known: [TallyCell: Int] = [:]
        for i in 0..<49 {
            known[TallyCell("total", "all"), default: 0] += 1
            known[TallyCell("language", "l\(i % 5)"), default: 0] += 1
            known[TallyCell("indicator", "i\(i % 11)"), default: 0] += 1
            if i % 4 == 0 { known[target, default: 0] += 1 }  // 13 of the known 49
        }
        var with = known
        for cell in [TallyCell("total", "all"), TallyCell("language", "l3"), TallyCell("indicator", "i2"),
                     TallyCell("indicator", "i7"), target] { with[cell, default: 0] += 1 }
        return (known, with)
    }

    /// The released figure of the target cell, `samples` times, through the real release path.
    /// Cells get independent noise, so releasing the target alone under the mechanism calibrated to
    /// the whole domain gives exactly the target's marginal in a full release.
    static func outcomes(_ counts: [TallyCell: Int], epsilon: String, delta: String?, localOnly: Set<String> = []) throws -> [Int?: Int] {
        let full = try NoiseMechanism.calibrated(epsilon: try Rational(decimal: epsilon), delta: try delta.map { try Rational(decimal: $0) },
                                                 domain: domain.removing(localOnly))
        var sampler = ExactSampler(source: SodiumRandomSource())
        var histogram: [Int?: Int] = [:]
        for _ in 0..<samples {
            let noisy = counts[target, default: 0] + (try full.sample(&sampler))
            // The attacker sees the published value; she may group values into events as she likes
            // (bins of 8 here, so that each holds enough draws to compare): any event's probability
            // may change by at most e^ε.
            histogram[noisy >= ReleaseBuilder.defaultThreshold ? noisy / 8 : nil, default: 0] += 1
        }
        return histogram
    }

    @Test("the released figure barely depends on the 50th complaint",
          arguments: [("1", nil as String?, [] as [String]), ("1", "0.000001", []), ("0.5", nil, []), ("1", nil, ["language"]), ("1", "0.000001", ["language"])])
    func releasedFigureBarelyDepends(_ budget: (String, String?, [String])) throws {
        let budget = (epsilon: budget.0, delta: budget.1, localOnly: Set(budget.2))
        let (without, with) = Self.tallies()
        // With language released local-only the central mechanism is calibrated to 20 cells, not 21:
        // the firewall target keeps its central ε bound.
        let a = try Self.outcomes(without, epsilon: budget.epsilon, delta: budget.delta, localOnly: budget.localOnly)
        let b = try Self.outcomes(with, epsilon: budget.epsilon, delta: budget.delta, localOnly: budget.localOnly)
        let bound = exp(Double(budget.epsilon) ?? 0)
        let (compared, worst) = Self.compare(a, b, bound: bound)
        #expect(compared >= 5, "too few outcomes were frequent enough to compare (\(compared))")
        // The attacker's best guess of "was status removed from the 50th complaint?" from the figure:
        // she picks the likelier world for each outcome. Pure ε-DP bounds her accuracy by e^ε/(1 + e^ε).
        let correct = Set(a.keys).union(b.keys).reduce(0) { $0 + max(a[$1] ?? 0, b[$1] ?? 0) }
        let accuracy = Double(correct) / Double(2 * Self.samples)
        #expect(accuracy <= bound / (1 + bound) + 0.01, "attack accuracy \(accuracy)")
        print("n-1 attack, ε=\(budget.epsilon) δ=\(budget.delta ?? "0") local-only \(budget.localOnly.sorted()): largest |log ratio| over \(compared) outcomes \(String(format: "%.4f", worst)), attacker accuracy \(String(format: "%.4f", accuracy)) (0.5 = guessing)")
    }

    /// Checks, for every outcome frequent enough in both worlds, that its probabilities differ by a
    /// factor of at most `bound` up to sampling error (six standard errors of the log of a ratio of
    /// two counts); returns how many outcomes were compared and the largest |log ratio|.
    static func compare<Outcome: Hashable>(_ a: [Outcome: Int], _ b: [Outcome: Int], bound: Double) -> (compared: Int, worst: Double) {
        var compared = 0, worst = 0.0
        for outcome in Set(a.keys).union(b.keys) {
            let (x, y) = (Double(a[outcome] ?? 0), Double(b[outcome] ?? 0))
            guard x >= 2_000, y >= 2_000 else { continue }
            let tolerance = exp(6 * (1 / x + 1 / y).squareRoot())
            #expect(x / y <= bound * tolerance && y / x <= bound * tolerance, "outcome \(String(describing: outcome)): \(x) vs \(y)")
            worst = max(worst, abs(log(x / y)))
            compared += 1
        }
        return (compared, worst)
    }

    /// Language released from the randomised answers alone at ε₀ = 1.1 (no central noise on it).
    /// The attacker knows the 49 other complaints' *stored* answers outright (more than she could:
    /// they are randomised too) and that the 50th complaint exists (the public log shows it); she
    /// wants its language: l3 or l0. The released language figures, through the real release path,
    /// may differ between the two worlds by a factor of at most e^ε₀ for any outcome.
    static func languageOutcomes(truth: String, source: some RandomSource) throws -> [[Int?]: Int] {
        let domain = StatisticsDomain(dimensions: [Self.domain.dimensions[0], Self.domain.dimensions[1]])
        var known: [TallyCell: Int] = [TallyCell("total", "all"): 50]
        for i in 0..<49 { known[TallyCell("language", "l\(i % 32)"), default: 0] += 1 }  // l0 and l3 hold 2 each
        let epsilon = try Rational(decimal: "1.1"), k = 32
        var sampler = ExactSampler(source: source)
        var histogram: [[Int?]: Int] = [:]
        for _ in 0..<samples {
            var counts = known
            let answer = try sampler.kAryResponse(truth: Int(truth.dropFirst()), k: k, epsilon: epsilon)
            counts[TallyCell("language", "l\(answer)"), default: 0] += 1
            let release = try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: counts, domain: domain,
                                                     epsilon: try Rational(1, 1), delta: nil, localRandomisation: .standard,
                                                     localOnly: ["language"], sampler: &sampler)
            // What she sees of the language: every language figure (the total's noise is the same in both worlds).
            histogram[release.cells.filter { $0.dimension == "language" }.map(\.value), default: 0] += 1
        }
        return histogram
    }

    @Test("a language released local-only at ε₀ = 1.1 moves her odds on the 50th complaint's language by at most e^ε₀")
    func localOnlyLanguage() throws {
        let a = try Self.languageOutcomes(truth: "l3", source: SodiumRandomSource())
        let b = try Self.languageOutcomes(truth: "l0", source: SodiumRandomSource())
        let (compared, worst) = Self.compare(a, b, bound: exp(1.1))
        // Each answer has probability ≥ 1/(e^1.1 + 31) ≈ 2.9% (≥ 2 900 draws of 100 000); the answers
        // that land on l17…l31 (1 known each) all publish the same figures (2 de-biases to 9, below the
        // threshold, like 1), so 17 + 1 distinct outcomes.
        #expect(compared >= 17, "too few outcomes were frequent enough to compare (\(compared))")
        // The bound is reached, not just respected: the answer l3 is e^1.1 times likelier when she wrote in l3.
        #expect(worst > 1.1 - 0.15, "largest |log ratio| \(worst)")
        print("n-1 attack on a local-only language, ε₀=1.1: largest |log ratio| over \(compared) outcomes \(String(format: "%.4f", worst)) (bound 1.1)")
    }

    @Test("without noise the same attack always wins (the test can see a leak)")
    func exactSumsLeak() throws {
        let (without, with) = Self.tallies()
        #expect(without[Self.target] != with[Self.target])
        let leaky = StatisticsDomain(dimensions: [.init(name: "firewall", cells: ["explicit_status"], cellsPerComplaint: 1)])
        // A release with ε so large that its noise is nil in practice separates the two worlds.
        var sampler = ExactSampler(source: SodiumRandomSource())
        var separated = 0
        for _ in 0..<200 {
            let r1 = try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: without, domain: leaky,
                                                epsilon: try Rational(decimal: "10"), delta: nil, threshold: 0, sampler: &sampler)
            let r2 = try ReleaseBuilder.release(month: "2026-11", releasedDay: "2026-12-01", counts: with, domain: leaky,
                                                epsilon: try Rational(decimal: "10"), delta: nil, threshold: 0, sampler: &sampler)
            if r1.cells[0].value != r2.cells[0].value { separated += 1 }
        }
        #expect(separated >= 190, "at ε = 10 on one cell the figures should almost always differ (\(separated)/200)")
    }
}
