/// Turns one month's exact tallies into a release: noise on every cell of the domain, then
/// suppression of cells below the threshold. Both steps look at each cell alone, and suppression
/// happens after noise, so it is post-processing and costs no budget.
public enum ReleaseBuilder {
    /// The default suppression threshold: a noisy value below it is published as "suppressed".
    public static let defaultThreshold = 10

    ///
    /// With `localRandomisation` (tallies stored under randomised response, `LocalRandomisation`),
    /// the noise is added to the *stored* counts, whose sensitivity is the domain's as before (one
    /// complaint's randomised answer touches at most as many cells as its truth could), and each
    /// randomised dimension is then de-biased from the noisy counts and the noisy total:
    /// (T̃ − ñ·q)/(p − q), rounded and clamped at 0. De-biasing is post-processing of the noisy
    /// vector, so it costs no budget; de-biasing first would have multiplied the sensitivity (the
    /// estimate of every cell of a dimension moves with the total).
    public static func release<S>(month: String, releasedDay: String, counts: [TallyCell: Int], domain: StatisticsDomain,
                                  epsilon: Rational, delta: Rational?, threshold: Int = defaultThreshold,
                                  localRandomisation: LocalRandomisation? = nil,
                                  handling: StatisticsRelease.Handling? = nil,
                                  sampler: inout ExactSampler<S>) throws(StatisticsError) -> StatisticsRelease {
        guard threshold >= 0 else { throw StatisticsError(.invalidParameter, "the suppression threshold must be 0 or more") }
        let mechanism = try NoiseMechanism.calibrated(epsilon: epsilon, delta: delta, domain: domain)
        // Every cell gets a draw, suppressed or not, zero or not: the work and the randomness used
        // never depend on the counts.
        var noisy: [TallyCell: Int] = [:]
        for cell in domain.cells { noisy[cell] = (counts[cell] ?? 0) + (try mechanism.sample(&sampler)) }
        let estimates = debiased(noisy, domain: domain, localRandomisation: localRandomisation)
        var cells: [StatisticsRelease.Cell] = []
        for cell in domain.cells {
            let value = estimates[cell] ?? 0
            cells.append(StatisticsRelease.Cell(dimension: cell.dimension, cell: cell.cell, value: value >= threshold ? value : nil))
        }
        return StatisticsRelease(month: month, releasedDay: releasedDay, mechanism: mechanism.name, noiseParameter: mechanism.parameter,
                                 epsilon: epsilon, delta: delta, l1Sensitivity: domain.l1Sensitivity,
                                 l2SensitivitySquared: domain.l2SensitivitySquared, threshold: threshold, cells: cells,
                                 localEpsilon: localRandomisation.map { local in local.epsilons.filter { name, _ in domain.dimensions.contains { $0.name == name } } },
                                 handling: handling)
    }

    /// The unbiased estimate of every cell from counts of randomised answers (noisy or not): for a
    /// randomised dimension with answer probabilities p (truth 1) and q (truth 0), E[T] = n_v·p +
    /// (n − n_v)·q, so (T − n·q)/(p − q) estimates n_v without bias, n being the total (its noisy
    /// value, whose noise has mean 0). Exact dimensions are returned as they are. Rounded to the
    /// nearest integer and clamped at 0 for randomised dimensions.
    public static func debiased(_ counts: [TallyCell: Int], domain: StatisticsDomain, localRandomisation: LocalRandomisation?) -> [TallyCell: Int] {
        guard let localRandomisation else { return counts }
        var rounded = counts
        for (cell, estimate) in estimates(counts, domain: domain, localRandomisation: localRandomisation) {
            rounded[cell] = max(0, Int(estimate.rounded()))
        }
        return rounded
    }

    /// The unbiased estimates (T − n·q)/(p − q) of every cell of the randomised dimensions, before
    /// rounding and clamping (which add a small bias near 0 and are left to `debiased`).
    public static func estimates(_ counts: [TallyCell: Int], domain: StatisticsDomain, localRandomisation: LocalRandomisation) -> [TallyCell: Double] {
        let total = Double(counts[TallyCell("total", "all")] ?? 0)
        var estimates: [TallyCell: Double] = [:]
        for dimension in domain.dimensions {
            guard let (p, q) = localRandomisation.probabilities(dimension: dimension.name, cells: dimension.cells.count) else { continue }
            for name in dimension.cells {
                let cell = TallyCell(dimension.name, name)
                estimates[cell] = (Double(counts[cell] ?? 0) - total * q) / (p - q)
            }
        }
        return estimates
    }
}
