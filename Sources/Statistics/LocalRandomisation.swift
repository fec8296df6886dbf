import Foundation

/// Randomised response at rest (Docs/statistics.md, "Randomised tallies"): how each complaint's
/// contribution to the tallies is randomised *before* it is stored, so that the difference of any
/// two storage states (WAL frames, dead row versions, two backups around one filing) shows only a
/// deniable answer per case, never its true language, region, indicators or firewall categories.
///
/// One ε₀ per dimension, an exact rational:
/// - **bit dimensions** (`indicator`, `firewall`: a complaint may touch several cells) store each
///   cell's bit as true with probability e^ε₀/(1 + e^ε₀), else flipped (Warner 1965);
/// - **categorical dimensions** (`language`, `region`: exactly one cell per complaint) store the true
///   cell with probability e^ε₀/(e^ε₀ + k − 1), else a uniformly random *other* cell of the k in the
///   fixed domain (k-ary randomised response);
/// - `total` is not randomised: one per complaint says only that a case exists, which its row says anyway.
///
/// Each categorical dimension's stored answer is ε₀-locally differentially private; each bit of a
/// bit dimension is ε₀-LDP on its own, and since every cell's bit is randomised separately the whole
/// dimension is (cells · ε₀)-LDP (9 · ε₀ for the firewall categories, `learned` included; 11 · ε₀
/// for the indicators). One case's answers in all dimensions together are the sum (basic
/// composition): 1.1 (language) + 1.1 (region) + 11 × 1.1 (indicators) + 9 × 1.1 (firewall) =
/// 24.2-LDP at the default (23.1 with the 8 categories before `learned`).
public struct LocalRandomisation: Sendable, Equatable, CustomStringConvertible {
    /// The dimensions that are randomised, and how.
    public static let bitDimensions: Set<String> = ["indicator", "firewall"]
    public static let categoricalDimensions: Set<String> = ["language", "region"]
    /// ε₀ = 1.1 (e^1.1 ≈ 3.004, about ln 3): a stored bit is wrong with probability 1/(1 + e^1.1) ≈ 0.2497.
    public static let defaultEpsilon = "1.1"
    /// Below 0.1 a month of thousands of complaints estimates nothing; above 10 the answer is the truth
    /// but for one case in 20 000 (bits), which denies nothing.
    public static let epsilonRange = (minimum: "0.1", maximum: "10")

    /// ε₀ per randomised dimension.
    public let epsilons: [String: Rational]

    public init(epsilons: [String: Rational]) throws(StatisticsError) {
        let minimum = try Rational(decimal: Self.epsilonRange.minimum), maximum = try Rational(decimal: Self.epsilonRange.maximum)
        for (dimension, epsilon) in epsilons {
            guard Self.bitDimensions.contains(dimension) || Self.categoricalDimensions.contains(dimension) else {
                throw StatisticsError(.invalidParameter, "'\(dimension)' is not a randomised dimension (language, region, indicator, firewall)")
            }
            // At most six decimal places: the exact sampler's products then stay far inside 128 bits,
            // so randomising a filing can never fail (and refuse the complaint) on overflow.
            guard epsilon.denominator <= 1_000_000 else {
                throw StatisticsError(.invalidParameter, "the local ε₀ of \(dimension) may have at most six decimal places")
            }
            guard try epsilon.compare(minimum) >= 0, try epsilon.compare(maximum) <= 0 else {
                throw StatisticsError(.invalidParameter, "the local ε₀ of \(dimension) must be between \(Self.epsilonRange.minimum) and \(Self.epsilonRange.maximum) (got \(epsilon.doubleValue))")
            }
        }
        guard Set(epsilons.keys) == Self.bitDimensions.union(Self.categoricalDimensions) else {
            throw StatisticsError(.invalidParameter, "every randomised dimension needs its ε₀: language, region, indicator, firewall")
        }
        self.epsilons = epsilons
    }

    /// ε₀ = 1.1 for every dimension: the default.
    public static let standard: LocalRandomisation = {
        do { return try uniform() } catch { preconditionFailure("the default local ε₀ is valid: \(error)") }
    }()

    /// The same ε₀ for every dimension (default 1.1).
    public static func uniform(_ epsilon: String = defaultEpsilon) throws(StatisticsError) -> LocalRandomisation {
        let value = try Rational(decimal: epsilon)
        return try LocalRandomisation(epsilons: Dictionary(uniqueKeysWithValues: Self.bitDimensions.union(Self.categoricalDimensions).map { ($0, value) }))
    }

    /// Operator syntax: one decimal for all ("1.1"), or per dimension ("1.1,firewall=0.7"): a bare
    /// value sets every dimension, `dimension=value` overrides one.
    public init(operatorText text: String) throws(StatisticsError) {
        var epsilons = try Self.uniform().epsilons
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            if let equals = part.firstIndex(of: "=") {
                let dimension = String(part[..<equals]), value = try Rational(decimal: String(part[part.index(after: equals)...]))
                guard epsilons[dimension] != nil else {
                    throw StatisticsError(.invalidParameter, "'\(dimension)' is not a randomised dimension (language, region, indicator, firewall)")
                }
                epsilons[dimension] = value
            } else {
                let value = try Rational(decimal: part)
                for key in epsilons.keys { epsilons[key] = value }
            }
        }
        try self.init(epsilons: epsilons)
    }

    /// How many separately randomised answers one case has in `dimension` of `cells` cells: one
    /// bit per cell for a bit dimension, one answer for a categorical one. The dimension's local
    /// guarantee is this many times its ε₀ (basic composition).
    public static func answersPerCase(dimension: String, cells: Int) -> Int {
        bitDimensions.contains(dimension) ? cells : 1
    }

    /// Operator syntax of `--local-release` / `--stats-local-release`: a comma list of randomised
    /// dimensions released from the randomised answers alone ("language,region"); empty for none.
    public static func localOnlyDimensions(operatorText text: String) throws(StatisticsError) -> Set<String> {
        let known = bitDimensions.union(categoricalDimensions)
        var names: Set<String> = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard known.contains(part) else {
                throw StatisticsError(.invalidParameter, "'\(part)' is not a randomised dimension: give a comma list of language, region, "
                    + "indicator, firewall (e.g. 'language' or 'language,region'), or leave the option out to noise every figure centrally")
            }
            names.insert(part)
        }
        return names
    }

    /// Canonical, exact: "firewall=11/10,indicator=11/10,language=11/10,region=11/10" (stored per month).
    public var description: String {
        epsilons.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Parses `description` back.
    public init(stored text: String) throws(StatisticsError) {
        var epsilons: [String: Rational] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2 else { throw StatisticsError(.invalidRelease, "'\(text)' is not a stored local randomisation") }
            epsilons[String(pieces[0])] = try Rational(exact: String(pieces[1]))
        }
        try self.init(epsilons: epsilons)
    }

    /// The probabilities of a stored answer, for de-biasing (post-processing, floating point is
    /// fine there): `p` that a cell reads 1 when its truth is 1, `q` when its truth is 0.
    public func probabilities(dimension: String, cells k: Int) -> (p: Double, q: Double)? {
        guard let epsilon = epsilons[dimension] else { return nil }
        return Self.probabilities(dimension: dimension, epsilon: epsilon, cells: k)
    }

    /// The same for one dimension's ε₀ (as a release records it).
    public static func probabilities(dimension: String, epsilon: Rational, cells k: Int) -> (p: Double, q: Double)? {
        let odds = exp(epsilon.doubleValue)
        if Self.bitDimensions.contains(dimension) { return (odds / (1 + odds), 1 / (1 + odds)) }
        guard k > 1 else { return nil }
        return (odds / (odds + Double(k - 1)), 1 / (odds + Double(k - 1)))
    }

    /// The typical error (one standard deviation) of a de-biased figure of `dimension` in a month of
    /// about `total` complaints, with central noise of standard deviation `centralSD` on each stored
    /// cell and on the total: √(n·max(p(1 − p), q(1 − q)) + σ²(1 + q²)) / (p − q), an upper bound
    /// over the cell's true share. Nil for a dimension that is not randomised.
    public static func standardDeviation(dimension: String, epsilon: Rational, cells k: Int, total: Int, centralSD: Double) -> Double? {
        guard let (p, q) = probabilities(dimension: dimension, epsilon: epsilon, cells: k) else { return nil }
        let n = Double(max(0, total)), sigma2 = centralSD * centralSD
        return (n * max(p * (1 - p), q * (1 - q)) + sigma2 * (1 + q * q)).squareRoot() / (p - q)
    }

    /// Randomises one complaint's true cells (`truth`, the exact cells as `StatisticsTallying` finds
    /// them) over `domain`: what the store adds 1 to. Every cell of a bit dimension and one cell of
    /// each categorical dimension is drawn, whatever the truth, so the randomness used does not
    /// depend on it. A categorical dimension with no true cell in the domain (none is expected)
    /// stores a uniformly random cell, so each complaint still adds exactly one.
    public func randomise<S>(_ truth: [TallyCell], domain: StatisticsDomain, sampler: inout ExactSampler<S>) throws(StatisticsError) -> [TallyCell] {
        let truthSet = Set(truth)
        var cells: [TallyCell] = []
        for dimension in domain.dimensions {
            let k = dimension.cells.count
            if let epsilon = epsilons[dimension.name], Self.bitDimensions.contains(dimension.name) {
                for cell in dimension.cells {
                    let bit = truthSet.contains(TallyCell(dimension.name, cell))
                    if try sampler.keepBit(epsilon: epsilon) == bit { cells.append(TallyCell(dimension.name, cell)) }
                }
            } else if let epsilon = epsilons[dimension.name], Self.categoricalDimensions.contains(dimension.name), k > 1 {
                let index = dimension.cells.firstIndex { truthSet.contains(TallyCell(dimension.name, $0)) }
                let answer = try sampler.kAryResponse(truth: index, k: k, epsilon: epsilon)
                cells.append(TallyCell(dimension.name, dimension.cells[answer]))
            } else {
                cells += truth.filter { $0.dimension == dimension.name }
            }
        }
        return cells.sorted()
    }
}

extension ExactSampler {
    /// True with probability e^ε/(1 + e^ε) = 1/(1 + e^−ε), exactly (a Bernoulli factory on
    /// Bernoulli(e^−ε)): each round returns true on a fair coin's heads, false on tails and a
    /// Bernoulli(e^−ε) success, else repeats; P = ½ + ½(1 − e^−ε)P.
    public mutating func keepBit(epsilon: Rational) throws(StatisticsError) -> Bool {
        let half = try Rational(1, 2)
        while true {
            if bernoulli(half) { return true }
            if try bernoulliExp(epsilon) { return false }
        }
    }

    /// k-ary randomised response: `truth` (an index below k, or nil when unknown) with probability
    /// e^ε/(e^ε + k − 1), else a uniformly random other index; exactly, as above: each round keeps
    /// on a uniform draw of 0 among k, answers "other" on a non-zero draw and a Bernoulli(e^−ε)
    /// success, else repeats; P(keep) = 1/(1 + (k − 1)e^−ε).
    public mutating func kAryResponse(truth: Int?, k: Int, epsilon: Rational) throws(StatisticsError) -> Int {
        precondition(k > 1)
        var keep = false
        while true {
            if source.uniform(below: UInt128(k)) == 0 { keep = true; break }
            if try bernoulliExp(epsilon) { break }
        }
        guard let truth else {
            // No true cell: any of the k (the draw above is still made, so the work does not say so).
            return Int(source.uniform(below: UInt128(k)))
        }
        if keep { return truth }
        let other = Int(source.uniform(below: UInt128(k - 1)))
        return other >= truth ? other + 1 : other
    }
}

/// A month's stored tallies as a release reads them: the counts, and how they were randomised
/// (nil: exact tallies, stored before randomised response at rest).
public struct StoredTallies: Sendable, Equatable {
    public let counts: [TallyCell: Int]
    public let localRandomisation: LocalRandomisation?

    public init(counts: [TallyCell: Int], localRandomisation: LocalRandomisation?) {
        self.counts = counts
        self.localRandomisation = localRandomisation
    }
}
