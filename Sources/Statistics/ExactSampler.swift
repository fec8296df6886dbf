/// The exact samplers of Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential
/// Privacy" (NeurIPS 2020; arXiv:2004.00010), §5, with every parameter an exact rational and every
/// random choice a uniform integer from `RandomSource`: the output follows the stated distribution
/// exactly, with no floating point anywhere (floating-point Laplace noise leaks through the
/// low-order bits of its output: Mironov, CCS 2012).
///
/// - `bernoulliExp(_:)` is the paper's Algorithm 1: Bernoulli(exp(−γ)) for rational γ ≥ 0.
/// - `discreteLaplace(s:t:)` is Algorithm 2: P[X = x] ∝ exp(−|x|·s/t) over the integers.
/// - `discreteGaussian(sigmaSquared:)` is Algorithm 3: P[X = x] ∝ exp(−x²/(2σ²)) over the integers.
///
/// Each runs in expected constant time for the parameters a release uses; none of them branches
/// on the data being protected (the counts are added afterwards).
public struct ExactSampler<Source: RandomSource> {
    public var source: Source

    public init(source: Source) {
        self.source = source
    }

    /// Bernoulli(p) for rational p ∈ [0, 1]: a uniform draw below the denominator.
    public mutating func bernoulli(_ p: Rational) -> Bool {
        source.uniform(below: p.denominator) < p.numerator
    }

    /// Bernoulli(exp(−γ)) for rational γ ≥ 0 (Algorithm 1).
    ///
    /// For γ ∈ [0, 1]: draw A₁, A₂, … ~ Bernoulli(γ/k) until the first failure at step K; return
    /// whether K is odd. P[K > k] = γᵏ/k!, so P[K odd] = Σ (−γ)ᵏ/k! = exp(−γ).
    /// For γ > 1: exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋)), as ⌊γ⌋ + 1 independent trials.
    public mutating func bernoulliExp(_ gamma: Rational) throws(StatisticsError) -> Bool {
        if gamma.floor > 0 {
            let one = try Rational(1, 1)
            var k: UInt128 = 0
            while k < gamma.floor {
                guard try bernoulliExpAtMostOne(one) else { return false }
                k += 1
            }
            return try bernoulliExpAtMostOne(gamma.fractionalPart)
        }
        return try bernoulliExpAtMostOne(gamma)
    }

    private mutating func bernoulliExpAtMostOne(_ gamma: Rational) throws(StatisticsError) -> Bool {
        var k: UInt128 = 1
        while true {
            let p = try Rational(gamma.numerator, try Rational.multiply(gamma.denominator, k))
            guard bernoulli(p) else { break }
            k += 1
        }
        return k % 2 == 1
    }

    /// The discrete Laplace distribution with P[X = x] ∝ exp(−|x|·s/t), for positive integers s, t
    /// (Algorithm 2). Its scale is t/s: adding it to an integer query of L1 sensitivity Δ is
    /// (Δ·s/t)-differentially private.
    ///
    /// U uniform in {0, …, t−1} kept with probability exp(−U/t), plus t·V with V geometric
    /// (success exp(−1)), gives X geometric with parameter exp(−1/t); ⌊X/s⌋ is then geometric with
    /// parameter exp(−s/t), and a random sign (rejecting "−0") makes it two-sided.
    public mutating func discreteLaplace(s: UInt128, t: UInt128) throws(StatisticsError) -> Int {
        guard s > 0, t > 0 else { throw StatisticsError(.invalidParameter, "the discrete Laplace parameters s and t must be positive") }
        let one = try Rational(1, 1)
        while true {
            let u = source.uniform(below: t)
            guard try bernoulliExp(try Rational(u, t)) else { continue }
            var v: UInt128 = 0
            while try bernoulliExp(one) { v += 1 }
            let x = try Rational.add(u, try Rational.multiply(t, v))
            let y = x / s
            let negative = bernoulli(try Rational(1, 2))
            if negative && y == 0 { continue }
            guard y <= UInt128(Int.max) else { throw StatisticsError(.arithmeticOverflow, "a discrete Laplace draw does not fit an Int") }
            return negative ? -Int(y) : Int(y)
        }
    }

    /// The discrete Gaussian with P[X = x] ∝ exp(−x²/(2σ²)) for rational σ² > 0 (Algorithm 3).
    ///
    /// With t = ⌊σ⌋ + 1, draw Y from the discrete Laplace of scale t and keep it with probability
    /// exp(−(|Y| − σ²/t)²/(2σ²)). Writing σ² = a/b, that exponent is exactly
    /// (|Y|·b·t − a)² / (2·a·b·t²), a rational computed in integers.
    public mutating func discreteGaussian(sigmaSquared: Rational) throws(StatisticsError) -> Int {
        guard !sigmaSquared.isZero else { throw StatisticsError(.invalidParameter, "σ² must be positive") }
        let a = sigmaSquared.numerator, b = sigmaSquared.denominator
        let t = Rational.integerSquareRoot(sigmaSquared.floor) + 1
        let bt = try Rational.multiply(b, t)
        let denominator = try Rational.multiply(try Rational.multiply(2, a), try Rational.multiply(bt, t))
        while true {
            let y = try discreteLaplace(s: 1, t: t)
            let scaled = try Rational.multiply(UInt128(y.magnitude), bt)
            let difference = scaled >= a ? scaled - a : a - scaled
            let gamma = try Rational(try Rational.multiply(difference, difference), denominator)
            if try bernoulliExp(gamma) { return y }
        }
    }
}
