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
    ///
    /// `localOnly` names randomised dimensions released from the randomised answers alone
    /// (Docs/statistics.md, "Local-only dimensions"): their cells leave the central mechanism, which
    /// is calibrated to the domain without them, get no noise, and are de-biased with the exact
    /// stored total. Every other cell gets its draw as before, so the work and the randomness used
    /// depend on `localOnly` (public) and never on the counts. Such a dimension spends its local
    /// guarantee against release readers: the release records it in `local_only` and adds it to
    /// `epsilon_total`. A month stored exactly (`localRandomisation` nil) has no randomised answers
    /// to release: a local-only dimension is then refused.
    public static func release<S>(month: String, releasedDay: String, counts: [TallyCell: Int], domain: StatisticsDomain,
                                  epsilon: Rational, delta: Rational?, threshold: Int = defaultThreshold,
                                  localRandomisation: LocalRandomisation? = nil, localOnly: Set<String> = [],
                                  handling: StatisticsRelease.Handling? = nil,
                                  sampler: inout ExactSampler<S>) throws(StatisticsError) -> StatisticsRelease {
        guard threshold >= 0 else { throw StatisticsError(.invalidParameter, "the suppression threshold must be 0 or more") }
        let known = LocalRandomisation.bitDimensions.union(LocalRandomisation.categoricalDimensions)
        if let unknown = localOnly.subtracting(known).sorted().first {
            throw StatisticsError(.invalidParameter, "'\(unknown)' is not a randomised dimension; only language, region, indicator and firewall can be released from randomised answers alone")
        }
        // Only the dimensions this domain has (no region without a regions file).
        let local = domain.keeping(localOnly)
        if !local.dimensions.isEmpty && localRandomisation == nil {
            throw StatisticsError(.invalidParameter, "\(month)'s tallies were stored exactly (before randomised response at rest), so there are no "
                + "randomised answers to release \(local.dimensions.map(\.name).joined(separator: ", ")) from: release \(month) without "
                + "--local-release (every figure then gets central noise)")
        }
        let central = domain.removing(localOnly)
        let mechanism = try NoiseMechanism.calibrated(epsilon: epsilon, delta: delta, domain: central)
        // Every centrally noised cell gets a draw, suppressed or not, zero or not: the work and the
        // randomness used never depend on the counts. Local-only cells get none.
        var noisy: [TallyCell: Int] = [:]
        for cell in central.cells { noisy[cell] = (counts[cell] ?? 0) + (try mechanism.sample(&sampler)) }
        var estimates = debiased(noisy, domain: central, localRandomisation: localRandomisation)
        if let localRandomisation, !local.dimensions.isEmpty {
            // The stored answers as they are, de-biased with the exact stored total.
            var stored: [TallyCell: Int] = [TallyCell("total", "all"): counts[TallyCell("total", "all")] ?? 0]
            for cell in local.cells { stored[cell] = counts[cell] ?? 0 }
            let localEstimates = debiased(stored, domain: local, localRandomisation: localRandomisation)
            for cell in local.cells { estimates[cell] = localEstimates[cell] }
        }
        var cells: [StatisticsRelease.Cell] = []
        for cell in domain.cells {
            let value = estimates[cell] ?? 0
            cells.append(StatisticsRelease.Cell(dimension: cell.dimension, cell: cell.cell, value: value >= threshold ? value : nil))
        }
        let localEpsilon = localRandomisation.map { local in local.epsilons.filter { name, _ in domain.dimensions.contains { $0.name == name } } }
        let localNames = local.dimensions.map(\.name).sorted()
        return StatisticsRelease(month: month, releasedDay: releasedDay, mechanism: mechanism.name, noiseParameter: mechanism.parameter,
                                 epsilon: epsilon, delta: delta, l1Sensitivity: central.l1Sensitivity,
                                 l2SensitivitySquared: central.l2SensitivitySquared, threshold: threshold, cells: cells,
                                 localEpsilon: localEpsilon, localOnly: localNames,
                                 epsilonTotal: try StatisticsRelease.composedEpsilon(epsilon: epsilon, localOnly: localNames, localEpsilon: localEpsilon ?? [:],
                                                                                     cells: { name in local.dimensions.first { $0.name == name }?.cells.count ?? 0 }),
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
