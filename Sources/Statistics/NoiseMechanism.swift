import Foundation

/// The noise a release adds to every cell, calibrated to the operator's budget (ε, δ) and the
/// domain's sensitivity.
///
/// - Without δ: the discrete Laplace mechanism with scale Δ₁/ε, which is ε-differentially private
///   for the whole release (every cell at once, Δ₁ = the domain's L1 sensitivity).
/// - With δ: the discrete Gaussian with σ² = Δ₂²/(2ρ), which is ρ-zCDP (Canonne, Kamath, Steinke
///   2020, Theorem 4 with the L2 sensitivity Δ₂ of the whole vector), hence (ε, δ)-DP for
///   ρ = (√(ε + ln 1/δ) − √(ln 1/δ))² (Bun and Steinke 2016, Proposition 1.3). σ² is rounded up to
///   a multiple of 10⁻⁶, which only adds noise.
public enum NoiseMechanism: Sendable, Equatable {
    /// Noise with P[x] ∝ exp(−|x|/scale).
    case discreteLaplace(scale: Rational)
    /// Noise with P[x] ∝ exp(−x²/(2σ²)).
    case discreteGaussian(sigmaSquared: Rational)

    /// The budgets a release accepts: below ε = 0.01 the noise swamps any count an inspectorate
    /// has; above 10 the guarantee means little. δ must be far below one over any caseload.
    public static let epsilonRange = (minimum: "0.01", maximum: "10")
    public static let deltaMaximum = "0.001"

    public static func calibrated(epsilon: Rational, delta: Rational?, domain: StatisticsDomain) throws(StatisticsError) -> NoiseMechanism {
        guard try epsilon.compare(try Rational(decimal: epsilonRange.minimum)) >= 0,
              try epsilon.compare(try Rational(decimal: epsilonRange.maximum)) <= 0 else {
            throw StatisticsError(.invalidParameter, "ε must be between \(epsilonRange.minimum) and \(epsilonRange.maximum) (got \(epsilon.doubleValue))")
        }
        let sensitivity = UInt128(domain.l1Sensitivity)
        guard sensitivity > 0 else { throw StatisticsError(.invalidParameter, "the statistics domain has no cells to release") }
        guard let delta else {
            // scale = Δ₁/ε = Δ₁·d/n for ε = n/d.
            return .discreteLaplace(scale: try Rational(try Rational.multiply(sensitivity, epsilon.denominator), epsilon.numerator))
        }
        guard !delta.isZero, try delta.compare(try Rational(decimal: deltaMaximum)) <= 0 else {
            throw StatisticsError(.invalidParameter, "δ must be above 0 and at most \(deltaMaximum); leave --delta out for pure ε-DP (discrete Laplace)")
        }
        let logInverseDelta = log(Double(delta.denominator)) - log(Double(delta.numerator))
        let rho = pow((epsilon.doubleValue + logInverseDelta).squareRoot() - logInverseDelta.squareRoot(), 2)
        let sigmaSquared = Double(domain.l2SensitivitySquared) / (2 * rho)
        let micro: UInt128 = 1_000_000
        guard sigmaSquared.isFinite, sigmaSquared < 1e12 else { throw StatisticsError(.invalidParameter, "ε and δ are too small for any useful release") }
        // Rounded up, plus one millionth for the floating-point error of the lines above.
        let exact = try Rational(UInt128((sigmaSquared * Double(micro)).rounded(.up)) + 1, micro)
        return .discreteGaussian(sigmaSquared: exact)
    }

    /// The name recorded in a release.
    public var name: String {
        switch self {
        case .discreteLaplace: "discrete_laplace"
        case .discreteGaussian: "discrete_gaussian"
        }
    }

    /// The exact parameter recorded in a release: "scale=t/s" or "sigma2=a/b".
    public var parameter: String {
        switch self {
        case let .discreteLaplace(scale): "scale=\(scale)"
        case let .discreteGaussian(sigmaSquared): "sigma2=\(sigmaSquared)"
        }
    }

    /// The noise's standard deviation, for readers of a release (not used to sample).
    public var standardDeviation: Double {
        switch self {
        case let .discreteLaplace(scale):
            // Var = 2q/(1−q)² with q = exp(−1/scale).
            let q = exp(-1 / scale.doubleValue)
            return (2 * q).squareRoot() / (1 - q)
        case let .discreteGaussian(sigmaSquared):
            return sigmaSquared.doubleValue.squareRoot()  // an upper bound; the discrete variance is slightly below σ²
        }
    }

    /// One draw of the noise.
    public func sample<S>(_ sampler: inout ExactSampler<S>) throws(StatisticsError) -> Int {
        switch self {
        case let .discreteLaplace(scale): try sampler.discreteLaplace(s: scale.denominator, t: scale.numerator)
        case let .discreteGaussian(sigmaSquared): try sampler.discreteGaussian(sigmaSquared: sigmaSquared)
        }
    }
}
