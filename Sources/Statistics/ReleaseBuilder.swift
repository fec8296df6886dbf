/// Turns one month's exact tallies into a release: noise on every cell of the domain, then
/// suppression of cells below the threshold. Both steps look at each cell alone, and suppression
/// happens after noise, so it is post-processing and costs no budget.
public enum ReleaseBuilder {
    /// The default suppression threshold: a noisy value below it is published as "suppressed".
    public static let defaultThreshold = 10

    public static func release<S>(month: String, releasedDay: String, counts: [TallyCell: Int], domain: StatisticsDomain,
                                  epsilon: Rational, delta: Rational?, threshold: Int = defaultThreshold,
                                  handling: StatisticsRelease.Handling? = nil,
                                  sampler: inout ExactSampler<S>) throws(StatisticsError) -> StatisticsRelease {
        guard threshold >= 0 else { throw StatisticsError(.invalidParameter, "the suppression threshold must be 0 or more") }
        let mechanism = try NoiseMechanism.calibrated(epsilon: epsilon, delta: delta, domain: domain)
        var cells: [StatisticsRelease.Cell] = []
        for cell in domain.cells {
            // Every cell gets a draw, suppressed or not, zero or not: the work and the randomness
            // used never depend on the counts.
            let noisy = (counts[cell] ?? 0) + (try mechanism.sample(&sampler))
            cells.append(StatisticsRelease.Cell(dimension: cell.dimension, cell: cell.cell, value: noisy >= threshold ? noisy : nil))
        }
        return StatisticsRelease(month: month, releasedDay: releasedDay, mechanism: mechanism.name, noiseParameter: mechanism.parameter,
                                 epsilon: epsilon, delta: delta, l1Sensitivity: domain.l1Sensitivity,
                                 l2SensitivitySquared: domain.l2SensitivitySquared, threshold: threshold, cells: cells,
                                 handling: handling)
    }
}
