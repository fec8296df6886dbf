import Foundation

/// Pearson's chi-square goodness-of-fit test of integer samples against an exact pmf.
///
/// The critical value is the chi-square quantile at 1 − 10⁻⁹ (Wilson–Hilferty approximation,
/// z = 6.0): a correct sampler fails with probability about one in a billion, so the tests that use
/// libsodium's randomness do not flake, and a wrong distribution with the sample sizes used here
/// (≥ 100 000) is still caught (a 2% error in one central bin moves the statistic by hundreds).
struct ChiSquare {
    let statistic: Double
    let degreesOfFreedom: Int

    /// Bins: every value whose expected count is at least 5 gets its own; the rest are pooled.
    init(samples: [Int], pmf: (Int) -> Double, support: ClosedRange<Int>) {
        let n = Double(samples.count)
        var observed: [Int: Int] = [:]
        for x in samples { observed[x, default: 0] += 1 }
        var statistic = 0.0
        var bins = 0
        var pooledExpected = 0.0
        var pooledObserved = 0
        var covered = Set<Int>()
        for x in support {
            let expected = n * pmf(x)
            if expected >= 5 {
                let o = Double(observed[x] ?? 0)
                statistic += (o - expected) * (o - expected) / expected
                bins += 1
                covered.insert(x)
            }
        }
        pooledExpected = n - support.filter(covered.contains).reduce(0.0) { $0 + n * pmf($1) }
        pooledObserved = samples.count - covered.reduce(0) { $0 + (observed[$1] ?? 0) }
        if pooledExpected > 0 {
            let d = Double(pooledObserved) - pooledExpected
            statistic += d * d / max(pooledExpected, 1e-12)
            bins += 1
        }
        self.statistic = statistic
        self.degreesOfFreedom = bins - 1
    }

    /// The 1 − 10⁻⁹ quantile of the chi-square distribution with `degreesOfFreedom`.
    var criticalValue: Double {
        let k = Double(degreesOfFreedom)
        let z = 6.0
        let term = 1 - 2 / (9 * k) + z * (2 / (9 * k)).squareRoot()
        return k * term * term * term
    }

    var passes: Bool { statistic <= criticalValue }
}

/// Exact pmfs of the two distributions, for the tests.
enum ExactPMF {
    /// Discrete Laplace with P[x] ∝ exp(−|x|/scale): (1 − q)/(1 + q) · q^|x|, q = exp(−1/scale).
    static func discreteLaplace(scale: Double) -> (Int) -> Double {
        let q = exp(-1 / scale)
        return { x in (1 - q) / (1 + q) * pow(q, Double(abs(x))) }
    }

    /// Discrete Gaussian with P[x] ∝ exp(−x²/(2σ²)), normalised over ±(40σ + 10) (the rest is below 10⁻³⁰⁰).
    static func discreteGaussian(sigmaSquared: Double) -> (Int) -> Double {
        let bound = Int(40 * sigmaSquared.squareRoot()) + 10
        let weight = { (x: Int) in exp(-Double(x * x) / (2 * sigmaSquared)) }
        let total = (-bound...bound).reduce(0.0) { $0 + weight($1) }
        return { x in weight(x) / total }
    }
}
